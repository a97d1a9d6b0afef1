import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { RelationshipFlowEdge, StakeholderFlowNode } from '../store/flow-elements';
import { applyEdgeChangesOnScreen, applyNodeChangesOnScreen } from '../store/editor-store';
import { edit } from './edits';

/*
 * React Flow's change callbacks. What only moves pixels or selects (a drag in progress, a click) stays on screen;
 * a drag that ended becomes one edit, like every other change to the document.
 */

/** React Flow's onNodesChange: a finished drag of any number of stakeholders is one "stakeholder.move" edit. */
export function onNodesChange(changes: NodeChange<StakeholderFlowNode>[]): void {
  const moves = applyNodeChangesOnScreen(changes);
  if (moves.length > 0) edit('stakeholder.move', { moves: moves.map((m) => ({ id: m.id, position: { ...m.position } })) });
}

/** React Flow's onEdgesChange. */
export function onEdgesChange(changes: EdgeChange<RelationshipFlowEdge>[]): void {
  applyEdgeChangesOnScreen(changes);
}
