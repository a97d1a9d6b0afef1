import type { RelationshipStatus } from '../document/format';
import type { OtherSide, Relationship, WorkspaceDocument } from '../document/schema';
import { patchRecord, replaceById } from './collections';

export interface NewRelationship {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly status?: RelationshipStatus;
  readonly label?: string;
}

/**
 * Connects two stakeholders. Refuses (returns the same document) a self-connection, a connection to a missing
 * stakeholder, a taken id, and a second relationship between the same two stakeholders in either direction:
 * a relationship is between two parties, and its status and notes describe it as a whole.
 */
export function connectStakeholders(doc: WorkspaceDocument, input: NewRelationship): WorkspaceDocument {
  if (input.source === input.target) return doc;
  const ids = new Set(doc.stakeholders.map((s) => s.id));
  if (!ids.has(input.source) || !ids.has(input.target)) return doc;
  if (doc.relationships.some((r) => r.id === input.id)) return doc;
  if (findRelationshipBetween(doc, input.source, input.target)) return doc;
  const relationship: Relationship = {
    id: input.id,
    source: input.source,
    target: input.target,
    status: input.status ?? 'neutral',
    label: input.label ?? '',
    notes: '',
    otherSide: null,
  };
  return { ...doc, relationships: [...doc.relationships, relationship] };
}

/** The relationship between two stakeholders, in either direction, if there is one. */
export function findRelationshipBetween(doc: WorkspaceDocument, a: string, b: string): Relationship | undefined {
  return doc.relationships.find((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
}

export type RelationshipPatch = Partial<Pick<Relationship, 'status' | 'label' | 'notes'>>;

/** Changes some fields of one relationship. Returns the same document when nothing changes. */
export function updateRelationship(doc: WorkspaceDocument, id: string, patch: RelationshipPatch): WorkspaceDocument {
  const relationships = replaceById(doc.relationships, id, (r) => patchRecord(r, patch));
  return relationships === doc.relationships ? doc : { ...doc, relationships };
}

export type OtherSidePatch = Partial<Pick<OtherSide, 'status' | 'notes'>>;

/**
 * Records, changes or (with null) forgets how the other side sees a relationship. A patch to a relationship whose
 * other side has no view yet needs a status: a note alone has no view to belong to. Unknown properties another
 * tool wrote on the other side's view are kept. Returns the same document when nothing changes.
 */
export function updateOtherSide(doc: WorkspaceDocument, id: string, patch: OtherSidePatch | null): WorkspaceDocument {
  const relationships = replaceById(doc.relationships, id, (r) => {
    if (patch === null) return r.otherSide === null ? r : { ...r, otherSide: null };
    if (r.otherSide === null) return patch.status === undefined ? r : { ...r, otherSide: { status: patch.status, notes: patch.notes ?? '' } };
    const otherSide = patchRecord(r.otherSide, patch);
    return otherSide === r.otherSide ? r : { ...r, otherSide };
  });
  return relationships === doc.relationships ? doc : { ...doc, relationships };
}

/** Sets the status of several relationships at once (a multi-selection marked problematic in one step). */
export function setRelationshipStatus(doc: WorkspaceDocument, ids: readonly string[], status: RelationshipStatus): WorkspaceDocument {
  const wanted = new Set(ids);
  let changed = false;
  const relationships = doc.relationships.map((r) => {
    if (!wanted.has(r.id) || r.status === status) return r;
    changed = true;
    return { ...r, status };
  });
  return changed ? { ...doc, relationships } : doc;
}
