import type { RelationshipStatus } from '../document/format';
import { contains, inflate, overlapArea, rectAround, RectGrid, type Point, type Rect } from './geometry';

/*
 * Where each relationship's label sits on its line. The midpoint is where a reader looks first, but on a real
 * map several lines leave the team node side by side and their midpoints' labels pile up. So each label tries
 * spots along its own line, then just beside it, and takes the first spot that covers no stakeholder and no
 * label placed before it. The map and every export use the same function.
 */

/** A relationship line and the size of its label. */
export interface LabelRequest {
  readonly id: string;
  /** Where the line starts and ends (on the borders of its two stakeholders). */
  readonly from: Point;
  readonly to: Point;
  readonly width: number;
  readonly height: number;
  /** Lower goes first and so gets the best spot: problematic relationships should be 0. */
  readonly priority: number;
}

/** Where a label sits: `t` of the way along its line, then `offset` map units to the side of it. */
export interface LabelPlacement {
  readonly t: number;
  readonly offset: number;
}

export const MIDPOINT: LabelPlacement = { t: 0.5, offset: 0 };

/** Which labels choose first: problematic relationships get the best spots, then strained ones. */
export const LABEL_PRIORITY: Readonly<Record<RelationshipStatus, number>> = { problematic: 0, strained: 1, neutral: 2, healthy: 2 };

/** Space kept between a label and a stakeholder (room for a connection dot) or another label. */
export const LABEL_CLEARANCE = { node: 8, label: 4 } as const;

/** Fractions of the line tried, midpoint first, then alternately nearer each end. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86];
/**
 * Steps to the side of the line tried once no spot on the line is free (multiples of the label's half-depth).
 * Up to four steps: between close stakeholders (the sample's Creative agency, Legal and Brand) a label two steps
 * off its line still covered a stakeholder, on the map and in every export.
 */
const BESIDE = [0, 1, -1, 2, -2, 3, -3, 4, -4];

/** The centre of a label placed at `placement` on the line from `from` to `to`. */
export function labelCentre(from: Point, to: Point, placement: LabelPlacement): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: from.x + dx * placement.t - (dy / length) * placement.offset, y: from.y + dy * placement.t + (dx / length) * placement.offset };
}

/**
 * The short leader from a label moved off its line back to the line (null for a label on its line): a label two
 * or four steps aside must still say which line it belongs to.
 */
export function labelLeader(from: Point, to: Point, placement: LabelPlacement): { from: Point; to: Point } | null {
  if (placement.offset === 0) return null;
  return { from: labelCentre(from, to, { t: placement.t, offset: 0 }), to: labelCentre(from, to, placement) };
}

/** How far a box of `width` x `height` reaches across a line of direction (dx, dy): half its extent along the normal. */
function halfDepth(width: number, height: number, dx: number, dy: number): number {
  const length = Math.hypot(dx, dy) || 1;
  return (width / 2) * Math.abs(dy / length) + (height / 2) * Math.abs(dx / length);
}

/**
 * Places every label so that none covers a stakeholder box (`nodes`) or another label, where the map leaves room;
 * where it does not, a label takes the spot that covers least. `bounds`, if given, is where labels must stay
 * (an export's drawing area). Deterministic: the same map gives the same placements.
 */
export function placeLabels(requests: readonly LabelRequest[], nodes: readonly Rect[], options: { bounds?: Rect } = {}): Map<string, LabelPlacement> {
  const obstacles = new RectGrid<Rect>();
  for (const node of nodes) obstacles.add(inflate(node, LABEL_CLEARANCE.node));
  const placed = new RectGrid<Rect>();
  const ordered = [...requests].sort(
    (a, b) => a.priority - b.priority || lengthOf(a) - lengthOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const result = new Map<string, LabelPlacement>();
  for (const request of ordered) {
    const placement = bestPlacement(request, obstacles, placed, options.bounds);
    result.set(request.id, placement);
    placed.add(inflate(rectAround(labelCentre(request.from, request.to, placement), request), LABEL_CLEARANCE.label));
  }
  return result;
}

function lengthOf(request: LabelRequest): number {
  return Math.hypot(request.to.x - request.from.x, request.to.y - request.from.y);
}

function bestPlacement(request: LabelRequest, obstacles: RectGrid, placed: RectGrid, bounds: Rect | undefined): LabelPlacement {
  const dx = request.to.x - request.from.x;
  const dy = request.to.y - request.from.y;
  const step = halfDepth(request.width, request.height, dx, dy) + LABEL_CLEARANCE.label + 2;
  let fallback: { placement: LabelPlacement; cost: number } | null = null;
  for (const side of BESIDE) {
    for (const t of ALONG) {
      const placement = { t, offset: side * step };
      const box = rectAround(labelCentre(request.from, request.to, placement), request);
      if (bounds && !contains(bounds, box)) continue;
      const onNodes = obstacles.hits(box);
      const onLabels = placed.hits(inflate(box, -0.5));
      if (onNodes.length === 0 && onLabels.length === 0) return placement;
      // Covering a stakeholder hides what the map is about; covering a label less so. Farther from the line is
      // a little worse too, so equal overlaps keep the label on its line.
      const cost = sum(onNodes, box) * 4 + sum(onLabels, box) + Math.abs(side) + Math.abs(t - 0.5);
      if (!fallback || cost < fallback.cost) fallback = { placement, cost };
    }
  }
  return fallback?.placement ?? MIDPOINT;
}

function sum(rects: readonly Rect[], box: Rect): number {
  let total = 0;
  for (const r of rects) total += overlapArea(r, box);
  return total;
}
