import type { Point } from './geometry';

/**
 * The area around a relationship line that takes the pointer: a rectangle `halfWidth` either side of the line,
 * as an SVG path. React Flow's own interaction area is the line stroked wide, but a stroke does not count in an
 * SVG element's geometry, so a perfectly level or upright line (two stakeholders on one row, which Tidy layout
 * makes often) has a box of zero height or width, and tools that ask whether an element is on screen (screen
 * readers' hit tests, automation) call the relationship invisible. A filled shape always has an area.
 * A line of no length (two stakeholders on top of each other) gets a square around its point.
 */
export function lineHitArea(from: Point, to: Point, halfWidth: number): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  // Unit vectors along the line and across it; a point-like line is treated as level.
  const [ux, uy] = length > 0 ? [dx / length, dy / length] : [1, 0];
  const [nx, ny] = [-uy * halfWidth, ux * halfWidth];
  // Stretch a short line to at least a square, so even touching stakeholders' line can be clicked.
  const pad = length > 0 ? 0 : halfWidth;
  const a = { x: from.x - ux * pad, y: from.y - uy * pad };
  const b = { x: to.x + ux * pad, y: to.y + uy * pad };
  const corners = [
    { x: a.x + nx, y: a.y + ny },
    { x: b.x + nx, y: b.y + ny },
    { x: b.x - nx, y: b.y - ny },
    { x: a.x - nx, y: a.y - ny },
  ];
  const round = (value: number) => Math.round(value * 100) / 100;
  return `M ${corners.map((c) => `${round(c.x)} ${round(c.y)}`).join(' L ')} Z`;
}
