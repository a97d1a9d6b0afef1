import type { Point, Rect } from './geometry';

/**
 * Where the straight line from the centre of `box` towards the centre of `other` leaves `box`'s border.
 * Relationships are drawn between these points ("floating edges"), so a line always meets a stakeholder on the
 * side facing its partner, wherever the two are dragged. Same maths as React Flow's floating edges example.
 */
export function borderPointTowards(box: Rect, other: Rect): Point {
  const w = box.width / 2;
  const h = box.height / 2;
  const cx = box.x + w;
  const cy = box.y + h;
  const ox = other.x + other.width / 2;
  const oy = other.y + other.height / 2;
  if (w === 0 || h === 0) return { x: cx, y: cy };
  const xx1 = (ox - cx) / (2 * w) - (oy - cy) / (2 * h);
  const yy1 = (ox - cx) / (2 * w) + (oy - cy) / (2 * h);
  const a = 1 / (Math.abs(xx1) + Math.abs(yy1) || 1);
  const xx3 = a * xx1;
  const yy3 = a * yy1;
  return { x: w * (xx3 + yy3) + cx, y: h * (-xx3 + yy3) + cy };
}

/** The two ends of a relationship line between two stakeholder boxes. */
export function floatingEnds(source: Rect, target: Rect): { from: Point; to: Point } {
  return { from: borderPointTowards(source, target), to: borderPointTowards(target, source) };
}
