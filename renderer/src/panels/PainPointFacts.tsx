import { CircleAlert, MessageSquareQuote, ThumbsUp } from 'lucide-react';
import type { Category, PainPoint } from '@shared/document/schema';

/**
 * A pain point's category, votes, quotes and "Unaddressed" mark, as its rows in lists show them. `votes` is the
 * total (tally + ballots, shared/domain/votes.ts), which the caller has from the whole document.
 */
export function PainPointFacts({ painPoint, category, unaddressed, votes }: { painPoint: PainPoint; category: Category | undefined; unaddressed: boolean; votes: number }) {
  return (
    <>
      <span>{category?.name ?? 'Uncategorised'}</span>
      <span title="Votes">
        <ThumbsUp size={13} aria-hidden="true" /> {votes}
        <span className="visually-hidden"> votes</span>
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
