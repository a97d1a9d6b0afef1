import { MAX_VOTING_BUDGET } from '../document/format';
import type { Ballot, Voting, WorkspaceDocument } from '../document/schema';
import { ballotsCastBy } from '../domain/votes';

/*
 * Dot voting: each participant has a budget of dots (voting.budget) and gives at most one to a pain point. A
 * ballot is one voter's dot on one pain point, stored as its own entry so that votes could later come from each
 * participant's own laptop without conflicts. Votes the room gives with stickers are entered as the pain point's
 * tally instead (pain-points.ts). Casting and changing the budget can be refused, and say why: the facilitator
 * has to tell the room ("P3 has used all 3 votes").
 */

/** Why a ballot or a budget change was refused. */
export type BallotRefusal =
  | { readonly kind: 'unknownParticipant'; readonly participantId: string }
  | { readonly kind: 'unknownPainPoint'; readonly painPointId: string }
  | { readonly kind: 'duplicate'; readonly participantId: string; readonly painPointId: string }
  | { readonly kind: 'overBudget'; readonly participantId: string; readonly budget: number }
  | { readonly kind: 'invalidBudget'; readonly budget: number }
  | { readonly kind: 'budgetBelowCast'; readonly budget: number; readonly participantId: string; readonly cast: number };

/** The outcome of an operation that may be refused: the new document, or the reason it was not changed. */
export type VotingResult = { readonly ok: true; readonly doc: WorkspaceDocument } | { readonly ok: false; readonly reason: BallotRefusal };

/**
 * Gives one of a participant's dots to a pain point. Refused for a participant or pain point that does not
 * exist, a second dot from the same participant on the same pain point, and a participant who has used their
 * whole budget.
 */
export function castBallot(doc: WorkspaceDocument, ballot: Ballot): VotingResult {
  const { participantId, painPointId } = ballot;
  if (!doc.participants.some((p) => p.id === participantId)) return refuse({ kind: 'unknownParticipant', participantId });
  if (!doc.painPoints.some((p) => p.id === painPointId)) return refuse({ kind: 'unknownPainPoint', painPointId });
  if (doc.ballots.some((b) => b.participantId === participantId && b.painPointId === painPointId)) {
    return refuse({ kind: 'duplicate', participantId, painPointId });
  }
  if (ballotsCastBy(doc, participantId) >= doc.voting.budget) return refuse({ kind: 'overBudget', participantId, budget: doc.voting.budget });
  return { ok: true, doc: { ...doc, ballots: [...doc.ballots, { participantId, painPointId }] } };
}

/** Takes back a participant's dot from a pain point (un-vote). Returns the same document when there is none. */
export function withdrawBallot(doc: WorkspaceDocument, ballot: Ballot): WorkspaceDocument {
  const matches = (b: Ballot) => b.participantId === ballot.participantId && b.painPointId === ballot.painPointId;
  return doc.ballots.some(matches) ? { ...doc, ballots: doc.ballots.filter((b) => !matches(b)) } : doc;
}

/**
 * Sets how many dots each participant has. Refused for a budget outside 1..MAX_VOTING_BUDGET or not whole, and
 * for one below what a participant has already cast (their votes would be over budget; withdraw some first).
 */
export function setVotingBudget(doc: WorkspaceDocument, budget: number): VotingResult {
  if (!Number.isSafeInteger(budget) || budget < 1 || budget > MAX_VOTING_BUDGET) return refuse({ kind: 'invalidBudget', budget });
  if (budget === doc.voting.budget) return { ok: true, doc };
  for (const p of doc.participants) {
    const cast = ballotsCastBy(doc, p.id);
    if (cast > budget) return refuse({ kind: 'budgetBelowCast', budget, participantId: p.id, cast });
  }
  return { ok: true, doc: { ...doc, voting: { ...doc.voting, budget } } };
}

/** Whether totals are hidden until the facilitator reveals them ("Hide results until reveal"). */
export function setHideResults(doc: WorkspaceDocument, hideResults: boolean): WorkspaceDocument {
  return patchVoting(doc, { hideResults });
}

/** Reveals the votes (true), or hides them again for another round (false). */
export function setRevealed(doc: WorkspaceDocument, revealed: boolean): WorkspaceDocument {
  return patchVoting(doc, { revealed });
}

/** Whether the vote totals may be shown now: always, unless results are hidden and not yet revealed. */
export function resultsVisible(voting: Pick<Voting, 'hideResults' | 'revealed'>): boolean {
  return !voting.hideResults || voting.revealed;
}

/** The refusal in words, for a notice: names the participant and pain point by their labels. */
export function describeBallotRefusal(doc: WorkspaceDocument, reason: BallotRefusal): string {
  const who = (id: string) => doc.participants.find((p) => p.id === id)?.label.trim() || 'This participant';
  const what = (id: string) => doc.painPoints.find((p) => p.id === id)?.title.trim() || 'this pain point';
  switch (reason.kind) {
    case 'unknownParticipant':
      return 'That participant is no longer in the list.';
    case 'unknownPainPoint':
      return 'That pain point no longer exists.';
    case 'duplicate':
      return `${who(reason.participantId)} has already voted for “${what(reason.painPointId)}”.`;
    case 'overBudget':
      return `${who(reason.participantId)} has used all ${reason.budget} vote${reason.budget === 1 ? '' : 's'}. Take one back to vote again.`;
    case 'invalidBudget':
      return `A budget must be a whole number from 1 to ${MAX_VOTING_BUDGET}.`;
    case 'budgetBelowCast':
      return `${who(reason.participantId)} has already cast ${reason.cast} votes, more than ${reason.budget}. Take some back first.`;
  }
}

function patchVoting(doc: WorkspaceDocument, patch: Partial<Pick<Voting, 'hideResults' | 'revealed'>>): WorkspaceDocument {
  const changed = Object.entries(patch).some(([key, value]) => doc.voting[key] !== value);
  return changed ? { ...doc, voting: { ...doc.voting, ...patch } } : doc;
}

function refuse(reason: BallotRefusal): VotingResult {
  return { ok: false, reason };
}
