import { CircleAlert, MessageSquareQuote, ThumbsUp } from 'lucide-react';
import type { Category, PainPoint } from '@shared/document/schema';

/** A pain point's category, votes, quotes and "Unaddressed" mark, as its rows in lists show them. */
export function PainPointFacts({ painPoint, category, unaddressed }: { painPoint: PainPoint; category: Category | undefined; unaddressed: boolean }) {
  return (
    <>
      <span>{category?.name ?? 'Uncategorised'}</span>
      <span title="Votes">
        <ThumbsUp size={13} aria-hidden="true" /> {painPoint.votes}
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
