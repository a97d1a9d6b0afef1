import type { Rect } from '@shared/layout/geometry';
import { floatingEnds } from '@shared/layout/floating-ends';

/** A node's box on the map: top-left corner and size. */
export type NodeBox = Rect;

export { borderPointTowards } from '@shared/layout/floating-ends';

/** The two ends of a relationship line between two node boxes, as React Flow's path helpers take them. */
export function floatingEdgeEnds(source: NodeBox, target: NodeBox) {
  const { from, to } = floatingEnds(source, target);
  return { sourceX: from.x, sourceY: from.y, targetX: to.x, targetY: to.y };
}
