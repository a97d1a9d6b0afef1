import { useMemo, type CSSProperties } from 'react';
import type { Category, PainPoint, Ballot } from '@shared/document/schema';
import { rankPainPoints } from '@shared/domain/votes';
import { openItem } from '../store/editor-store';
import { painPointTitle } from './board-columns';

const ordinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/**
 * The results of the vote, big enough for the back of the room: the pain points with votes, most first, with
 * their rank; pain points with equal votes share a rank and say "tied", so the room can see where to break a tie.
 * Shown in place of the board's columns (VotingBar's "Ranking", and at once on "Reveal votes").
 */
export function VotingRanking({ painPoints, ballots, categories }: { painPoints: readonly PainPoint[]; ballots: readonly Ballot[]; categories: readonly Category[] }) {
  const ranked = useMemo(() => rankPainPoints({ painPoints, ballots }).filter((r) => r.votes > 0), [painPoints, ballots]);
  const colours = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);
  return (
    <section className="voting-ranking" aria-labelledby="voting-ranking-title">
      <h3 id="voting-ranking-title" className="voting-ranking__title">
        Ranking
      </h3>
      {ranked.length === 0 ? (
        <p className="voting-ranking__empty">No votes yet.</p>
      ) : (
        <ol className="voting-ranking__list">
          {ranked.map(({ painPoint, votes, rank, tied }) => {
            const category = colours.get(painPoint.categoryId);
            const title = painPointTitle(painPoint);
            return (
              <li key={painPoint.id} className={`voting-ranking__item${rank <= 3 ? ' is-top' : ''}`} style={{ '--category-color': category?.color } as CSSProperties}>
                <span className="voting-ranking__rank">
                  <span aria-hidden="true">{rank}</span>
                  <span className="visually-hidden">{tied ? `Tied ${ordinal(rank)}` : ordinal(rank)}:</span>
                </span>
                <button type="button" className="voting-ranking__open" onClick={() => openItem({ type: 'painPoint', id: painPoint.id })}>
                  <span className="voting-ranking__name">{title}</span>
                  <span className="voting-ranking__category">{category?.name ?? 'Uncategorised'}</span>
                </button>
                {tied && (
                  <span className="voting-ranking__tie" aria-hidden="true">
                    tied
                  </span>
                )}
                <span className="voting-ranking__votes">
                  <strong>{votes}</strong> {votes === 1 ? 'vote' : 'votes'}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
