import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeLoadError, type LoadMessage } from '../../../../shared/document/describe-load';
import { MAX_COORDINATE, MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../../../../shared/document/format';
import { parseWorkspace, type LoadError, type ParseResult } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { detectUtf16Text, foreignByteOrderMark, foreignEncodingReason } from '../../../../shared/document/text-encoding';
import { minimalDocument, utf16Bytes } from '../../../fixtures/workspaces/build-fixtures';
import { fixturePath, loadErrorOf, readFixture } from '../test-helpers';

/*
 * Journey 8, "bad input never hurts": files written by a hostile or broken tool. Each must give a typed load
 * error with a short, clear message (never a crash, a hang or a wall of text). Small cases are fixtures
 * (tests/fixtures/workspaces); large ones are generated here.
 */

/** The app's decoding of a file's bytes (electron/services/workspace-files.ts): strict UTF-8, BOM kept for parse. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const workspace = (extra: Record<string, unknown>): string => JSON.stringify({ format: 'stakemap', version: 1, ...extra });
const stakeholder = (fields: Record<string, unknown> = {}) => ({ id: 's-1', name: 'Legal', kind: 'department', position: { x: 0, y: 0 }, ...fields });

function errorOf(result: ParseResult): LoadError {
  if (result.ok) throw new Error('expected a load error, but the text opened');
  return result.error;
}

function invalidProblems(text: string) {
  const error = errorOf(parseWorkspace(text));
  if (error.kind !== 'invalid') throw new Error(`expected an invalid error, got ${JSON.stringify(error)}`);
  return error;
}

/** Every line of a message is short enough to read: no megabytes of a hostile value ever reach the screen. */
function expectReadable(message: LoadMessage): void {
  expect(message.details.length).toBeLessThanOrEqual(21);
  for (const line of [message.title, message.summary, ...message.details]) {
    expect(line.trim()).not.toBe('');
    expect(line.length).toBeLessThan(400);
  }
}

describe('byte order marks and encodings', () => {
  it('opens UTF-8 with a byte order mark (as decoded by the app) and writes it back without one', () => {
    const bytes = new Uint8Array(readFileSync(fixturePath('with-bom.stakemap')));
    const text = strictUtf8.decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const result = parseWorkspace(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(serializeWorkspace(result.document).charCodeAt(0)).toBe('{'.charCodeAt(0));
  });

  it('refuses UTF-16 with a byte order mark before decoding: main names the encoding from the mark', () => {
    for (const [name, encoding] of [['utf16le.stakemap', 'UTF-16 LE'], ['utf16be.stakemap', 'UTF-16 BE']] as const) {
      const bytes = new Uint8Array(readFileSync(fixturePath(name)));
      // The app's strict UTF-8 decoder refuses the bytes outright, so the file never reaches the parser as text...
      expect(() => strictUtf8.decode(bytes)).toThrow(TypeError);
      // ...and the mark says which encoding it is, for main's message.
      expect(foreignByteOrderMark(bytes)).toBe(encoding);
      expect(foreignEncodingReason(encoding)).toMatch(new RegExp(`saved as ${encoding} text.*save it as UTF-8`));
    }
  });

  it('refuses UTF-16 without a byte order mark (valid UTF-8, full of U+0000) with a message to save it as UTF-8', () => {
    const text = strictUtf8.decode(new Uint8Array(readFileSync(fixturePath('utf16le-no-bom.stakemap'))));
    expect(text).toContain('\u0000');
    expect(errorOf(parseWorkspace(text))).toEqual({ kind: 'wrongEncoding', encoding: 'UTF-16 LE' });
    const message = describeLoadError('notepad.stakemap', errorOf(parseWorkspace(text)));
    expect(message.summary).toMatch(/saved as UTF-16 LE text/);
    expect(message.details.join(' ')).toMatch(/save it again as UTF-8/);
    expectReadable(message);
  });

  it('recognises UTF-16 of either byte order, behind any remnant of a byte order mark', () => {
    const json = serializeWorkspace(minimalDocument());
    const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 2000));
    expect(detectUtf16Text(latin1(utf16Bytes(json, 'le', false)))).toBe('UTF-16 LE');
    expect(detectUtf16Text(latin1(utf16Bytes(json, 'be', false)))).toBe('UTF-16 BE');
    expect(detectUtf16Text(`\uFEFF${latin1(utf16Bytes(json, 'le', false))}`)).toBe('UTF-16 LE');
    expect(detectUtf16Text(`\uFFFE${latin1(utf16Bytes(json, 'be', false))}`)).toBe('UTF-16 BE');
    // Lenient UTF-8 decoding turns the two bytes of the mark into two replacement characters.
    expect(detectUtf16Text(new TextDecoder().decode(utf16Bytes(json, 'le')))).toBe('UTF-16 LE');
    expect(detectUtf16Text(new TextDecoder().decode(utf16Bytes(json, 'be')))).toBe('UTF-16 BE');
  });

  it('does not mistake other text for UTF-16', () => {
    expect(detectUtf16Text('')).toBeNull();
    expect(detectUtf16Text('{')).toBeNull();
    expect(detectUtf16Text(serializeWorkspace(minimalDocument()))).toBeNull();
    expect(detectUtf16Text('{"format":"stakemap"\u0000,"version":1}')).toBeNull();
    expect(detectUtf16Text('\u0000'.repeat(100))).toBeNull();
  });

  it('names UTF-32 and UTF-16 marks in bytes, and nothing for UTF-8 or no mark', () => {
    expect(foreignByteOrderMark(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))).toBe('UTF-16 LE');
    expect(foreignByteOrderMark(new Uint8Array([0xfe, 0xff, 0x00, 0x7b]))).toBe('UTF-16 BE');
    expect(foreignByteOrderMark(new Uint8Array([0xff, 0xfe, 0x00, 0x00]))).toBe('UTF-32 LE');
    expect(foreignByteOrderMark(new Uint8Array([0x00, 0x00, 0xfe, 0xff]))).toBe('UTF-32 BE');
    expect(foreignByteOrderMark(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b]))).toBeNull();
    expect(foreignByteOrderMark(new Uint8Array([0x7b]))).toBeNull();
    expect(foreignByteOrderMark(new Uint8Array([]))).toBeNull();
  });

  it('says a text with NUL characters that is not UTF-16 is binary or damaged', () => {
    const error = errorOf(parseWorkspace('{"format":"stakemap",\u0000"version":1}'));
    expect(error).toEqual({ kind: 'notJson', detail: 'The file contains NUL characters, which a text file never does: it is a binary file, or it is damaged.' });
  });
});

