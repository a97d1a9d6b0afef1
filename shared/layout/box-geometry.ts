import { floatingEnds } from './floating-ends';
import { inflate, intersects, rectAround, segmentCrossesRect, type Point, type Rect } from './geometry';

/*
 * The closeness rules Tidy layout keeps, in terms of the map's plain geometry (geometry.ts, floating-ends.ts).
 */

/** A box on the map: top-left corner and size, in map units. */
export type Box = Rect;
export type { Point };

/**
 * Whether two boxes come closer than `gap` to each other on both axes (or overlap). Exactly `gap` apart is fine,
 * so a gap of 0 asks whether they overlap at all.
 */
export function boxesTooClose(a: Box, b: Box, gap = 0): boolean {
  return intersects(gap === 0 ? a : inflate(a, gap), b);
}

/**
 * The box of a relationship's label of `size` at the middle of its line (drawn border to border, floating-ends.ts).
 * The midpoint is the first spot the map's label placement tries (label-placement.ts): where it is free of boxes
 * and of other labels, that is where the label goes.
 */
export function labelBoxBetween(source: Box, target: Box, size: { readonly width: number; readonly height: number }): Box {
  const { from, to } = floatingEnds(source, target);
  return rectAround({ x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }, size);
}

/** Whether the segment from `p` to `q` passes through `box` grown by `margin` on every side. */
export function segmentCrossesBox(p: Point, q: Point, box: Box, margin = 0): boolean {
  return segmentCrossesRect(p, q, inflate(box, margin));
}
