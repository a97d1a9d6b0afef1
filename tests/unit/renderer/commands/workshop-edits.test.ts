import { beforeEach, describe, expect, it } from 'vitest';
import { edit, tryEdit } from '../../../../renderer/src/commands/edits';
import { currentDocument, loadWorkspace, setClock, undo, useEditor } from '../../../../renderer/src/store/editor-store';
import { votesFor } from '../../../../shared/domain/votes';
import { describeBallotRefusal } from '../../../../shared/operations/ballots';
import { createWorkspace } from '../../../../shared/operations/workspace';

/*
 * The workshop edits (participants, ballots, voting, agenda, due dates) over the store: each is one undo step,
 * and an edit the operation refuses (a vote over budget) records no step and says why.
 */

const doc = () => currentDocument()!;
const history = () => useEditor.getState().workspace!.history;

beforeEach(() => {
  setClock(() => new Date('2026-12-01T10:00:00.000Z'));
  loadWorkspace(createWorkspace('Workshop', new Date('2026-12-01T09:00:00.000Z')), { filePath: null, fitOnOpen: false });
  edit('stakeholder.add', { id: 's-legal', name: 'Legal', kind: 'department', position: { x: 0, y: 0 } });
  edit('painPoint.add', { id: 'p-1', title: 'Sign-off takes days', attachedTo: [] });
  edit('painPoint.add', { id: 'p-2', title: 'No shared calendar', attachedTo: [] });
  edit('painPoint.add', { id: 'p-3', title: 'Leaders offline', attachedTo: [] });
});

describe('workshop edits', () => {
  it('adds, renames and removes participants, one undo step each', () => {
    expect(edit('participant.add', { id: 'pt-1', label: 'P1', departmentId: 's-legal' })).toBe(true);
    expect(edit('participant.update', { id: 'pt-1', patch: { label: 'Priya' } })).toBe(true);
    expect(doc().participants).toEqual([{ id: 'pt-1', label: 'Priya', departmentId: 's-legal' }]);
    undo();
    expect(doc().participants[0]?.label).toBe('P1');
    expect(edit('participant.remove', { id: 'pt-1' })).toBe(true);
    expect(doc().participants).toEqual([]);
  });

  it('casts within budget, refuses over budget with the reason and no undo step, and un-votes', () => {
    edit('participant.add', { id: 'pt-1', label: 'P1' });
    expect(edit('voting.update', { budget: 2 })).toBe(true);
    expect(tryEdit('ballot.cast', { participantId: 'pt-1', painPointId: 'p-1' })).toEqual({ ok: true, changed: true });
    expect(tryEdit('ballot.cast', { participantId: 'pt-1', painPointId: 'p-2' })).toEqual({ ok: true, changed: true });
    const before = history();
    const refused = tryEdit('ballot.cast', { participantId: 'pt-1', painPointId: 'p-3' });
    expect(refused).toEqual({ ok: false, reason: { kind: 'overBudget', participantId: 'pt-1', budget: 2 } });
    expect(history()).toBe(before);
    if (!refused.ok) expect(describeBallotRefusal(doc(), refused.reason)).toMatch(/P1 has used all 2 votes/);
    // The plain edit() says only "nothing changed".
    expect(edit('ballot.cast', { participantId: 'pt-1', painPointId: 'p-3' })).toBe(false);
    expect(votesFor(doc(), 'p-1')).toBe(1);
    expect(edit('ballot.withdraw', { participantId: 'pt-1', painPointId: 'p-1' })).toBe(true);
    expect(tryEdit('ballot.cast', { participantId: 'pt-1', painPointId: 'p-3' })).toEqual({ ok: true, changed: true });
  });

  it('refuses a budget below what someone cast, and hides and reveals results', () => {
    edit('participant.add', { id: 'pt-1', label: 'P1' });
    edit('ballot.cast', { participantId: 'pt-1', painPointId: 'p-1' });
    edit('ballot.cast', { participantId: 'pt-1', painPointId: 'p-2' });
    const before = history();
    expect(tryEdit('voting.update', { budget: 1, hideResults: true })).toEqual({ ok: false, reason: { kind: 'budgetBelowCast', budget: 1, participantId: 'pt-1', cast: 2 } });
    expect(history()).toBe(before);
    expect(edit('voting.update', { hideResults: true })).toBe(true);
    expect(edit('voting.update', { revealed: true })).toBe(true);
    expect(doc().voting).toEqual({ budget: 3, hideResults: true, revealed: true });
  });

  it('the tally buttons and ballots add up; deleting a pain point gives the dots back', () => {
    edit('participant.add', { id: 'pt-1', label: 'P1' });
    edit('painPoint.voteUp', { id: 'p-1' });
    edit('ballot.cast', { participantId: 'pt-1', painPointId: 'p-1' });
    expect(doc().painPoints[0]?.tally).toBe(1);
    expect(votesFor(doc(), 'p-1')).toBe(2);
    edit('painPoint.delete', { id: 'p-1' });
    expect(doc().ballots).toEqual([]);
  });

  it('edits the agenda: add, update, move, remove, current stage, next, previous, show or hide', () => {
    expect(edit('agenda.addStage', { id: 'stage-break', title: 'Break', minutes: 10, index: 1 })).toBe(true);
    expect(doc().agenda.stages[1]).toEqual({ id: 'stage-break', title: 'Break', goal: '', minutes: 10, view: 'map', voting: false });
    expect(edit('agenda.updateStage', { id: 'stage-break', patch: { minutes: 5, goal: 'Coffee.' } })).toBe(true);
    expect(edit('agenda.moveStage', { id: 'stage-break', to: 0 })).toBe(true);
    expect(doc().agenda.stages[0]?.id).toBe('stage-break');
    // The room was at the first stage, Map stakeholders: a stage moved above it does not move the room.
    expect(doc().agenda.currentStageId).toBe('stage-map');
    expect(edit('agenda.nextStage', {})).toBe(true);
    expect(doc().agenda.currentStageId).toBe('stage-relationships');
    expect(edit('agenda.previousStage', {})).toBe(true);
    expect(edit('agenda.previousStage', {})).toBe(true);
    expect(doc().agenda.currentStageId).toBe('stage-break');
    expect(edit('agenda.previousStage', {})).toBe(false);
    expect(edit('agenda.setCurrentStage', { id: 'stage-vote' })).toBe(true);
    expect(edit('agenda.removeStage', { id: 'stage-vote' })).toBe(true);
    expect(doc().agenda.currentStageId).toBe('stage-solutions');
    expect(edit('agenda.setVisible', { visible: false })).toBe(true);
    expect(doc().agenda.visible).toBe(false);
  });

  it('sets a due date on a solution, and clears it', () => {
    edit('solution.add', { id: 'x-1', title: 'Library', addresses: ['p-1'] });
    expect(edit('solution.update', { id: 'x-1', patch: { dueDate: '2027-01-15' } })).toBe(true);
    expect(doc().solutions[0]?.dueDate).toBe('2027-01-15');
    expect(edit('solution.update', { id: 'x-1', patch: { dueDate: null } })).toBe(true);
    expect(doc().solutions[0]?.dueDate).toBeNull();
    expect(() => edit('solution.update', { id: 'x-1', patch: { dueDate: '2027-02-30' } })).toThrow(/not valid/);
  });
});
