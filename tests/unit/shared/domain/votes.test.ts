import { describe, expect, it } from 'vitest';
import { ballotsCastBy, rankPainPoints, voteTotals, votesFor } from '../../../../shared/domain/votes';
import { painPoint } from '../operations/test-docs';

const parts = (tallies: Record<string, number>, ballots: Array<[string, string]>) => ({
  painPoints: Object.entries(tallies).map(([id, tally]) => painPoint(id, [], { tally })),
  ballots: ballots.map(([participantId, painPointId]) => ({ participantId, painPointId })),
});

describe('vote totals', () => {
  it('adds the ballots to the tally, and ignores ballots for a pain point that does not exist', () => {
    const doc = parts({ 'p-1': 2, 'p-2': 0 }, [['pt-1', 'p-1'], ['pt-2', 'p-1'], ['pt-1', 'p-2'], ['pt-1', 'p-gone']]);
    expect([...voteTotals(doc)]).toEqual([['p-1', 4], ['p-2', 1]]);
    expect(votesFor(doc, 'p-1')).toBe(4);
    expect(votesFor(doc, 'p-2')).toBe(1);
    expect(votesFor(doc, 'p-gone')).toBe(0);
    expect(ballotsCastBy(doc, 'pt-1')).toBe(3);
    expect(ballotsCastBy(doc, 'pt-3')).toBe(0);
  });
});

describe('rankPainPoints', () => {
  it('ranks by total with ties sharing a rank, "1, 1, 3" style, ties in document order', () => {
    const doc = parts({ 'p-a': 1, 'p-b': 3, 'p-c': 0, 'p-d': 2, 'p-e': 0 }, [['pt-1', 'p-d'], ['pt-1', 'p-c']]);
    // Totals: a 1, b 3, c 1, d 3, e 0.
    expect(rankPainPoints(doc).map((r) => [r.painPoint.id, r.votes, r.rank, r.tied])).toEqual([
      ['p-b', 3, 1, true],
      ['p-d', 3, 1, true],
      ['p-a', 1, 3, true],
      ['p-c', 1, 3, true],
      ['p-e', 0, 5, false],
    ]);
  });

  it('gives distinct totals consecutive ranks and an empty board no ranking', () => {
    expect(rankPainPoints(parts({ 'p-1': 1, 'p-2': 5, 'p-3': 3 }, [])).map((r) => [r.painPoint.id, r.rank, r.tied])).toEqual([
      ['p-2', 1, false],
      ['p-3', 2, false],
      ['p-1', 3, false],
    ]);
    expect(rankPainPoints(parts({}, []))).toEqual([]);
  });
});
