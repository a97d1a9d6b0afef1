import type { WorkspaceDocument } from '../document/schema';

export interface ItemSelection {
  readonly stakeholderIds: readonly string[];
  readonly relationshipIds: readonly string[];
}

/**
 * Deletes stakeholders and relationships. A deleted stakeholder takes its relationships with it. Pain points
 * are never deleted with them: they only lose the attachment (and with none left they become workspace-wide).
 * A deleted stakeholder is also no longer anyone's voice or department: pain points, quotes and participants
 * that named it name no one (null), so the file keeps no reference to it.
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
  const goneVoice = (voice: string | null) => voice !== null && goneStakeholders.has(voice);
  const painPoints = doc.painPoints.map((p) => {
    let next = p.attachedTo.some(isGone) ? { ...p, attachedTo: p.attachedTo.filter((a) => !isGone(a)) } : p;
    if (goneVoice(next.voice)) next = { ...next, voice: null };
    if (next.quotes.some((q) => goneVoice(q.voice))) next = { ...next, quotes: next.quotes.map((q) => (goneVoice(q.voice) ? { ...q, voice: null } : q)) };
    return next;
  });
  const participants = doc.participants.some((pt) => goneVoice(pt.departmentId))
    ? doc.participants.map((pt) => (goneVoice(pt.departmentId) ? { ...pt, departmentId: null } : pt))
    : doc.participants;
  return {
    ...doc,
    stakeholders: goneStakeholders.size === 0 ? doc.stakeholders : doc.stakeholders.filter((s) => !goneStakeholders.has(s.id)),
    relationships,
    painPoints,
    participants,
  };
}

/** Pain points that would lose an attachment if these items were deleted (so the UI can say so). */
export function painPointsAffectedByDeletion(doc: WorkspaceDocument, selection: ItemSelection): string[] {
  const after = deleteItems(doc, selection);
  // The attachments, not the whole pain point: one that only loses its voice keeps everything it is attached to.
  return doc.painPoints.filter((p, i) => after.painPoints[i]?.attachedTo !== p.attachedTo).map((p) => p.id);
}
