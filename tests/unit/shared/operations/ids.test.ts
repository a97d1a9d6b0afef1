import { describe, expect, it } from 'vitest';
import { createId, ID_PREFIX } from '../../../../shared/operations/ids';
import { sequence } from './test-docs';

describe('createId', () => {
  it('makes an id from the prefix and 8 hex digits of the injected random value', () => {
    expect(createId('s', new Set(), () => 0)).toBe('s-00000000');
    expect(createId('s', new Set(), () => 0.5)).toBe('s-7fffffff');
    expect(createId('r', new Set(), () => 0.999999999999)).toBe('r-fffffffe');
  });

  it('skips ids that are taken', () => {
    const taken = new Set(['s-00000000', 's-7fffffff']);
    expect(createId('s', taken, sequence(0, 0.5, 0, 0.25))).toBe('s-3fffffff');
  });

  it('gives unique ids over many calls with the real random source', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 2000; i++) taken.add(createId(ID_PREFIX.stakeholder, taken));
    expect(taken.size).toBe(2000);
    for (const id of taken) expect(id).toMatch(/^s-[0-9a-f]{8}$/);
  });

  it('uses one distinct prefix per collection', () => {
    expect(new Set(Object.values(ID_PREFIX)).size).toBe(Object.keys(ID_PREFIX).length);
  });
});
