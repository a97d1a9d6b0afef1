import { describe, expect, it } from 'vitest';
import {
  describeDanglingReferences,
  describeDuplicateKeys,
  describeLoadError,
  describeOpenWarnings,
  MAX_LISTED_WARNINGS,
} from '../../../../shared/document/describe-load';
import { MAX_COUNTED_PROBLEMS, MAX_LISTED_PROBLEMS, parseWorkspace, type LoadError, type ParseResult } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { readFixture } from '../test-helpers';

/*
 * Regression tests for the hostile-input audit of issue 11: each reproduction as the audit reported it, and what
 * the user is told now. No timing thresholds: that the work is bounded shows in the answers (counting stops, no
 * stack overflow); the timing comparison with valid files is in `npm run bench:hostile`.
 */

const head = '{"format":"stakemap","version":1,';

function refused(result: ParseResult): LoadError {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

function invalid(result: ParseResult): Extract<LoadError, { kind: 'invalid' }> {
  const error = refused(result);
  if (error.kind !== 'invalid') throw new Error(`expected "invalid", got ${JSON.stringify(error)}`);
  return error;
}

/** `count` copies of `item` joined as a JSON list, built as text (the shape a hostile file has). */
const listOf = (item: string, count: number) => `[${new Array<string>(count).fill(item).join(',')}]`;

const RAW_CONTROL = /[\p{Cc}\u202e]/u;

describe('defect 1: a small file no longer makes parsing throw', () => {
  it.each([
    ['130,000 numeric quotes', `${head}"painPoints":[{"id":"p","title":"T","quotes":${listOf('1', 130_000)}}]}`, 'painPoints[0].quotes[0]'],
    ['125,000 numbers in addresses', `${head}"solutions":[{"id":"x","title":"T","addresses":${listOf('1', 125_000)}}]}`, 'solutions[0].addresses[0]'],
    ['125,000 numbers in attachedTo', `${head}"painPoints":[{"id":"p","title":"T","attachedTo":${listOf('1', 125_000)}}]}`, 'painPoints[0].attachedTo[0]'],
  ])('%s: a typed result that names the first bad entries', (_, text, firstPath) => {
    const error = invalid(parseWorkspace(text));
    expect(error.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(error.problems[0]?.path).toBe(firstPath);
    expect(error.totalProblems).toBe(MAX_COUNTED_PROBLEMS);
    expect(error.totalIsLowerBound).toBe(true);
    const message = describeLoadError('hostile.stakemap', error);
    expect(message.summary).toBe('“hostile.stakemap” is a Stakemap workspace, but more than 1,000 fields are not valid.');
    expect(message.details).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(message.details.at(-1)).toBe('…and more than 980 more.');
  });
});

describe('defect 2: refusing is bounded by the file, not by the number of problems', () => {
  it('1,000,000 empty stakeholders: counting stops at the limit, 20 listed', () => {
    const error = invalid(parseWorkspace(`${head}"stakeholders":${listOf('{}', 1_000_000)}}`));
    expect(error.problems.map((p) => p.path).slice(0, 4)).toEqual(['stakeholders[0].id', 'stakeholders[0].name', 'stakeholders[0].kind', 'stakeholders[0].position']);
    expect(error.problems[0]?.message).toBe('is missing (expected text)');
    expect(error.totalProblems).toBe(MAX_COUNTED_PROBLEMS);
    expect(error.totalIsLowerBound).toBe(true);
  });

  it('1,000,000 numbers in relationships', () => {
    const error = invalid(parseWorkspace(`${head}"relationships":${listOf('7', 1_000_000)}}`));
    expect(error.problems[0]).toEqual({ path: 'relationships[0]', message: 'expected an object, found 7' });
    expect(error.totalIsLowerBound).toBe(true);
  });

  it('50,000 empty stakeholders', () => {
    const error = invalid(parseWorkspace(`${head}"stakeholders":${listOf('{}', 50_000)}}`));
    expect(error.totalProblems).toBe(MAX_COUNTED_PROBLEMS);
  });

  it('counts exactly below the limit, and says so', () => {
    const error = invalid(parseWorkspace(`${head}"stakeholders":${listOf('{"id":"s","name":"A","kind":"dept","position":{"x":0,"y":0}}', 30)}}`));
    expect(error.totalProblems).toBe(30);
    expect(error.totalIsLowerBound).toBeUndefined();
    expect(describeLoadError('a.stakemap', error).summary).toContain('30 fields are not valid');
  });
});

describe('JSON syntax errors name the line and the column', () => {
  it.each([
    ['{\n  "format": "stakemap",\n  "version": 1,\n  "title": }', 4, 12, 'expected a value, found "}"'],
    ['{\n  "format": "stakemap"\n  "version": 1\n}', 3, 3, 'expected "," or "}" after a property value, found "\\""'],
    ['[1, 2,, 3]', 1, 7, 'expected a value, found ","'],
    ['{"a" 1}', 1, 6, 'expected ":" after a property name, found "1"'],
    ['{"a": "x\u0001"}', 1, 9, 'a control character ("\\u0001") in a text value (string) must be written as an escape'],
    ['{"a": "\\q"}', 1, 8, 'a backslash before "q" is not a valid escape in a text value (string)'],
    ['{"a": 01}', 1, 8, 'expected "," or "}" after a property value, found "1"'],
    ['{"a": tru}', 1, 7, 'expected a value, found "t"'],
  ])('%j -> line %i, column %i', (text, line, column, problem) => {
    const error = refused(parseWorkspace(text));
    expect(error).toEqual({ kind: 'notJson', detail: `The text is not valid JSON: at line ${line}, column ${column}, ${problem}.` });
  });

  it('a file cut short says where it ends', () => {
    const error = refused(parseWorkspace('{\n  "format": "stakemap",\n  "title": "Work'));
    expect(error).toEqual({
      kind: 'notJson',
      detail: 'The JSON text ends too early (at line 3, column 17: a text value (string) is not closed): the file looks truncated, cut short while it was being copied or saved.',
    });
  });
});

describe('messages that echo file content escape control characters', () => {
  it.each([
    ['an id', `${head}"stakeholders":[{"id":"a\u007fb","name":"A","kind":"team","position":{"x":0,"y":0}},{"id":"a\u007fb","name":"B","kind":"team","position":{"x":0,"y":0}}]}`],
    ['a kind', `${head}"stakeholders":[{"id":"s","name":"A","kind":"te\u202eam","position":{"x":0,"y":0}}]}`],
    ['a format', '{"format":"stake\u0085map","version":1}'],
    ['a key in a path', `${head}"x-\u007f":${'['.repeat(120)}${']'.repeat(120)}}`],
  ])('%s', (_, text) => {
    const error = refused(parseWorkspace(text));
    const message = describeLoadError('file\u0007name.stakemap', error);
    for (const line of [message.title, message.summary, ...message.details]) expect(line).not.toMatch(RAW_CONTROL);
    expect([message.summary, ...message.details].join('\n')).toMatch(/\\u(007f|202e|0085)/);
  });

  it('in broken references too', () => {
    const text = `${head}"relationships":[{"id":"r\u007f","source":"s\u202e","target":"t"}]}`;
    const result = parseWorkspace(text);
    if (!result.ok) throw new Error('expected the file to open');
    const message = describeDanglingReferences('a.stakemap', result.danglingReferences);
    for (const line of message.details) expect(line).not.toMatch(RAW_CONTROL);
    expect(message.details[0]).toContain('\\u007f');
  });
});

describe('foreign encodings decoded as UTF-8', () => {
  const encode32 = (text: string, littleEndian: boolean) => {
    const bytes = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) {
      if (littleEndian) bytes.writeUInt32LE(text.charCodeAt(i), i * 4);
      else bytes.writeUInt32BE(text.charCodeAt(i), i * 4);
    }
    return bytes.toString('utf8');
  };
  it.each([
    ['UTF-32 LE', true],
    ['UTF-32 BE', false],
  ] as const)('names %s, not "binary"', (encoding, littleEndian) => {
    expect(refused(parseWorkspace(encode32(readFixture('valid-full.stakemap'), littleEndian)))).toEqual({ kind: 'wrongEncoding', encoding });
  });
});

describe('broken references are capped in the message', () => {
  it('lists the first 20, then "and N more"', () => {
    const relationships = Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, source: `nowhere-${i}`, target: `nowhere-${i}` }));
    const result = parseWorkspace(`${head}"relationships":${JSON.stringify(relationships)}}`);
    if (!result.ok) throw new Error('expected the file to open');
    expect(result.danglingReferences).toHaveLength(10_000);
    const message = describeDanglingReferences('a.stakemap', result.danglingReferences);
    expect(message.summary).toContain('10,000 references point');
    expect(message.details).toHaveLength(MAX_LISTED_WARNINGS + 1);
    expect(message.details.at(-1)).toBe('…and 9,980 more.');
  });
});