describe('"__proto__", "constructor" and "prototype" keys', () => {
  const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
  const snapshot = () => prototypes.map((proto) => Reflect.ownKeys(proto).map(String).sort());

  const hostile = JSON.stringify({
    format: 'stakemap',
    version: 1,
    title: 'Pollution attempt',
    constructor: { prototype: { polluted: 'constructor.prototype' } },
    prototype: { polluted: 'prototype' },
    stakeholders: [
      { ...stakeholder(), constructor: { prototype: { isAdmin: true } }, prototype: { isAdmin: true }, extra: { constructor: { prototype: { polluted: 1 } } } },
    ],
    painPoints: [{ id: 'p-1', title: 'T', attachedTo: [{ type: 'stakeholder', id: 's-1', prototype: { polluted: 2 } }] }],
  })
    // JSON.stringify cannot write an own "__proto__" key from an object literal; put them in as text.
    .replace('"title":"Pollution attempt"', '"title":"Pollution attempt","__proto__":{"polluted":"top","__proto__":{"polluted":"deeper"}}')
    .replace('"name":"Legal"', '"name":"Legal","__proto__":{"isAdmin":true}');

  it('leaves every built-in prototype exactly as it was', () => {
    const before = snapshot();
    const result = parseWorkspace(hostile);
    expect(result.ok).toBe(true);
    if (result.ok) serializeWorkspace(result.document);
    expect(snapshot()).toEqual(before);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  });

  it('keeps the keys as plain data in the document, whose objects keep Object.prototype', () => {
    const result = parseWorkspace(hostile);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const doc = result.document as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(doc, '__proto__')?.value).toEqual({ polluted: 'top', ['__proto__']: { polluted: 'deeper' } });
    expect(doc.prototype).toEqual({ polluted: 'prototype' });
    const s = result.document.stakeholders[0] as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect(s.isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(s, '__proto__')?.value).toEqual({ isAdmin: true });
    const written = serializeWorkspace(result.document);
    expect(written).toContain('"__proto__"');
    expect(parseWorkspace(written).ok).toBe(true);
  });
});

