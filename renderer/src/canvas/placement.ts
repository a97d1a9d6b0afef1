/** Size assumed for a stakeholder node that has not been measured yet. */
export const DEFAULT_NODE_SIZE = { width: 200, height: 64 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The free spot nearest to `centre` for a new node: tries the centre, then rings of grid positions around it,
 * so a facilitator clicking "Add" five times gets five readable nodes instead of a pile.
 */
export function findFreeSpot(centre: { x: number; y: number }, occupied: readonly Box[], size = DEFAULT_NODE_SIZE): { x: number; y: number } {
  const origin = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  const stepX = size.width + 40;
  const stepY = size.height + 40;
  const gap = 16;
  const isFree = (x: number, y: number) =>
    occupied.every((b) => x + size.width + gap <= b.x || b.x + b.width + gap <= x || y + size.height + gap <= b.y || b.y + b.height + gap <= y);
  for (let ring = 0; ring < 30; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const x = origin.x + dx * stepX;
        const y = origin.y + dy * stepY;
        if (isFree(x, y)) return { x, y };
      }
    }
  }
  return origin;
}
