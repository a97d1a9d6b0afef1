import type { Point } from './geometry';

/** A straight piece of line. */
export interface Segment {
  readonly from: Point;
  readonly to: Point;
}

/** A relationship line drawn as two views: the source side's half, the target side's half, and the cut between. */
export interface SplitLine {
  /** From the source to just before the middle: drawn in the source side's status. */
  readonly ours: Segment;
  /** From just after the middle to the target: drawn in the other side's status. */
  readonly theirs: Segment;
  /** Two short bars across the line at the ends of the cut, so the split reads without colour. */
  readonly bars: readonly [Segment, Segment];
}

/**
 * Cuts the line from `from` to `to` at its middle, leaving a gap of `gap` (less on a line too short for it), with
 * bars `barLength` long across each end of the gap. Used where the two sides of a relationship see it
 * differently, on the map and in exports alike.
 */
export function splitLine(from: Point, to: Point, gap = 8, barLength = 14): SplitLine {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const [ux, uy] = length > 0 ? [dx / length, dy / length] : [1, 0];
  // A short line keeps two thirds of itself drawn: the halves must stay visible beside the cut.
  const half = Math.min(gap, length / 3) / 2;
  const middle = { x: from.x + dx / 2, y: from.y + dy / 2 };
  const cutStart = { x: middle.x - ux * half, y: middle.y - uy * half };
  const cutEnd = { x: middle.x + ux * half, y: middle.y + uy * half };
  const [nx, ny] = [(-uy * barLength) / 2, (ux * barLength) / 2];
  const bar = (p: Point): Segment => ({ from: { x: p.x + nx, y: p.y + ny }, to: { x: p.x - nx, y: p.y - ny } });
  return { ours: { from, to: cutStart }, theirs: { from: cutEnd, to }, bars: [bar(cutStart), bar(cutEnd)] };
}

/** An SVG path of one segment. */
export function segmentPath(segment: Segment): string {
  return `M ${segment.from.x} ${segment.from.y} L ${segment.to.x} ${segment.to.y}`;
}