describe('duplicate keys', () => {
  const text = `${head}"title":"First","stakeholders":[{"id":"s","name":"Brand","kind":"department","name":"Legal","position":{"x":1,"y":2,"x":3}}],"title":"Second"}`;

  it('open, with the last value kept, and are reported with their path', () => {
    const result = parseWorkspace(text);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.document.title).toBe('Second');
    expect(result.document.stakeholders[0]?.name).toBe('Legal');
    expect(result.duplicateKeys).toEqual([
      { path: 'stakeholders[0]', key: 'name', occurrences: 2, kept: '"Legal"' },
      { path: 'stakeholders[0].position', key: 'x', occurrences: 2, kept: '3' },
      { path: '(top level)', key: 'title', occurrences: 2, kept: '"Second"' },
    ]);
    const message = describeDuplicateKeys('dup.stakemap', result.duplicateKeys);
    expect(message.summary).toContain('3 keys are written more than once');
    expect(message.details[0]).toBe('stakeholders[0]: the key “name” is written 2 times; the last value, "Legal", was kept.');
    expect(describeOpenWarnings('dup.stakemap', result)).toEqual(message);
  });

  it('compare keys as JSON reads them ("\\u0061" is "a"), and a key inside a string is no key', () => {
    const result = parseWorkspace(`${head}"x-tool":{"a":1,"\\u0061":2,"note":"\\"a\\": 3, {\\"b\\":1,\\"b\\":2}"}}`);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.duplicateKeys).toEqual([{ path: 'x-tool', key: 'a', occurrences: 2, kept: '2' }]);
  });

  it('a file without repeated keys reports none', () => {
    const result = parseWorkspace(readFixture('valid-full.stakemap'));
    expect(result.ok && result.duplicateKeys).toEqual([]);
    expect(result.ok && describeOpenWarnings('a', result)).toBeNull();
  });
});

