import type { Edge, Node } from '@xyflow/react';
import type { Relationship, Stakeholder, WorkspaceDocument } from '@shared/document/schema';
import { KIND_LABELS } from '@shared/domain/typical-functions';
import { STATUS_LABELS } from '../canvas/relationship-styles';

export type StakeholderNodeData = { stakeholder: Stakeholder };
export type StakeholderFlowNode = Node<StakeholderNodeData, 'stakeholder'>;
export type RelationshipEdgeData = { relationship: Relationship };
export type RelationshipFlowEdge = Edge<RelationshipEdgeData, 'relationship'>;

/*
 * React Flow's nodes and edges are derived from the document, but they also carry React Flow's own state
 * (selected, measured size, dragging). Reconciling keeps that state and, for every stakeholder that did not
 * change, the very same node object, so React Flow and the memoized node components skip unchanged items.
 */

export function reconcileNodes(previous: readonly StakeholderFlowNode[], doc: WorkspaceDocument): StakeholderFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return doc.stakeholders.map((stakeholder) => {
    const existing = byId.get(stakeholder.id);
    if (existing && existing.data.stakeholder === stakeholder) return existing;
    return {
      ...existing,
      id: stakeholder.id,
      type: 'stakeholder',
      position: { x: stakeholder.position.x, y: stakeholder.position.y },
      data: { stakeholder },
      ariaLabel: `${stakeholder.name || 'Unnamed stakeholder'} (${KIND_LABELS[stakeholder.kind]})`,
    };
  });
}

export function reconcileEdges(previous: readonly RelationshipFlowEdge[], doc: WorkspaceDocument): RelationshipFlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  const names = new Map(doc.stakeholders.map((s) => [s.id, s.name]));
  const edges: RelationshipFlowEdge[] = [];
  for (const relationship of doc.relationships) {
    const sourceName = names.get(relationship.source);
    const targetName = names.get(relationship.target);
    // A relationship to a missing stakeholder stays in the document (the user was told) but cannot be drawn.
    if (sourceName === undefined || targetName === undefined) continue;
    const existing = byId.get(relationship.id);
    const ariaLabel = describeRelationship(relationship, sourceName, targetName);
    if (existing && existing.data?.relationship === relationship && existing.ariaLabel === ariaLabel) {
      edges.push(existing);
      continue;
    }
    edges.push({
      ...existing,
      id: relationship.id,
      type: 'relationship',
      source: relationship.source,
      target: relationship.target,
      data: { relationship },
      ariaLabel,
    });
  }
  return edges;
}

function describeRelationship(r: Relationship, sourceName: string, targetName: string): string {
  const label = r.label ? `, ${r.label}` : '';
  return `Relationship ${sourceName} – ${targetName}: ${STATUS_LABELS[r.status]}${label}`;
}
