import type { StakeholderKind } from '../document/format';
import type { Position, Stakeholder, WorkspaceDocument } from '../document/schema';
import { patchRecord, replaceById } from './collections';

export interface NewStakeholder {
  readonly id: string;
  readonly name: string;
  readonly kind: StakeholderKind;
  readonly position: Position;
}

/** Adds a stakeholder. Refuses (returns the same document) if the id is already taken. */
export function addStakeholder(doc: WorkspaceDocument, input: NewStakeholder): WorkspaceDocument {
  if (doc.stakeholders.some((s) => s.id === input.id)) return doc;
  const stakeholder: Stakeholder = {
    id: input.id,
    name: input.name,
    kind: input.kind,
    position: { x: input.position.x, y: input.position.y },
    owner: '',
    notes: '',
    color: null,
  };
  return { ...doc, stakeholders: [...doc.stakeholders, stakeholder] };
}

/**
 * The fields of a stakeholder the editor changes. `null` clears an optional rating. `pinned: false` removes the
 * property: it is written only when true, so unpinning gives back the very file there was before pinning.
 */
export type StakeholderPatch = Partial<Pick<Stakeholder, 'name' | 'kind' | 'owner' | 'notes' | 'color' | 'pinned'>> & {
  readonly influence?: number | null;
  readonly interest?: number | null;
};

/**
 * Changes some fields of one stakeholder. Returns the same document when nothing changes, and refuses (returns
 * the same document) a rating that is not a whole number from 1 to 5: saved, it would make the file unopenable.
 */
export function updateStakeholder(doc: WorkspaceDocument, id: string, patch: StakeholderPatch): WorkspaceDocument {
  if (!isRatingPatch(patch.influence) || !isRatingPatch(patch.interest)) return doc;
  // Unpinning clears the property; a "pinned": false another tool wrote is left alone (it already means unpinned).
  const { pinned, ...rest } = patch;
  const stakeholders = replaceById(doc.stakeholders, id, (s) => {
    const unpin = pinned === false && s.pinned === true;
    const record = pinned === true ? { ...rest, pinned: true } : unpin ? { ...rest, pinned: null } : rest;
    return patchRecord(s, record, ['influence', 'interest', 'pinned']);
  });
  return stakeholders === doc.stakeholders ? doc : { ...doc, stakeholders };
}

function isRatingPatch(value: number | null | undefined): boolean {
  return value === undefined || value === null || (Number.isInteger(value) && value >= 1 && value <= 5);
}

/**
 * Moves stakeholders to new positions (one drag of one or many nodes is one call, so one undo step). A move to
 * a position that is not a finite number (NaN from a bad computation) is ignored: JSON would write it as null.
 */
export function moveStakeholders(doc: WorkspaceDocument, moves: ReadonlyArray<{ id: string; position: Position }>): WorkspaceDocument {
  const byId = new Map(
    moves.filter((m) => Number.isFinite(m.position.x) && Number.isFinite(m.position.y)).map((m) => [m.id, m.position]),
  );
  let changed = false;
  const stakeholders = doc.stakeholders.map((s) => {
    const to = byId.get(s.id);
    if (!to || (to.x === s.position.x && to.y === s.position.y)) return s;
    changed = true;
    return { ...s, position: { ...s.position, x: to.x, y: to.y } };
  });
  return changed ? { ...doc, stakeholders } : doc;
}
