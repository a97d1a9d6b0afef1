import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys, findJsonSyntaxError, lineAndColumn } from '../../../../shared/document/json-syntax';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** A JSON text with one character removed, replaced or inserted at a random place. */
const mutatedJson = fc
  .tuple(fc.json(), fc.nat(), fc.constantFrom('delete', 'replace', 'insert'), fc.constantFrom(...'{}[]",:0-.eE \\tn\u0001x'.split('')))
  .map(([text, at, how, char]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (how === 'replace') return text.slice(0, i) + char + text.slice(i + 1);
    return text.slice(0, i) + char + text.slice(i);
  });

describe('findJsonSyntaxError', () => {
  it('accepts every text JSON.stringify writes, compact and indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, indent ? 2 : undefined))).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('finds an error exactly when JSON.parse refuses, at a position inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedJson, fc.string({ maxLength: 40 })), (text) => {
        const error = findJsonSyntaxError(text);
        expect(error === null).toBe(parses(text));
        if (error) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(text.length);
          expect(error.endedEarly).toBe(error.offset === text.length);
          expect(lineAndColumn(text, error.offset)).toEqual({ line: error.line, column: error.column });
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the error after the point where a valid text was cut, and calls it an early end', () => {
    const text = JSON.stringify({ format: 'stakemap', list: [1, 'two', { three: null }], ok: true }, null, 2);
    for (let cut = 1; cut < text.length; cut++) {
      const error = findJsonSyntaxError(text.slice(0, cut));
      expect(error?.endedEarly, `cut at ${cut}`).toBe(true);
    }
  });

  it('survives nesting far deeper than any call stack', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(999_999)}`;
    expect(findJsonSyntaxError(deep)).toMatchObject({ endedEarly: true, offset: deep.length });
  });

  it('counts lines by LF, so CRLF files get the same line numbers', () => {
    expect(findJsonSyntaxError('{\r\n  "a": 1,\r\n  "b" 2\r\n}')).toMatchObject({ line: 3, column: 7 });
  });
});

describe('findDuplicateKeys', () => {
  it('finds none in what JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(findDuplicateKeys(JSON.stringify(value, null, 1))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a key written again in any object, with that object\'s path', () => {
    const text = '{"a":[{"k":1},{"k":2,"m":{"z":0,"z":1,"z":2}}],"b":{"c":1},"a":3}';
    expect(findDuplicateKeys(text)).toEqual([
      { path: ['a', 1, 'm'], key: 'z', occurrences: 3 },
      { path: [], key: 'a', occurrences: 2 },
    ]);
  });

  it('skips a byte order mark', () => {
    expect(findDuplicateKeys('\ufeff{"a":1,"a":2}')).toEqual([{ path: [], key: 'a', occurrences: 2 }]);
  });
});
