import type { Participant, WorkspaceDocument } from '../document/schema';
import { patchRecord, replaceById } from './collections';

/*
 * Operations on the workshop's participants: a display name or an anonymous label ("P3"), optionally with their
 * department (a stakeholder). Participants exist so that votes can be cast for them (ballots.ts); nobody is ever
 * obliged to be named. Every function returns the same document when nothing changes or the change is refused,
 * so the undo history records no empty steps.
 */

export interface NewParticipant {
  readonly id: string;
  readonly label: string;
  readonly departmentId?: string | null;
}

/**
 * Adds a participant at the end of the list. Refuses (returns the same document) an empty or taken id and a
 * department that names no stakeholder.
 */
export function addParticipant(doc: WorkspaceDocument, input: NewParticipant): WorkspaceDocument {
  if (input.id === '' || doc.participants.some((p) => p.id === input.id)) return doc;
  const departmentId = input.departmentId ?? null;
  if (!departmentExists(doc, departmentId)) return doc;
  const participant: Participant = { id: input.id, label: input.label, departmentId };
  return { ...doc, participants: [...doc.participants, participant] };
}

/** The fields of a participant that can be changed: the label, and the department (a stakeholder id, or null). */
export type ParticipantPatch = Partial<Pick<Participant, 'label' | 'departmentId'>>;

/** Renames a participant and/or sets their department. Refuses a department that names no stakeholder. */
export function updateParticipant(doc: WorkspaceDocument, id: string, patch: ParticipantPatch): WorkspaceDocument {
  if (patch.departmentId !== undefined && !departmentExists(doc, patch.departmentId)) return doc;
  const { label, departmentId } = patch;
  const participants = replaceById(doc.participants, id, (p) => patchRecord(p, { label, departmentId }));
  return participants === doc.participants ? doc : { ...doc, participants };
}

/** Renames a participant (a shorthand for updateParticipant). */
export function renameParticipant(doc: WorkspaceDocument, id: string, label: string): WorkspaceDocument {
  return updateParticipant(doc, id, { label });
}

/** Sets or clears (null) a participant's department. */
export function setParticipantDepartment(doc: WorkspaceDocument, id: string, departmentId: string | null): WorkspaceDocument {
  return updateParticipant(doc, id, { departmentId });
}

/** Removes a participant and the ballots they cast: a vote with no voter would count against nobody's budget. */
export function removeParticipant(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  if (!doc.participants.some((p) => p.id === id)) return doc;
  const ballots = doc.ballots.some((b) => b.participantId === id) ? doc.ballots.filter((b) => b.participantId !== id) : doc.ballots;
  return { ...doc, participants: doc.participants.filter((p) => p.id !== id), ballots };
}

function departmentExists(doc: WorkspaceDocument, departmentId: string | null): boolean {
  return departmentId === null || doc.stakeholders.some((s) => s.id === departmentId);
}
