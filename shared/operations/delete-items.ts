import type { WorkspaceDocument } from '../document/schema';

export interface ItemSelection {
  readonly stakeholderIds: readonly string[];
  readonly relationshipIds: readonly string[];
}

/**
 * Deletes stakeholders and relationships. A deleted stakeholder takes its relationships with it. Pain points
 * are never deleted with them: they only lose the attachment (and with none left they become workspace-wide).
 */
export function deleteItems(doc: WorkspaceDocument, selection: ItemSelection): WorkspaceDocument {
  const goneStakeholders = new Set(selection.stakeholderIds.filter((id) => doc.stakeholders.some((s) => s.id === id)));
  // Only ids that exist: a pain point's attachment to a relationship that was never there (a broken reference
  // the user was told about) must not vanish because a stale id was in the selection.
  const goneRelationships = new Set(selection.relationshipIds.filter((id) => doc.relationships.some((r) => r.id === id)));
  for (const r of doc.relationships) {
    if (goneStakeholders.has(r.source) || goneStakeholders.has(r.target)) goneRelationships.add(r.id);
  }
  const relationships = doc.relationships.filter((r) => !goneRelationships.has(r.id));
  if (goneStakeholders.size === 0 && relationships.length === doc.relationships.length) return doc;

  const isGone = (a: { type: string; id: string }) =>
    (a.type === 'stakeholder' && goneStakeholders.has(a.id)) || (a.type === 'relationship' && goneRelationships.has(a.id));
  const painPoints = doc.painPoints.map((p) =>
    p.attachedTo.some(isGone) ? { ...p, attachedTo: p.attachedTo.filter((a) => !isGone(a)) } : p,
  );
  return {
    ...doc,
    stakeholders: goneStakeholders.size === 0 ? doc.stakeholders : doc.stakeholders.filter((s) => !goneStakeholders.has(s.id)),
    relationships,
    painPoints,
  };
}

/** Pain points that would lose an attachment if these items were deleted (so the UI can say so). */
export function painPointsAffectedByDeletion(doc: WorkspaceDocument, selection: ItemSelection): string[] {
  const after = deleteItems(doc, selection);
  return doc.painPoints.filter((p, i) => after.painPoints[i] !== p).map((p) => p.id);
}
