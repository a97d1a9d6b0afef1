import { CircleAlert, MessageSquareQuote, ThumbsUp } from 'lucide-react';
import type { Category, PainPoint } from '@shared/document/schema';
import { useEditor } from '../store/editor-store';
import { selectVotesHidden } from '../store/voting-store';

/**
 * A pain point's category, votes, quotes and "Unaddressed" mark, as its rows in lists show them. `votes` is the
 * total (tally + ballots, shared/domain/votes.ts), which the caller has from the whole document.
 */
export function PainPointFacts({ painPoint, category, unaddressed, votes }: { painPoint: PainPoint; category: Category | undefined; unaddressed: boolean; votes: number }) {
  // Until the facilitator reveals the votes, no list gives them away.
  const hidden = useEditor(selectVotesHidden);
  return (
    <>
      <span>{category?.name ?? 'Uncategorised'}</span>
      <span title={hidden ? 'Votes hidden until reveal' : 'Votes'}>
        <ThumbsUp size={13} aria-hidden="true" /> {hidden ? '?' : votes}
        <span className="visually-hidden"> {hidden ? 'votes hidden until reveal' : 'votes'}</span>
      </span>
      <span title="Quotes">
        <MessageSquareQuote size={13} aria-hidden="true" /> {painPoint.quotes.length}
        <span className="visually-hidden"> quotes</span>
      </span>
      {unaddressed && (
        <span className="unaddressed-mark">
          <CircleAlert size={13} aria-hidden="true" /> Unaddressed
        </span>
      )}
    </>
  );
}
