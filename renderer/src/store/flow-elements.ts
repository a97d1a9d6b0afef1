import type { Edge, Node } from '@xyflow/react';
import type { Relationship, Stakeholder, WorkspaceDocument } from '@shared/document/schema';
import { RELATIONSHIP_STATUS_LABELS, STAKEHOLDER_KIND_LABELS } from '@shared/document/vocabulary';
import { theirDifferingStatus } from '@shared/domain/perception-gaps';
import { PLAIN, sameDecoration, type ItemDecoration, type MapDecorations } from './map-decorations';

export type StakeholderNodeData = { stakeholder: Stakeholder; decoration: ItemDecoration };
export type StakeholderFlowNode = Node<StakeholderNodeData, 'stakeholder'>;
export type RelationshipEdgeData = { relationship: Relationship; decoration: ItemDecoration };
export type RelationshipFlowEdge = Edge<RelationshipEdgeData, 'relationship'>;

/*
 * React Flow's nodes and edges are derived from the document, but they also carry React Flow's own state
 * (selected, measured size, dragging). Reconciling keeps that state and, for every stakeholder that did not
 * change, the very same node object, so React Flow and the memoized node components skip unchanged items.
 */

const NO_DECORATIONS: MapDecorations = { stakeholders: new Map(), relationships: new Map() };

export function reconcileNodes(
  previous: readonly StakeholderFlowNode[],
  doc: WorkspaceDocument,
  decorations: MapDecorations = NO_DECORATIONS,
): StakeholderFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return doc.stakeholders.map((stakeholder) => {
    const existing = byId.get(stakeholder.id);
    const decoration = decorations.stakeholders.get(stakeholder.id) ?? PLAIN;
    if (existing && existing.data.stakeholder === stakeholder && sameDecoration(existing.data.decoration, decoration)) return existing;
    // A node whose stakeholder did not change keeps the position React Flow has (it may be mid-drag).
    const position =
      existing && existing.data.stakeholder === stakeholder ? existing.position : { x: stakeholder.position.x, y: stakeholder.position.y };
    return {
      ...existing,
      id: stakeholder.id,
      type: 'stakeholder',
      position,
      data: { stakeholder, decoration },
      className: decoration.dimmed ? 'is-dimmed' : undefined,
      ariaLabel: describeStakeholder(stakeholder, decoration),
    };
  });
}

function describeStakeholder(stakeholder: Stakeholder, decoration: ItemDecoration): string {
  const base = `${stakeholder.name || 'Unnamed stakeholder'} (${STAKEHOLDER_KIND_LABELS[stakeholder.kind]})`;
  return `${base}${stakeholder.pinned ? ', pinned' : ''}${painPointWords(decoration)}${decoration.dimmed ? ', filtered out' : ''}`;
}

function painPointWords(decoration: ItemDecoration): string {
  const badge = decoration.badge;
  if (!badge) return '';
  return `, ${badge.count} pain point${badge.count === 1 ? '' : 's'}${badge.unaddressed ? ` (${badge.unaddressed} unaddressed)` : ''}`;
}

export function reconcileEdges(
  previous: readonly RelationshipFlowEdge[],
  doc: WorkspaceDocument,
  decorations: MapDecorations = NO_DECORATIONS,
): RelationshipFlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  const names = new Map(doc.stakeholders.map((s) => [s.id, s.name]));
  const edges: RelationshipFlowEdge[] = [];
  for (const relationship of doc.relationships) {
    const sourceName = names.get(relationship.source);
    const targetName = names.get(relationship.target);
    // A relationship to a missing stakeholder stays in the document (the user was told) but cannot be drawn.
    if (sourceName === undefined || targetName === undefined) continue;
    const existing = byId.get(relationship.id);
    const decoration = decorations.relationships.get(relationship.id) ?? PLAIN;
    const ariaLabel = `${describeRelationship(relationship, sourceName, targetName)}${painPointWords(decoration)}${decoration.dimmed ? ', filtered out' : ''}`;
    if (
      existing &&
      existing.data?.relationship === relationship &&
      existing.ariaLabel === ariaLabel &&
      sameDecoration(existing.data.decoration, decoration)
    ) {
      edges.push(existing);
      continue;
    }
    edges.push({
      ...existing,
      id: relationship.id,
      type: 'relationship',
      source: relationship.source,
      target: relationship.target,
      data: { relationship, decoration },
      // Dimmed lines sit under the others, so what the filter shows is never covered by what it hides. (Raising
      // a line above 0 would lift it over every label, so highlighted lines stay at 0.)
      zIndex: decoration.dimmed ? -1 : 0,
      ariaLabel,
    });
  }
  return edges;
}

function describeRelationship(r: Relationship, sourceName: string, targetName: string): string {
  const label = r.label ? `, ${r.label}` : '';
  // A perception gap is said in the name too: the split line is not the only place it shows.
  const theirs = theirDifferingStatus(r);
  const gap = theirs ? `; ${targetName} sees it as ${RELATIONSHIP_STATUS_LABELS[theirs].toLowerCase()}` : '';
  return `Relationship ${sourceName} – ${targetName}: ${RELATIONSHIP_STATUS_LABELS[r.status].toLowerCase()}${label}${gap}`;
}
