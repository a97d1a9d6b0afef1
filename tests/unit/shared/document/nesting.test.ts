import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestingExceeds, pathTooDeep } from '@shared/document/nesting';

/** The reference: the deepest level of any object or list (the root is level 0), walking the parsed value. */
function deepestLevel(value: unknown, level = 0): number {
  if (typeof value !== 'object' || value === null) return -1;
  let deepest = level;
  for (const child of Object.values(value)) deepest = Math.max(deepest, deepestLevel(child, level + 1));
  return deepest;
}

describe('nestingExceeds', () => {
  it('counts levels below the root exactly at the limit', () => {
    const nested = (levels: number) => `${'['.repeat(levels + 1)}${']'.repeat(levels + 1)}`;
    expect(nestingExceeds(nested(100), 100)).toBe(false);
    expect(nestingExceeds(nested(101), 100)).toBe(true);
    expect(nestingExceeds('{"a":{"b":[1,{"c":2}]}}', 3)).toBe(false);
    expect(nestingExceeds('{"a":{"b":[1,{"c":{}}]}}', 3)).toBe(true);
  });

  it('does not count brackets inside strings, whatever the escapes around them', () => {
    const text = JSON.stringify({ a: '[[[[{{{{', b: 'quote \\" then [[[[', c: 'backslash at the end \\', d: '"[{"' });
    expect(nestingExceeds(text, 0)).toBe(false);
    expect(nestingExceeds(JSON.stringify(['\\\\"[[[']), 0)).toBe(false);
  });

  it('agrees with a walk of the parsed value on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 6 }), (value, limit) => {
        const text = JSON.stringify(value);
        expect(nestingExceeds(text, limit)).toBe(deepestLevel(JSON.parse(text)) > limit);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pathTooDeep', () => {
  it('says where the first value too deep is', () => {
    expect(pathTooDeep({ a: 1, b: { c: [[{}]] } }, 2)).toEqual(['b', 'c', 0]);
    expect(pathTooDeep({ a: { b: 1 } }, 2)).toBeNull();
  });
});
