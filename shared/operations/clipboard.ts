import type { Relationship, Stakeholder, WorkspaceDocument } from '../document/schema';
import { createId, ID_PREFIX } from './ids';

/** What Copy puts on the clipboard: stakeholders and the relationships among them. */
export interface MapFragment {
  readonly stakeholders: readonly Stakeholder[];
  readonly relationships: readonly Relationship[];
}

/** MIME-like marker so Paste recognises our own clipboard text and leaves other text alone. */
export const FRAGMENT_FORMAT = 'stakemap/fragment';

/** The selected stakeholders and the relationships whose both ends are selected. */
export function extractFragment(doc: WorkspaceDocument, stakeholderIds: readonly string[]): MapFragment {
  const ids = new Set(stakeholderIds);
  return {
    stakeholders: doc.stakeholders.filter((s) => ids.has(s.id)),
    relationships: doc.relationships.filter((r) => ids.has(r.source) && ids.has(r.target)),
  };
}

/**
 * Pastes a fragment with fresh ids, shifted by `offset`. Returns the new document and the ids of the pasted
 * stakeholders (so the editor can select them). Relationships keep the rules of connectStakeholders: no
 * self-connection, at most one between two stakeholders. An empty fragment returns the same document.
 */
export function pasteFragment(
  doc: WorkspaceDocument,
  fragment: MapFragment,
  offset: { x: number; y: number },
  random: () => number = Math.random,
): { doc: WorkspaceDocument; stakeholderIds: string[]; relationshipIds: string[] } {
  const takenS = new Set(doc.stakeholders.map((s) => s.id));
  const takenR = new Set(doc.relationships.map((r) => r.id));
  const newIds = new Map<string, string>();
  const stakeholders = fragment.stakeholders.map((s) => {
    const id = createId(ID_PREFIX.stakeholder, takenS, random);
    takenS.add(id);
    newIds.set(s.id, id);
    return { ...s, id, position: { ...s.position, x: s.position.x + offset.x, y: s.position.y + offset.y } };
  });
  const pairs = new Set<string>();
  const relationships = fragment.relationships.flatMap((r) => {
    const source = newIds.get(r.source);
    const target = newIds.get(r.target);
    if (!source || !target || source === target) return [];
    const pair = [source, target].sort().join('\n');
    if (pairs.has(pair)) return [];
    pairs.add(pair);
    const id = createId(ID_PREFIX.relationship, takenR, random);
    takenR.add(id);
    return [{ ...r, id, source, target }];
  });
  if (stakeholders.length === 0) return { doc, stakeholderIds: [], relationshipIds: [] };
  return {
    doc: { ...doc, stakeholders: [...doc.stakeholders, ...stakeholders], relationships: [...doc.relationships, ...relationships] },
    stakeholderIds: stakeholders.map((s) => s.id),
    relationshipIds: relationships.map((r) => r.id),
  };
}
