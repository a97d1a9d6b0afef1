import type { Ballot, PainPoint } from '../document/schema';

/** The parts of a document votes are counted from. */
export interface VotingParts {
  readonly painPoints: readonly PainPoint[];
  readonly ballots: readonly Ballot[];
}

/*
 * A pain point's votes come from two places: its `tally` (votes entered as a count, such as sticker dots counted
 * in the room, and every vote of a version 1 file) and the ballots cast for participants (one per voter and pain
 * point). Everything that shows or sorts by votes uses the total, so the two ways of voting add up.
 */

/** Each pain point's total votes (tally + ballots), by pain point id. Ballots for a missing pain point count nowhere. */
export function voteTotals(doc: VotingParts): ReadonlyMap<string, number> {
  const totals = new Map<string, number>();
  for (const p of doc.painPoints) totals.set(p.id, p.tally);
  for (const b of doc.ballots) {
    const current = totals.get(b.painPointId);
    if (current !== undefined) totals.set(b.painPointId, current + 1);
  }
  return totals;
}

/** One pain point's total votes (tally + ballots); 0 for a pain point that does not exist. */
export function votesFor(doc: VotingParts, painPointId: string): number {
  const painPoint = doc.painPoints.find((p) => p.id === painPointId);
  if (!painPoint) return 0;
  let total = painPoint.tally;
  for (const b of doc.ballots) if (b.painPointId === painPointId) total += 1;
  return total;
}

/** How many ballots a participant has cast (what they have spent of the budget). */
export function ballotsCastBy(doc: Pick<VotingParts, 'ballots'>, participantId: string): number {
  let count = 0;
  for (const b of doc.ballots) if (b.participantId === participantId) count += 1;
  return count;
}

/** One line of the ranking: a pain point, its total votes and its rank (equal totals share a rank). */
export interface RankedPainPoint {
  readonly painPoint: PainPoint;
  readonly votes: number;
  /** 1 for the most votes; equal totals share a rank and the next rank skips ("1, 1, 3"). */
  readonly rank: number;
  /** Whether another pain point has the same total (the room may want to break the tie). */
  readonly tied: boolean;
}

/**
 * The pain points ranked by total votes, most first, in standard competition ranking: equal totals share a
 * rank and the next distinct total's rank counts everyone above it ("1, 1, 3"). Equal totals keep document order,
 * so the ranking is stable from one render to the next.
 */
export function rankPainPoints(doc: VotingParts): RankedPainPoint[] {
  const totals = voteTotals(doc);
  const sorted = doc.painPoints
    .map((painPoint, index) => ({ painPoint, index, votes: totals.get(painPoint.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index);
  const countOf = new Map<number, number>();
  for (const entry of sorted) countOf.set(entry.votes, (countOf.get(entry.votes) ?? 0) + 1);
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((entry, position) => {
    if (entry.votes !== previous) {
      rank = position + 1;
      previous = entry.votes;
    }
    return { painPoint: entry.painPoint, votes: entry.votes, rank, tied: (countOf.get(entry.votes) ?? 0) > 1 };
  });
}