describe('unknown properties keep their value on a round trip', () => {
  it('refuses 1e999 in a property this version does not know, naming where', () => {
    const error = invalid(parseWorkspace(`${head}"x-tool":{"weights":[1,2,1e999]}}`));
    expect(error.problems).toEqual([
      { path: 'x-tool.weights[2]', message: 'expected a finite number, found Infinity (a number too large to use, such as 1e999), which could not be saved again' },
    ]);
  });

  it('keeps -0 as -0 in properties this version does not know', () => {
    const result = parseWorkspace(`${head}"x-tool":{"offset":-0,"list":[-0,0]},"stakeholders":[{"id":"s","name":"A","kind":"team","position":{"x":-0,"y":0}}]}`);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const saved = serializeWorkspace(result.document);
    expect(saved).toContain('"offset": -0');
    expect(saved).toMatch(/"list": \[\s+-0,\s+0\s+\]/);
    // A known field is written as 0: -0 there comes from rounding a drag, not from another tool's data.
    expect(saved).toMatch(/"x": 0,/);
    const again = parseWorkspace(saved);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(Object.is((again.document as { 'x-tool'?: { offset?: unknown } })['x-tool']?.offset, -0)).toBe(true);
    expect(serializeWorkspace(again.document)).toBe(saved);
  });

  it('a string that looks like the serializer\'s marker stays a string', () => {
    const result = parseWorkspace(`${head}"x-tool":{"a":-0,"b":"stakemap-negative-zero-"}}`);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(serializeWorkspace(result.document)).toContain('"b": "stakemap-negative-zero-"');
  });
});

describe('large texts whose shape no workspace has are refused before JSON.parse builds them', () => {
  it('3 million empty objects in 9 MB (the audit found 35 million in 100 MB took JSON.parse minutes)', () => {
    const error = invalid(parseWorkspace(`${head}"stakeholders":${listOf('{}', 3_000_000)}}`));
    expect(error.problems).toEqual([{ path: '(top level)', message: expect.stringMatching(/^holds 3,000,00\d objects and lists in 8\.6 MB of text, far more than any workspace/) }]);
  });

  it('9 MB of nested lists: refused with where the nesting goes too deep', () => {
    const error = invalid(parseWorkspace(`${head}"x":${'['.repeat(4_600_000)}${']'.repeat(4_600_000)}}`));
    expect(error.problems).toEqual([
      { path: '(top level)', message: 'holds values nested more than 100 levels deep (from line 1, column 138), which could not be saved again' },
    ]);
  });

  it('a valid workspace of the same size still opens', () => {
    const stakeholders = Array.from({ length: 60_000 }, (_, i) => ({ id: `s-${i}`, name: `Stakeholder ${i}`, kind: 'department', position: { x: i, y: i } }));
    const text = `${head}"stakeholders":${JSON.stringify(stakeholders, null, 2)}}`;
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    expect(parseWorkspace(text).ok).toBe(true);
  });
});
