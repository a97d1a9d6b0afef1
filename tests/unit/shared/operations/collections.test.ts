import { describe, expect, it } from 'vitest';
import { patchRecord, replaceById } from '../../../../shared/operations/collections';
import { deepFreeze } from '../test-helpers';

describe('replaceById', () => {
  const items = deepFreeze([{ id: 'a', n: 1 }, { id: 'b', n: 2 }]);

  it('replaces one item in a new array', () => {
    const next = replaceById(items, 'b', (item) => ({ ...item, n: 3 }));
    expect(next).toEqual([{ id: 'a', n: 1 }, { id: 'b', n: 3 }]);
    expect(next[0]).toBe(items[0]);
  });

  it('returns the same array when the item is missing or unchanged', () => {
    expect(replaceById(items, 'z', (item) => ({ ...item, n: 9 }))).toBe(items);
    expect(replaceById(items, 'a', (item) => item)).toBe(items);
  });
});

describe('patchRecord', () => {
  const record = deepFreeze<{ a: number; b: string; rating?: number }>({ a: 1, b: 'x', rating: 3 });

  it('applies changed values, skipping undefined', () => {
    expect(patchRecord(record, { a: 2, b: undefined })).toEqual({ a: 2, b: 'x', rating: 3 });
  });

  it('removes a clearable key patched with null, and sets null on a key that is not clearable', () => {
    expect(patchRecord(record, { rating: null }, ['rating'])).toEqual({ a: 1, b: 'x' });
    expect(patchRecord(record, { b: null })).toEqual({ a: 1, b: null, rating: 3 });
  });

  it('returns the same object when nothing changes', () => {
    expect(patchRecord(record, { a: 1 })).toBe(record);
    expect(patchRecord({ a: 1 }, { rating: null }, ['rating'])).toEqual({ a: 1 });
    const noRating = deepFreeze({ a: 1 });
    expect(patchRecord(noRating, { rating: null }, ['rating'])).toBe(noRating);
    expect(patchRecord(deepFreeze({ n: Number.NaN }), { n: Number.NaN })).toEqual({ n: Number.NaN });
  });
});
