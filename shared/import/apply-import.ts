import type { Relationship, Stakeholder, WorkspaceDocument } from '../document/schema';
import { patchRecord } from '../operations/collections';
import { createId, ID_PREFIX } from '../operations/ids';
import type { ImportPlan, PlannedEnd, PlannedRelationshipUpdate } from './import-plan';

/*
 * Step 4: the plan made real, as one new document, so the dialog commits it as ONE undo step ("Import
 * stakeholders"). Pure and immutable like every operation in shared/operations: `doc` and `plan` are not
 * changed, untouched stakeholders and relationships are the very same objects, and a plan that changes nothing
 * gives back `doc` itself.
 *
 * The plan is meant for the document it was made from. Should the map have changed in between, applying stays
 * safe: an update of a stakeholder or relationship no longer there is dropped, and so is a new relationship
 * whose end is gone, or that would duplicate one now on the map (in either direction) or connect a stakeholder
 * to itself — the same rules as connectStakeholders.
 */

/** Makes the id of a new stakeholder or relationship. Must not return an id `doc` uses; applyImport checks. */
export type NewImportId = (collection: 'stakeholder' | 'relationship') => string;

/** `doc` with the plan's additions and updates. `newId` defaults to fresh random ids such as `s-7f3a9c2e`. */
export function applyImport(doc: WorkspaceDocument, plan: ImportPlan, newId?: NewImportId): WorkspaceDocument {
  if (plan.counts.changes === 0) return doc;
  const taken = new Set<string>([...doc.stakeholders.map((s) => s.id), ...doc.relationships.map((r) => r.id)]);
  const makeId = (collection: 'stakeholder' | 'relationship'): string => {
    const proposed = newId?.(collection);
    const id = proposed !== undefined && proposed !== '' && !taken.has(proposed) ? proposed : createId(ID_PREFIX[collection], taken);
    taken.add(id);
    return id;
  };

  // Updates first, on the stakeholders as they are; then the additions after them, in sheet order.
  const updates = new Map(plan.updates.map((u) => [u.id, u]));
  let stakeholders: Stakeholder[] = doc.stakeholders.map((s) => {
    const update = updates.get(s.id);
    return update ? patchRecord(s, update.after, ['influence', 'interest']) : s;
  });
  const addedIds = plan.additions.map(() => makeId('stakeholder'));
  const added = plan.additions.map(
    (a, i): Stakeholder => ({
      id: addedIds[i]!,
      name: a.name,
      kind: a.kind,
      position: { x: a.position.x, y: a.position.y },
      ...(a.influence !== null ? { influence: a.influence } : {}),
      ...(a.interest !== null ? { interest: a.interest } : {}),
      owner: a.owner,
      notes: a.notes,
      color: null,
    }),
  );
  stakeholders = [...stakeholders, ...added];

  const relationshipUpdates = new Map(plan.relationshipUpdates.map((u) => [u.id, u]));
  let relationships: Relationship[] = doc.relationships.map((r) => {
    const update = relationshipUpdates.get(r.id);
    return update ? updatedRelationship(r, update.after) : r;
  });
  const present = new Set(stakeholders.map((s) => s.id));
  const connected = new Set(relationships.map((r) => pairKey(r.source, r.target)));
  const idOf = (end: PlannedEnd): string | undefined => (end.on === 'map' ? end.id : addedIds[end.additionIndex]);
  const newRelationships: Relationship[] = [];
  for (const planned of plan.relationshipAdditions) {
    const source = idOf(planned.from);
    const target = idOf(planned.to);
    if (source === undefined || target === undefined || source === target || !present.has(source) || !present.has(target)) continue;
    const pair = pairKey(source, target);
    if (connected.has(pair)) continue;
    connected.add(pair);
    newRelationships.push({ id: makeId('relationship'), source, target, status: planned.status, label: planned.label, notes: '', otherSide: planned.otherSide });
  }
  relationships = [...relationships, ...newRelationships];

  const stakeholdersChanged = added.length > 0 || stakeholders.some((s, i) => s !== doc.stakeholders[i]);
  const relationshipsChanged = newRelationships.length > 0 || relationships.some((r, i) => r !== doc.relationships[i]);
  if (!stakeholdersChanged && !relationshipsChanged) return doc;
  return {
    ...doc,
    stakeholders: stakeholdersChanged ? stakeholders : doc.stakeholders,
    relationships: relationshipsChanged ? relationships : doc.relationships,
  };
}

/** `r` with an update's fields: its own status and label, and their status and note on its `otherSide`. */
function updatedRelationship(r: Relationship, after: PlannedRelationshipUpdate['after']): Relationship {
  const { theirStatus, theirNote, ...own } = after;
  const next = patchRecord(r, own);
  // The plan sets a note alone only where a status is recorded already (import-plan.ts).
  const status = theirStatus ?? r.otherSide?.status;
  if ((theirStatus === undefined && theirNote === undefined) || status === undefined) return next;
  // Unknown properties of otherSide (another tool's) are kept, as everywhere.
  return { ...next, otherSide: { ...r.otherSide, status, notes: theirNote ?? r.otherSide?.notes ?? '' } };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}
