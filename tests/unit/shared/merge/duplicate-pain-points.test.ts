import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, suggestDuplicatePainPoints, titleSimilarity } from '../../../../shared/merge/duplicate-pain-points';
import { deepFreeze } from '../test-helpers';
import { painPoint } from './merge-helpers';

const titled = (id: string, title: string) => painPoint(id, [], { title });

describe('titleSimilarity', () => {
  it('is 1 for the same title, ignoring case, accents and spacing', () => {
    expect(titleSimilarity('Légal sign-off takes days', '  legal SIGN-OFF takes   days ')).toBe(1);
  });

  it('compares words without plural "s" and without small words', () => {
    // legal, sign, off, take, day against legal, sign, off, take, many, day ("too" is a stop word).
    expect(titleSimilarity('Legal sign-off takes days', 'Legal sign-offs take too many days')).toBeCloseTo(10 / 11);
    expect(titleSimilarity('The approvals', 'Approval')).toBe(1);
  });

  it('is low for titles about something else, and 0 when a title has no word that counts', () => {
    expect(titleSimilarity('Legal sign-off takes days', 'Legal does not understand social')).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(titleSimilarity('The', 'It is')).toBe(0);
    expect(titleSimilarity('', '')).toBe(0);
  });
});

describe('suggestDuplicatePainPoints', () => {
  const current = deepFreeze([
    titled('p-signoff', 'Legal sign-off takes days'),
    titled('p-guidelines', 'Brand guidelines do not cover social'),
    titled('p-budget', 'No budget for listening tools'),
  ]);

  it('pairs similar titles with a score, and leaves dissimilar ones out', () => {
    const incoming = deepFreeze([
      titled('i-1', 'Legal sign-offs take too many days'),
      titled('i-2', 'Nobody answers app reviews'),
      titled('i-3', 'No brand guidelines for social media'),
    ]);
    expect(suggestDuplicatePainPoints(current, incoming)).toEqual([
      { incomingId: 'i-1', currentId: 'p-signoff', score: 0.91, certain: false },
      { incomingId: 'i-3', currentId: 'p-guidelines', score: 0.75, certain: false },
    ]);
  });

  it('puts an exact title (by name key) first, as certain', () => {
    const incoming = deepFreeze([titled('i-1', 'Legal sign-offs take too many days'), titled('i-2', 'no BUDGET for listening tools ')]);
    expect(suggestDuplicatePainPoints(current, incoming)).toEqual([
      { incomingId: 'i-2', currentId: 'p-budget', score: 1, certain: true },
      { incomingId: 'i-1', currentId: 'p-signoff', score: 0.91, certain: false },
    ]);
  });

  it('pairs each incoming pain point once, with its best match; two of theirs may pair with one of ours', () => {
    const ours = deepFreeze([titled('p-a', 'Slow approvals'), titled('p-b', 'Slow legal approvals')]);
    const incoming = deepFreeze([titled('i-1', 'Slow legal approval'), titled('i-2', 'Slow approval of legal posts')]);
    expect(suggestDuplicatePainPoints(ours, incoming)).toEqual([
      { incomingId: 'i-1', currentId: 'p-b', score: 1, certain: false },
      { incomingId: 'i-2', currentId: 'p-b', score: 0.86, certain: false },
    ]);
  });

  it('uses the threshold: a title sharing half its words is not suggested', () => {
    const ours = deepFreeze([titled('p-1', 'No budget for tools')]);
    expect(suggestDuplicatePainPoints(ours, [titled('i-1', 'No training budget')])).toEqual([]);
    expect(suggestDuplicatePainPoints(ours, [titled('i-1', 'No tools budget')])).toEqual([{ incomingId: 'i-1', currentId: 'p-1', score: 1, certain: false }]);
  });

  it('breaks ties in the current order and handles empty boards', () => {
    const ours = deepFreeze([titled('p-1', 'Slow approvals'), titled('p-2', 'Approvals slow')]);
    expect(suggestDuplicatePainPoints(ours, [titled('i', 'Slow approval')])).toEqual([{ incomingId: 'i', currentId: 'p-1', score: 1, certain: false }]);
    expect(suggestDuplicatePainPoints([], [titled('i', 'x')])).toEqual([]);
    expect(suggestDuplicatePainPoints(ours, [])).toEqual([]);
  });
});
