import { describeBallotRefusal } from '@shared/operations/ballots';
import { announce, documentNow, useEditor } from '../store/editor-store';
import { selectParticipants, setVotingActive, setVotingRefusal, useVotingMode, votingParticipant } from '../store/voting-store';
import { tryEdit } from './edits';
import { selectOwnVoterId, useLiveSession } from './live-session';

/*
 * Dot voting from the board: the facilitator picks a participant ("Voting for") and gives or takes back their
 * dots on the cards; the room's sticker dots are still entered as tallies with the cards' + and −. Every dot is one
 * undo step; a dot over budget is refused and the voting bar says why, so the facilitator can tell the room.
 */

/** "Start voting": the board's voting mode, for the first participant unless one was chosen. */
export function startVoting(): void {
  setVotingActive(true);
  const participants = selectParticipants(useEditor.getState());
  const budget = documentNow()?.voting.budget ?? 0;
  announce(
    participants.length === 0
      ? 'Voting started. Add participants to cast votes for them, or enter sticker dots with + and −.'
      : `Voting started: ${budget} vote${budget === 1 ? '' : 's'} each for ${participants.length} participant${participants.length === 1 ? '' : 's'}.`,
  );
}

export function stopVoting(): void {
  setVotingActive(false);
  announce('Voting stopped. The votes cast are kept.');
}

/** Gives the chosen participant's dot to a pain point, or takes it back when they already gave it one. */
export function toggleDot(painPointId: string): void {
  const doc = documentNow();
  const participant = votingParticipant(selectParticipants(useEditor.getState()), useVotingMode.getState().participantId, selectOwnVoterId(useLiveSession.getState()));
  if (!doc || !participant) return;
  const ballot = { participantId: participant.id, painPointId };
  const title = doc.painPoints.find((p) => p.id === painPointId)?.title.trim() || 'this pain point';
  const who = participant.label.trim() || 'This participant';
  if (doc.ballots.some((b) => b.participantId === participant.id && b.painPointId === painPointId)) {
    tryEdit('ballot.withdraw', ballot);
    setVotingRefusal(null);
    announce(`${who} took back their vote for “${title}”.`);
    return;
  }
  const outcome = tryEdit('ballot.cast', ballot);
  if (!outcome.ok) {
    const message = describeBallotRefusal(doc, outcome.reason);
    setVotingRefusal(message);
    announce(message);
    return;
  }
  setVotingRefusal(null);
  const left = doc.voting.budget - doc.ballots.filter((b) => b.participantId === participant.id).length - 1;
  announce(`${who} voted for “${title}”. ${left} vote${left === 1 ? '' : 's'} left.`);
}

/** "Votes each": the budget. A budget below what someone has cast is refused, with the reason. */
export function setBudget(budget: number): boolean {
  const doc = documentNow();
  if (!doc) return false;
  const outcome = tryEdit('voting.update', { budget });
  if (!outcome.ok) {
    const message = describeBallotRefusal(doc, outcome.reason);
    setVotingRefusal(message);
    announce(message);
    return false;
  }
  setVotingRefusal(null);
  return true;
}

/** "Hide results until reveal": hiding starts a fresh round (not revealed yet). */
export function setHideResults(hide: boolean): void {
  tryEdit('voting.update', hide ? { hideResults: true, revealed: false } : { hideResults: false });
}

/** "Reveal votes" (true), or hide them again (false). */
export function setRevealed(revealed: boolean): void {
  if (tryEdit('voting.update', { revealed }).ok) announce(revealed ? 'Votes revealed.' : 'Votes hidden until the next reveal.');
}
