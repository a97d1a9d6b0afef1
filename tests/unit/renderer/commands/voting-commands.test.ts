import { beforeEach, describe, expect, it } from 'vitest';
import { goToStage } from '../../../../renderer/src/commands/agenda-commands';
import { edit } from '../../../../renderer/src/commands/edits';
import { setBudget, setHideResults, setRevealed, startVoting, stopVoting, toggleDot } from '../../../../renderer/src/commands/voting-commands';
import { currentDocument, loadWorkspace, setClock, undo, useEditor } from '../../../../renderer/src/store/editor-store';
import { useUi } from '../../../../renderer/src/store/ui-store';
import { chooseVotingParticipant, selectVotesHidden, useVotingMode } from '../../../../renderer/src/store/voting-store';
import { votesFor } from '../../../../shared/domain/votes';
import { createWorkspace } from '../../../../shared/operations/workspace';
import { workspaceFromTemplate } from '../../../../shared/templates/templates';

/*
 * Dot voting from the board, over the store: dots for the chosen participant (give, take back, over budget refused
 * with words the facilitator can read out), the budget, hiding and revealing, and the mode following the agenda.
 */

const doc = () => currentDocument()!;
const notice = () => useUi.getState().notice?.text;
const mode = () => useVotingMode.getState();

function openWorkshop(): void {
  setClock(() => new Date('2026-12-01T10:00:00.000Z'));
  loadWorkspace(createWorkspace('Workshop', new Date('2026-12-01T09:00:00.000Z')), { filePath: null, fitOnOpen: false });
  for (const [id, title] of [['p-1', 'Sign-off takes days'], ['p-2', 'No shared calendar'], ['p-3', 'Leaders offline'], ['p-4', 'Tools stall']] as const) {
    edit('painPoint.add', { id, title, attachedTo: [] });
  }
  edit('participant.add', { id: 'pt-1', label: 'P1' });
  edit('participant.add', { id: 'pt-2', label: 'Priya' });
}

beforeEach(openWorkshop);

describe('dot voting from the board', () => {
  it('gives the first participant’s dots until one is chosen, takes a dot back on a second press, one undo step each', () => {
    startVoting();
    expect(mode().active).toBe(true);
    toggleDot('p-1');
    expect(doc().ballots).toEqual([{ participantId: 'pt-1', painPointId: 'p-1' }]);
    expect(notice()).toBe('P1 voted for “Sign-off takes days”. 2 votes left.');
    chooseVotingParticipant('pt-2');
    toggleDot('p-1');
    expect(votesFor(doc(), 'p-1')).toBe(2);
    toggleDot('p-1');
    expect(doc().ballots).toEqual([{ participantId: 'pt-1', painPointId: 'p-1' }]);
    expect(notice()).toBe('Priya took back their vote for “Sign-off takes days”.');
    undo();
    expect(votesFor(doc(), 'p-1')).toBe(2);
  });

  it('refuses a dot over the budget, says why in the voting bar, and records nothing', () => {
    startVoting();
    for (const id of ['p-1', 'p-2', 'p-3']) toggleDot(id);
    const before = useEditor.getState().workspace!.history;
    toggleDot('p-4');
    expect(doc().ballots).toHaveLength(3);
    expect(useEditor.getState().workspace!.history).toBe(before);
    expect(mode().refusal).toBe('P1 has used all 3 votes. Take one back to vote again.');
    expect(notice()).toBe(mode().refusal);
    // Taking one back clears the message and makes room.
    toggleDot('p-1');
    expect(mode().refusal).toBeNull();
    toggleDot('p-4');
    expect(doc().ballots.map((b) => b.painPointId)).toEqual(['p-2', 'p-3', 'p-4']);
  });

  it('changes the budget, refusing one below what someone has cast', () => {
    startVoting();
    toggleDot('p-1');
    toggleDot('p-2');
    expect(setBudget(1)).toBe(false);
    expect(mode().refusal).toBe('P1 has already cast 2 votes, more than 1. Take some back first.');
    expect(doc().voting.budget).toBe(3);
    expect(setBudget(5)).toBe(true);
    expect(doc().voting.budget).toBe(5);
    expect(mode().refusal).toBeNull();
  });

  it('hides the totals until the reveal; hiding again starts a fresh round', () => {
    setHideResults(true);
    expect(selectVotesHidden(useEditor.getState())).toBe(true);
    setRevealed(true);
    expect(selectVotesHidden(useEditor.getState())).toBe(false);
    expect(notice()).toBe('Votes revealed.');
    setHideResults(true);
    expect(doc().voting).toMatchObject({ hideResults: true, revealed: false });
    setHideResults(false);
    expect(selectVotesHidden(useEditor.getState())).toBe(false);
  });

  it('stop voting keeps the votes cast', () => {
    startVoting();
    toggleDot('p-2');
    stopVoting();
    expect(mode().active).toBe(false);
    expect(doc().ballots).toHaveLength(1);
  });
});

describe('voting mode follows the agenda', () => {
  it('turns on at the Vote stage and off at the next stage; another workspace starts with it off', () => {
    loadWorkspace(workspaceFromTemplate('organising-for-social', new Date('2026-12-01T09:00:00.000Z')), { filePath: null, fitOnOpen: false });
    expect(mode().active).toBe(false);
    const stages = doc().agenda.stages;
    const vote = stages.findIndex((s) => s.voting);
    goToStage(vote);
    expect(mode().active).toBe(true);
    expect(useEditor.getState().view).toBe('board');
    // An edit that does not change the stage leaves the mode alone (stopping it by hand sticks too).
    stopVoting();
    edit('painPoint.add', { id: 'p-x', title: 'Another', attachedTo: [] });
    expect(mode().active).toBe(false);
    startVoting();
    goToStage(vote + 1);
    expect(mode().active).toBe(false);
    goToStage(vote);
    expect(mode().active).toBe(true);
    openWorkshop();
    expect(mode().active).toBe(false);
  });
});
