import type { WorkspaceDocument } from './schema';

/** A reference inside the document that points at an item that does not exist. */
export interface DanglingReference {
  /** What holds the broken reference. */
  readonly from: { readonly collection: 'relationships' | 'painPoints' | 'solutions' | 'participants' | 'ballots'; readonly id: string; readonly label: string };
  /** The field that holds it, e.g. `source`, `attachedTo`, `addresses`, `voice`, `quotes[1].voice`, `departmentId`. */
  readonly field: string;
  /** What it should point at, and the id that was not found. */
  readonly missing: { readonly collection: 'stakeholders' | 'relationships' | 'painPoints' | 'participants'; readonly id: string };
}

/**
 * Lists every reference that points nowhere. Such files still open: nothing is dropped, and the user is told
 * exactly which items are affected.
 *
 * Only the map as it is now is checked. A snapshot's state is history, the map as it was when the snapshot was
 * taken, kept as it was even where it disagrees with itself or with the map now: nothing in `snapshots` is
 * reported.
 */
export function findDanglingReferences(doc: WorkspaceDocument): DanglingReference[] {
  const stakeholderIds = new Set(doc.stakeholders.map((s) => s.id));
  const relationshipIds = new Set(doc.relationships.map((r) => r.id));
  const painPointIds = new Set(doc.painPoints.map((p) => p.id));
  const found: DanglingReference[] = [];

  // Runs on every file opened: labels are built only for the rare broken reference.
  const relationshipLabel = (r: WorkspaceDocument['relationships'][number]) => r.label || `${r.source} → ${r.target}`;
  for (const r of doc.relationships) {
    if (!stakeholderIds.has(r.source)) {
      found.push({ from: { collection: 'relationships', id: r.id, label: relationshipLabel(r) }, field: 'source', missing: { collection: 'stakeholders', id: r.source } });
    }
    if (!stakeholderIds.has(r.target)) {
      found.push({ from: { collection: 'relationships', id: r.id, label: relationshipLabel(r) }, field: 'target', missing: { collection: 'stakeholders', id: r.target } });
    }
  }
  for (const p of doc.painPoints) {
    for (const a of p.attachedTo) {
      const exists = a.type === 'stakeholder' ? stakeholderIds.has(a.id) : relationshipIds.has(a.id);
      if (!exists) {
        found.push({
          from: { collection: 'painPoints', id: p.id, label: p.title },
          field: 'attachedTo',
          missing: { collection: a.type === 'stakeholder' ? 'stakeholders' : 'relationships', id: a.id },
        });
      }
    }
  }
  for (const s of doc.solutions) {
    for (const painPointId of s.addresses) {
      if (!painPointIds.has(painPointId)) {
        found.push({ from: { collection: 'solutions', id: s.id, label: s.title }, field: 'addresses', missing: { collection: 'painPoints', id: painPointId } });
      }
    }
  }
  // Whose voice and which department: a stakeholder id. Deleting a stakeholder clears these (delete-items.ts); a
  // file written elsewhere may still name a missing one, which is reported like the references above.
  for (const p of doc.painPoints) {
    if (p.voice !== null && !stakeholderIds.has(p.voice)) {
      found.push({ from: { collection: 'painPoints', id: p.id, label: p.title }, field: 'voice', missing: { collection: 'stakeholders', id: p.voice } });
    }
    p.quotes.forEach((q, i) => {
      if (q.voice !== null && !stakeholderIds.has(q.voice)) {
        found.push({ from: { collection: 'painPoints', id: p.id, label: p.title }, field: `quotes[${i}].voice`, missing: { collection: 'stakeholders', id: q.voice } });
      }
    });
  }
  const participantIds = new Set(doc.participants.map((p) => p.id));
  for (const p of doc.participants) {
    if (p.departmentId !== null && !stakeholderIds.has(p.departmentId)) {
      found.push({ from: { collection: 'participants', id: p.id, label: p.label }, field: 'departmentId', missing: { collection: 'stakeholders', id: p.departmentId } });
    }
  }
  for (const b of doc.ballots) {
    const from = { collection: 'ballots' as const, id: `${b.participantId} → ${b.painPointId}`, label: '' };
    if (!participantIds.has(b.participantId)) found.push({ from, field: 'participantId', missing: { collection: 'participants', id: b.participantId } });
    if (!painPointIds.has(b.painPointId)) found.push({ from, field: 'painPointId', missing: { collection: 'painPoints', id: b.painPointId } });
  }
  return found;
}
