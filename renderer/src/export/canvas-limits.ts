/**
 * Chromium's limits for one canvas: 32,767 px on a side and 268,435,456 px in all (2^28). A PNG bigger than
 * that cannot be drawn, so a very large map is exported at a smaller scale and the user is told which.
 */
export const CANVAS_MAX_SIDE = 32_767;
export const CANVAS_MAX_AREA = 268_435_456;

/**
 * The largest scale at most `requested` at which a `width` × `height` picture fits the canvas limits, rounded
 * down to 2 decimals so the result is safely inside them.
 */
export function fitScale(width: number, height: number, requested: number): { scale: number; reduced: boolean } {
  const bySide = Math.min(CANVAS_MAX_SIDE / width, CANVAS_MAX_SIDE / height);
  const byArea = Math.sqrt(CANVAS_MAX_AREA / (width * height));
  const limit = Math.min(bySide, byArea);
  if (requested <= limit) return { scale: requested, reduced: false };
  return { scale: Math.floor(limit * 100) / 100, reduced: true };
}
