import type { ReactFlowInstance } from '@xyflow/react';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../store/flow-elements';

/*
 * Commands (menu items, shortcuts) need the canvas's viewport: where its centre is, zoom and fit. The canvas
 * registers its React Flow instance here when it mounts, so commands need not live inside React.
 */

type Instance = ReactFlowInstance<StakeholderFlowNode, RelationshipFlowEdge>;
let instance: Instance | null = null;

export function registerFlowInstance(next: Instance | null): void {
  instance = next;
}

export function flowInstance(): Instance | null {
  return instance;
}

/** Where new stakeholders appear: the middle of what the user is looking at, in map coordinates. */
export function viewportCentre(): { x: number; y: number } {
  const pane = document.querySelector('.react-flow');
  if (!instance || !pane) return { x: 0, y: 0 };
  const rect = pane.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}