describe('deep nesting', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['100,000 nested lists', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['100,000 nested objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ])('refuses %s in a workspace, saying where, in one line', (_, nested) => {
    const text = `{"format":"stakemap","version":1,"x-deep":${nested}}`;
    const error = invalidProblems(text);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.message).toMatch(/nested more than 100 levels deep/);
    expect(error.problems[0]!.path.length).toBeLessThan(40);
    expectReadable(describeLoadError('deep.stakemap', error));
  });

  it('refuses 100,000 nested lists that are not a workspace as not a Stakemap file', () => {
    expect(errorOf(parseWorkspace(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).kind).toBe('notStakemap');
  });

  it('says the file is nested too deeply when the JSON parser runs out of stack', () => {
    vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const error = errorOf(parseWorkspace('[[[[]]]]'));
    expect(error.kind).toBe('notJson');
    if (error.kind === 'notJson') expect(error.detail).toMatch(/^The file is nested too deeply or is too large to be read as JSON\./);
  });
});

describe('enormous text', () => {
  const FIFTY_MB = 50 * 1024 * 1024;

  it('refuses a 50 MB stakeholder name with its length, without echoing it', () => {
    const error = invalidProblems(workspace({ stakeholders: [stakeholder({ name: 'x'.repeat(FIFTY_MB) })] }));
    expect(error.problems).toEqual([{ path: 'stakeholders[0].name', message: 'is 52,428,800 characters long; at most 10,000 are allowed' }]);
    expectReadable(describeLoadError('huge.stakemap', error));
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['workspace title', { title: 'T'.repeat(MAX_SHORT_TEXT + 1) }, 'title'],
    ['relationship label', { relationships: [{ id: 'r', source: 's', target: 's', label: 'L'.repeat(MAX_SHORT_TEXT + 1) }] }, 'relationships[0].label'],
    ['pain point title', { painPoints: [{ id: 'p', title: 'P'.repeat(MAX_SHORT_TEXT + 1) }] }, 'painPoints[0].title'],
    ['solution title', { solutions: [{ id: 'x', title: 'S'.repeat(MAX_SHORT_TEXT + 1) }] }, 'solutions[0].title'],
    ['category name', { categories: [{ id: 'c', name: 'C'.repeat(MAX_SHORT_TEXT + 1), color: '#000' }] }, 'categories[0].name'],
    ['id', { stakeholders: [stakeholder({ id: 'i'.repeat(MAX_SHORT_TEXT + 1) })] }, 'stakeholders[0].id'],
    ['quote', { painPoints: [{ id: 'p', title: 'P', quotes: ['q'.repeat(MAX_LONG_TEXT + 1)] }] }, 'painPoints[0].quotes[0].text'],
    ['note', { stakeholders: [stakeholder({ notes: 'n'.repeat(MAX_LONG_TEXT + 1) })] }, 'stakeholders[0].notes'],
  ])('refuses a %s over the limit, naming its path', (_, fields, path) => {
    const error = invalidProblems(workspace(fields));
    expect(error.problems.map((p) => p.path)).toEqual([path]);
    expect(error.problems[0]!.message).toMatch(/characters long; at most [\d,]+ are allowed$/);
  });

  it('accepts text exactly at the limits', () => {
    const result = parseWorkspace(
      workspace({
        title: 'T'.repeat(MAX_SHORT_TEXT),
        stakeholders: [stakeholder({ name: 'N'.repeat(MAX_SHORT_TEXT), notes: 'n'.repeat(MAX_LONG_TEXT) })],
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('keeps a 50 MB value of a property this version does not know (it is never drawn)', () => {
    const result = parseWorkspace(workspace({ 'x-attachment': 'a'.repeat(FIFTY_MB) }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(((result.document as Record<string, unknown>)['x-attachment'] as string).length).toBe(FIFTY_MB);
  });
});

describe('thousands of duplicate ids', () => {
  it('lists the first 20 and counts the rest, in a message of at most 21 lines', () => {
    const stakeholders = Array.from({ length: 5000 }, (_, i) => stakeholder({ name: `S${i}` }));
    const error = invalidProblems(workspace({ stakeholders }));
    expect(error.totalProblems).toBe(4999);
    expect(error.problems).toHaveLength(20);
    expect(error.problems[0]).toEqual({ path: 'stakeholders[1].id', message: 'the id "s-1" is already used by stakeholders[0]' });
    const message = describeLoadError('copies.stakemap', error);
    expect(message.summary).toContain('4,999 fields are not valid');
    expect(message.details.at(-1)).toBe('…and 4,979 more.');
    expectReadable(message);
  });

  it('also keeps 5,000 invalid fields to a short message', () => {
    const stakeholders = Array.from({ length: 5000 }, (_, i) => stakeholder({ id: `s-${i}`, kind: 'dept' }));
    const message = describeLoadError('bad.stakemap', invalidProblems(workspace({ stakeholders })));
    expect(message.summary).toContain('more than 1,000 fields are not valid');
    expectReadable(message);
  });
});

describe('numbers that are not finite, not whole or out of range', () => {
  it('reports 1e999, -1e999 and "NaN" with their paths (non-finite-numbers.stakemap)', () => {
    const error = loadErrorOf('non-finite-numbers.stakemap');
    expect(error).toEqual({
      kind: 'invalid',
      totalProblems: 3,
      problems: [
        { path: 'stakeholders[0].position.x', message: 'expected a finite number, found Infinity (a number too large to use, such as 1e999)' },
        { path: 'stakeholders[0].position.y', message: 'expected a finite number, found -Infinity (a number too large to use, such as 1e999)' },
        { path: 'viewport.zoom', message: 'expected a number, found "NaN"' },
      ],
    });
    expect(readFixture('non-finite-numbers.stakemap')).toContain('1e999');
  });

  it('reports negative and fractional votes (bad-votes.stakemap)', () => {
    expect(loadErrorOf('bad-votes.stakemap')).toEqual({
      kind: 'invalid',
      totalProblems: 2,
      problems: [
        { path: 'painPoints[0].tally', message: 'must be at least 0, found -3' },
        { path: 'painPoints[1].tally', message: 'expected a whole number, found 2.5' },
      ],
    });
  });

  it('reports a name one character over the limit (long-name.stakemap)', () => {
    expect(loadErrorOf('long-name.stakemap')).toEqual({
      kind: 'invalid',
      totalProblems: 1,
      problems: [{ path: 'stakeholders[0].name', message: 'is 10,001 characters long; at most 10,000 are allowed' }],
    });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a position beyond the map limit', { stakeholders: [stakeholder({ position: { x: MAX_COORDINATE * 10, y: 0 } })] }, 'stakeholders[0].position.x', /^must be at most 1000000000, found 10000000000$/],
    ['a viewport of -1e999', { viewport: { x: -Infinity, y: 0, zoom: 1 } }, 'viewport.x', /finite number, found -Infinity/],
    ['an infinite zoom', { viewport: { x: 0, y: 0, zoom: Infinity } }, 'viewport.zoom', /finite number, found Infinity/],
    ['votes beyond a safe integer', { painPoints: [{ id: 'p', title: 'T', votes: 1e20 }] }, 'painPoints[0].tally', /^must be at most/],
    ['a rating of 1e999', { solutions: [{ id: 'x', title: 'T', impact: Infinity }] }, 'solutions[0].impact', /finite number, found Infinity/],
  ])('reports %s with its path', (_, fields, path, message) => {
    const error = invalidProblems(fixNonFinite(workspace(fields), fields));
    expect(error.problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});

/** JSON.stringify writes Infinity as null; put the 1e999 literal back so the parser sees what a hostile file holds. */
function fixNonFinite(text: string, fields: Record<string, unknown>): string {
  const infinities: string[] = [];
  JSON.stringify(fields, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) infinities.push(value > 0 ? '1e999' : '-1e999');
    return value;
  });
  let index = 0;
  return infinities.length === 0 ? text : text.replace(/null/g, () => infinities[index++] ?? 'null');
}
