import { describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { votesFor } from '../../../../shared/domain/votes';
import { castBallot, describeBallotRefusal, resultsVisible, setHideResults, setRevealed, setVotingBudget, withdrawBallot } from '../../../../shared/operations/ballots';
import { deletePainPoint } from '../../../../shared/operations/pain-points';
import { deepFreeze } from '../test-helpers';
import { sampleDoc } from './test-docs';

/** The sample with three participants and a budget of 2. */
function room(): WorkspaceDocument {
  return deepFreeze({
    ...sampleDoc(),
    participants: [
      { id: 'pt-1', label: 'P1', departmentId: null },
      { id: 'pt-2', label: 'P2', departmentId: null },
      { id: 'pt-3', label: 'P3', departmentId: null },
    ],
    voting: { budget: 2, hideResults: false, revealed: false },
  });
}

function cast(doc: WorkspaceDocument, participantId: string, painPointId: string): WorkspaceDocument {
  const result = castBallot(doc, { participantId, painPointId });
  if (!result.ok) throw new Error(`refused: ${result.reason.kind}`);
  return result.doc;
}

describe('castBallot', () => {
  it('adds one entry per voter and pain point, counted in the total with the tally', () => {
    const doc = cast(cast(room(), 'pt-1', 'p-on-rel'), 'pt-2', 'p-on-rel');
    expect(doc.ballots).toEqual([
      { participantId: 'pt-1', painPointId: 'p-on-rel' },
      { participantId: 'pt-2', painPointId: 'p-on-rel' },
    ]);
    // p-on-rel has a tally of 3 in the sample.
    expect(votesFor(doc, 'p-on-rel')).toBe(5);
  });

  it('refuses a vote over the budget, with the budget in the reason', () => {
    const full = cast(cast(room(), 'pt-1', 'p-on-rel'), 'pt-1', 'p-wide');
    const result = castBallot(full, { participantId: 'pt-1', painPointId: 'p-on-legal' });
    expect(result).toEqual({ ok: false, reason: { kind: 'overBudget', participantId: 'pt-1', budget: 2 } });
    expect(describeBallotRefusal(full, { kind: 'overBudget', participantId: 'pt-1', budget: 2 })).toBe('P1 has used all 2 votes. Take one back to vote again.');
    // Another participant still has their dots.
    expect(castBallot(full, { participantId: 'pt-2', painPointId: 'p-on-legal' }).ok).toBe(true);
  });

  it('refuses a second dot on the same pain point, an unknown participant and an unknown pain point', () => {
    const doc = cast(room(), 'pt-1', 'p-on-rel');
    expect(castBallot(doc, { participantId: 'pt-1', painPointId: 'p-on-rel' })).toEqual({ ok: false, reason: { kind: 'duplicate', participantId: 'pt-1', painPointId: 'p-on-rel' } });
    expect(castBallot(doc, { participantId: 'pt-9', painPointId: 'p-on-rel' })).toEqual({ ok: false, reason: { kind: 'unknownParticipant', participantId: 'pt-9' } });
    expect(castBallot(doc, { participantId: 'pt-1', painPointId: 'p-gone' })).toEqual({ ok: false, reason: { kind: 'unknownPainPoint', painPointId: 'p-gone' } });
    expect(describeBallotRefusal(doc, { kind: 'duplicate', participantId: 'pt-1', painPointId: 'p-on-rel' })).toBe('P1 has already voted for “Pain p-on-rel”.');
  });
});

describe('withdrawBallot (un-vote)', () => {
  it('takes back one dot, which can then be cast again', () => {
    const full = cast(cast(room(), 'pt-1', 'p-on-rel'), 'pt-1', 'p-wide');
    const back = withdrawBallot(full, { participantId: 'pt-1', painPointId: 'p-on-rel' });
    expect(back.ballots).toEqual([{ participantId: 'pt-1', painPointId: 'p-wide' }]);
    expect(castBallot(back, { participantId: 'pt-1', painPointId: 'p-on-legal' }).ok).toBe(true);
    expect(withdrawBallot(back, { participantId: 'pt-1', painPointId: 'p-on-rel' })).toBe(back);
  });

  it('deleting a pain point removes its ballots, giving the dots back', () => {
    const doc = cast(cast(room(), 'pt-1', 'p-on-rel'), 'pt-1', 'p-wide');
    const next = deletePainPoint(doc, 'p-on-rel');
    expect(next.ballots).toEqual([{ participantId: 'pt-1', painPointId: 'p-wide' }]);
  });
});

describe('voting settings', () => {
  it('sets the budget, and refuses one below what someone has cast or out of bounds', () => {
    const doc = cast(cast(room(), 'pt-1', 'p-on-rel'), 'pt-1', 'p-wide');
    const raised = setVotingBudget(doc, 5);
    expect(raised.ok && raised.doc.voting.budget).toBe(5);
    expect(setVotingBudget(doc, 2)).toEqual({ ok: true, doc });
    expect(setVotingBudget(doc, 1)).toEqual({ ok: false, reason: { kind: 'budgetBelowCast', budget: 1, participantId: 'pt-1', cast: 2 } });
    expect(setVotingBudget(doc, 0)).toEqual({ ok: false, reason: { kind: 'invalidBudget', budget: 0 } });
    expect(setVotingBudget(doc, 101)).toEqual({ ok: false, reason: { kind: 'invalidBudget', budget: 101 } });
    expect(setVotingBudget(doc, 2.5)).toEqual({ ok: false, reason: { kind: 'invalidBudget', budget: 2.5 } });
  });

  it('hides results until they are revealed', () => {
    const doc = room();
    expect(resultsVisible(doc.voting)).toBe(true);
    const hidden = setHideResults(doc, true);
    expect(resultsVisible(hidden.voting)).toBe(false);
    const revealed = setRevealed(hidden, true);
    expect(revealed.voting).toEqual({ budget: 2, hideResults: true, revealed: true });
    expect(resultsVisible(revealed.voting)).toBe(true);
    expect(setRevealed(revealed, true)).toBe(revealed);
    expect(setHideResults(doc, false)).toBe(doc);
  });
});
