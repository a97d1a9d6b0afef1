import { create } from 'zustand';
import type { Participant } from '@shared/document/schema';
import { resultsVisible } from '@shared/operations/ballots';
import { currentStageOf, selectAgenda } from './agenda-selectors';
import { selectDocument, useEditor, type EditorState } from './editor-store';

/*
 * The board's voting mode: whether it is on, and which participant the facilitator is casting dots for. Transient
 * like the timer (never saved, never an undo step): the ballots and the voting settings are in the document, the
 * mode is how this window shows them. It follows the agenda: arriving at a voting stage turns it on, moving on to
 * a stage without voting turns it off, and another workspace starts with it off (unless it opens at a vote).
 */

export interface VotingModeState {
  readonly active: boolean;
  /** The participant chosen in "Voting for"; null, or one no longer in the list, means the first participant. */
  readonly participantId: string | null;
  /** Why the last dot was refused ("P3 has used all 3 votes"), shown in the voting bar until the next dot. */
  readonly refusal: string | null;
  /** The workspace session and stage the mode last followed: only a change of either moves it. */
  readonly stageKey: string | null;
}

export const useVotingMode = create<VotingModeState>()(() => ({ active: false, participantId: null, refusal: null, stageKey: null }));

const NO_PARTICIPANTS: readonly Participant[] = [];

export const selectParticipants = (s: EditorState): readonly Participant[] => selectDocument(s)?.participants ?? NO_PARTICIPANTS;

/** Whether vote totals are hidden now ("Hide results until reveal", not yet revealed): every view shows "?" then. */
export const selectVotesHidden = (s: EditorState): boolean => {
  const voting = selectDocument(s)?.voting;
  return voting ? !resultsVisible(voting) : false;
};

/**
 * The participant votes are cast for: on a participant's own laptop in a live session (`self`), always them (null
 * until the host has listed them); otherwise the one chosen, or the first in the list; null when there are none.
 */
export function votingParticipant(participants: readonly Participant[], chosenId: string | null, self: string | null = null): Participant | null {
  if (self !== null) return participants.find((p) => p.id === self) ?? null;
  return participants.find((p) => p.id === chosenId) ?? participants[0] ?? null;
}

export function setVotingActive(active: boolean): void {
  useVotingMode.setState({ active, refusal: null });
}

export function chooseVotingParticipant(participantId: string): void {
  useVotingMode.setState({ participantId, refusal: null });
}

export function setVotingRefusal(refusal: string | null): void {
  useVotingMode.setState({ refusal });
}

function followEditor(state: EditorState): void {
  const sessionId = state.workspace?.sessionId;
  const agenda = selectAgenda(state);
  const current = currentStageOf(agenda);
  const stageKey = sessionId === undefined ? null : `${sessionId}:${current?.stage.id ?? ''}`;
  const s = useVotingMode.getState();
  if (s.stageKey === stageKey) return;
  const sameSession = s.stageKey !== null && stageKey !== null && s.stageKey.split(':')[0] === stageKey.split(':')[0];
  // A voting stage of a shown agenda turns voting on; leaving it turns voting off. Another workspace starts afresh.
  const atVote = agenda?.visible === true && current?.stage.voting === true;
  useVotingMode.setState({
    stageKey,
    active: atVote,
    participantId: sameSession ? s.participantId : null,
    refusal: null,
  });
}

useEditor.subscribe(followEditor);
followEditor(useEditor.getState());
