import '../styles/voting.css';
import { ChevronRight, Eye, EyeOff, ListOrdered, Square, Users } from 'lucide-react';
import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_VOTING_BUDGET } from '@shared/document/format';
import { resultsVisible } from '@shared/operations/ballots';
import { setBudget, setHideResults, setRevealed, stopVoting } from '../commands/voting-commands';
import { selectDocument, useEditor } from '../store/editor-store';
import { showParticipantsDialog } from '../store/participants-dialog-store';
import { selectOwnVoterId, useLiveSession } from '../commands/live-session';
import { chooseVotingParticipant, selectParticipants, useVotingMode, votingParticipant } from '../store/voting-store';

const participantName = (label: string, index: number) => label.trim() || `Participant ${index + 1}`;

/**
 * The board's voting bar, while voting is on: whose dots are being cast ("Voting for", with what each has left),
 * the budget ("Votes each"), "Hide results until reveal" and "Reveal votes", the ranking, the participants, and
 * "Stop voting". A refused dot says why here, in words the facilitator can read out.
 */
export const VotingBar = memo(function VotingBar({ rankingShown, onShowRanking }: { rankingShown: boolean; onShowRanking: (shown: boolean) => void }) {
  const participants = useEditor(selectParticipants);
  const { budget, hideResults, revealed } = useEditor(
    useShallow((s) => {
      const voting = selectDocument(s)?.voting;
      return { budget: voting?.budget ?? 0, hideResults: voting?.hideResults ?? false, revealed: voting?.revealed ?? false };
    }),
  );
  const ballots = useEditor((s) => selectDocument(s)?.ballots);
  const chosenId = useVotingMode((s) => s.participantId);
  const refusal = useVotingMode((s) => s.refusal);
  // On a participant's own laptop in a live session: they vote as themselves, and the settings are the host's.
  const self = useLiveSession(selectOwnVoterId);
  const own = self !== null;
  const current = votingParticipant(participants, chosenId, self);
  const visible = resultsVisible({ hideResults, revealed });

  const cast = new Map<string, number>();
  for (const b of ballots ?? []) cast.set(b.participantId, (cast.get(b.participantId) ?? 0) + 1);
  const leftFor = (id: string) => Math.max(0, budget - (cast.get(id) ?? 0));

  const nextParticipant = () => {
    if (!current || participants.length < 2) return;
    const index = participants.findIndex((p) => p.id === current.id);
    chooseVotingParticipant(participants[(index + 1) % participants.length]!.id);
  };

  return (
    <section className="voting-bar" aria-label="Dot voting">
      {/* Two lines: whose dots are being cast and the results, then the settings and the way out. */}
      <div className="voting-bar__row">
        <strong className="voting-bar__name">Dot voting</strong>
        {own ? (
          <div className="voting-bar__who">
            <span className="voting-field">
              <span>Voting as</span> <strong>{current ? participantName(current.label, 0) : 'you (joining…)'}</strong>
            </span>
            {current && <VotesLeft left={leftFor(current.id)} budget={budget} />}
          </div>
        ) : participants.length === 0 ? (
          <p className="voting-bar__empty">No participants yet: add them to cast their votes, or count sticker dots with + and −.</p>
        ) : (
          <div className="voting-bar__who">
            <label className="voting-field">
              <span>Voting for</span>
              <select value={current?.id ?? ''} onChange={(e) => chooseVotingParticipant(e.target.value)}>
                {participants.map((p, i) => (
                  <option key={p.id} value={p.id}>
                    {participantName(p.label, i)} · {leftFor(p.id)} left
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" aria-label="Next participant" title="Next participant" onClick={nextParticipant} disabled={participants.length < 2}>
              Next <ChevronRight size={16} aria-hidden="true" />
            </button>
            {current && <VotesLeft left={leftFor(current.id)} budget={budget} />}
          </div>
        )}
        <div className="voting-bar__end">
          {hideResults &&
            !own &&
            (revealed ? (
              <button type="button" className="button" onClick={() => setRevealed(false)}>
                <EyeOff size={16} aria-hidden="true" /> Hide votes
              </button>
            ) : (
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setRevealed(true);
                  onShowRanking(true);
                }}
              >
                <Eye size={16} aria-hidden="true" /> Reveal votes
              </button>
            ))}
          <button
            type="button"
            className="button"
            aria-pressed={rankingShown}
            disabled={!visible}
            title={visible ? 'The pain points ranked by votes' : 'The results are hidden until you reveal them'}
            onClick={() => onShowRanking(!rankingShown)}
          >
            <ListOrdered size={16} aria-hidden="true" /> Ranking
          </button>
        </div>
      </div>
      {!own && (
      <div className="voting-bar__row">
        {/* Keyed by the budget: a change from elsewhere (undo) shows at once, and a refused one springs back. */}
        <BudgetField key={budget} budget={budget} />
        <label className="voting-check">
          <input type="checkbox" checked={hideResults} onChange={(e) => setHideResults(e.target.checked)} />
          <span>Hide results until reveal</span>
        </label>
        <div className="voting-bar__end">
          <button type="button" className="button" onClick={() => showParticipantsDialog(true)}>
            <Users size={16} aria-hidden="true" /> Participants…
          </button>
          <button type="button" className="button" onClick={stopVoting}>
            <Square size={14} aria-hidden="true" /> Stop voting
          </button>
        </div>
      </div>
      )}
      {refusal && (
        <p className="voting-bar__refusal" role="alert">
          {refusal}
        </p>
      )}
    </section>
  );
});

/** What the participant being voted for has left, as dots and in words (announced as it changes). */
function VotesLeft({ left, budget }: { left: number; budget: number }) {
  return (
    <span className="voting-bar__left" aria-live="polite">
      <VoteDots left={left} budget={budget} />
      <span>
        {left} of {budget} left
      </span>
    </span>
  );
}

/** The dots a participant has left, drawn as dots (filled: left; hollow: given). Up to 10 drawn; the words say the rest. */
function VoteDots({ left, budget }: { left: number; budget: number }) {
  if (budget > 10) return null;
  return (
    <span className="vote-dots" aria-hidden="true">
      {Array.from({ length: budget }, (_, i) => (
        <span key={i} className={`vote-dots__dot${i < left ? ' is-left' : ''}`} />
      ))}
    </span>
  );
}

/** "Votes each": typed freely, applied when it is a whole number in range (a refused budget springs back). */
function BudgetField({ budget }: { budget: number }) {
  const [text, setText] = useState(String(budget));
  const apply = (typed = text) => {
    const value = Number(typed);
    if (!Number.isInteger(value) || value < 1 || value > MAX_VOTING_BUDGET || !setBudget(value)) setText(String(budget));
  };
  return (
    <label className="voting-field voting-field--budget">
      <span>Votes each</span>
      <input
        type="number"
        min={1}
        max={MAX_VOTING_BUDGET}
        step={1}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // The arrows (spin buttons, Up and Down keys) step by one and apply at once; typed digits wait for Enter or leaving.
          if (!(e.nativeEvent as InputEvent).inputType) apply(e.target.value);
        }}
        onBlur={() => apply()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
    </label>
  );
}
