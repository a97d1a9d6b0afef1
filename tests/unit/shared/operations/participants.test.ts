import { describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { addParticipant, removeParticipant, renameParticipant, setParticipantDepartment, updateParticipant } from '../../../../shared/operations/participants';
import { deepFreeze } from '../test-helpers';
import { sampleDoc } from './test-docs';

function withVoters(): WorkspaceDocument {
  return deepFreeze({
    ...sampleDoc(),
    participants: [
      { id: 'pt-1', label: 'P1', departmentId: 's-legal' },
      { id: 'pt-2', label: 'P2', departmentId: null },
    ],
    ballots: [
      { participantId: 'pt-1', painPointId: 'p-on-rel' },
      { participantId: 'pt-2', painPointId: 'p-on-rel' },
      { participantId: 'pt-1', painPointId: 'p-wide' },
    ],
  });
}

describe('participants', () => {
  it('adds one at the end, with or without a department', () => {
    const doc = withVoters();
    const next = addParticipant(addParticipant(doc, { id: 'pt-3', label: 'P3' }), { id: 'pt-4', label: 'Sam', departmentId: 's-brand' });
    expect(next.participants.slice(2)).toEqual([
      { id: 'pt-3', label: 'P3', departmentId: null },
      { id: 'pt-4', label: 'Sam', departmentId: 's-brand' },
    ]);
  });

  it('refuses a taken or empty id and a department that names no stakeholder', () => {
    const doc = withVoters();
    expect(addParticipant(doc, { id: 'pt-1', label: 'Again' })).toBe(doc);
    expect(addParticipant(doc, { id: '', label: 'No id' })).toBe(doc);
    expect(addParticipant(doc, { id: 'pt-9', label: 'P9', departmentId: 's-gone' })).toBe(doc);
  });

  it('renames and sets or clears the department; the same value changes nothing', () => {
    const doc = withVoters();
    expect(renameParticipant(doc, 'pt-1', 'Priya').participants[0]).toEqual({ id: 'pt-1', label: 'Priya', departmentId: 's-legal' });
    expect(setParticipantDepartment(doc, 'pt-2', 's-team').participants[1]?.departmentId).toBe('s-team');
    expect(setParticipantDepartment(doc, 'pt-1', null).participants[0]?.departmentId).toBeNull();
    expect(renameParticipant(doc, 'pt-1', 'P1')).toBe(doc);
    expect(setParticipantDepartment(doc, 'pt-1', 's-gone')).toBe(doc);
    expect(updateParticipant(doc, 'pt-missing', { label: 'X' })).toBe(doc);
  });

  it('removing one removes their ballots and nobody else’s', () => {
    const doc = withVoters();
    const next = removeParticipant(doc, 'pt-1');
    expect(next.participants.map((p) => p.id)).toEqual(['pt-2']);
    expect(next.ballots).toEqual([{ participantId: 'pt-2', painPointId: 'p-on-rel' }]);
    expect(removeParticipant(doc, 'pt-missing')).toBe(doc);
  });
});
