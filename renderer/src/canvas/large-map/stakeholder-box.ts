import type { Rect } from '@shared/layout/geometry';
import type { StakeholderFlowNode } from '../../store/flow-elements';

/** Size used for a stakeholder that cannot be measured (no map on screen, or never drawn): about one name's box. */
export const DEFAULT_NODE_SIZE = { width: 220, height: 64 };

/** A stakeholder's box on the map: as measured, or (never drawn yet, as on most of a large map) the size a new one has. */
export function stakeholderBox(node: StakeholderFlowNode): Rect {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
    height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
  };
}
