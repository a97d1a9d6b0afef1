import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkspaceFile, type ReadWorkspaceResult } from '../../../../electron/services/workspace-files';
import { describeLoadError, describeOpenWarnings } from '../../../../shared/document/describe-load';
import { parseWorkspace, type ParseResult } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { countPrototypeKeys, createRandom, generateCase, kindOf, MUTATION_KINDS, smallWorkspace, VARIANTS, type FuzzCase, type MutationKind } from './fuzz-mutations';

/*
 * Seeded fuzz test of hostile workspace files (issue 11): thousands of mutated workspaces, each written to disk
 * and opened exactly as the app opens one (readWorkspaceFile: bytes -> encoding -> text; then parseWorkspace).
 * For every case: nothing throws; a refusal comes with a short human message that names the problem and has
 * no raw control character in it; an accepted file saves and reopens to the same document and the same bytes,
 * and what the app tells about it on opening (broken references, repeated keys) is there when it must be, short
 * and escaped too; no built-in prototype changes. The mutations are in fuzz-mutations.ts.
 *
 * Deterministic: case i of seed s is always the same file. A failure names the seed and index; rerun one case
 * with `STAKEMAP_FUZZ_CASE=<index> npx vitest run tests/unit/shared/document/fuzz-hostile-files.test.ts`.
 * `STAKEMAP_FUZZ_SEED=<n>` explores another seed locally; CI always runs the fixed one. No timing is asserted.
 */

const SEED = Number(process.env.STAKEMAP_FUZZ_SEED ?? 0x5eed_0b11);
/** Cases per mutation kind: 14 kinds x 400 = 5,600 files (issue 11 asks for at least 5,000). */
const CASES_PER_KIND = 400;
const TOTAL_CASES = CASES_PER_KIND * MUTATION_KINDS.length;
const ONLY = process.env.STAKEMAP_FUZZ_CASE === undefined ? null : Number(process.env.STAKEMAP_FUZZ_CASE);
/** Generous, and not a performance threshold: it only stops a run that hangs (the run takes well under a minute). */
const KIND_TIMEOUT_MS = 600_000;
const FILE_NAME = 'fuzz.stakemap';

/** Message limits of the existing hostile-file tests (hostile-files.test.ts): a short message, never a wall of text. */
const MAX_DETAIL_LINES = 21;
const MAX_LINE_LENGTH = 400;
/** C0 and C1 control characters and DEL: a message must show them escaped, never raw (issue 11). */
const RAW_CONTROL = /\p{Cc}/u;
/** Invisible characters that reorder what is shown (Trojan Source). Counted for the report, not asserted. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

const sampleText = readFileSync(fileURLToPath(new URL('../../../../shared/sample/organising-for-social.stakemap', import.meta.url)), 'utf8');

// ----- prototypes ---------------------------------------------------------------------------------------------

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
/** Every own key of every built-in prototype, with its descriptor's value, getter and setter. */
function prototypeSnapshot(): unknown[] {
  return PROTOTYPES.map((proto) =>
    Reflect.ownKeys(proto).map((key) => {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      // eslint-disable-next-line @typescript-eslint/unbound-method -- the accessors are compared by identity, never called
      return [key, d.value as unknown, d.get, d.set, d.writable, d.enumerable];
    }),
  );
}
const prototypesBefore = prototypeSnapshot();
const objectKeyCount = Reflect.ownKeys(Object.prototype).length;

/** The cheap check after each case, so a pollution is pinned on the case that did it. */
function prototypesLookUntouched(): boolean {
  const probe: Record<string, unknown> = {};
  return (
    Reflect.ownKeys(Object.prototype).length === objectKeyCount &&
    Object.getPrototypeOf(probe) === Object.prototype &&
    probe.polluted === undefined &&
    probe.isAdmin === undefined &&
    probe.deep === undefined
  );
}

/** Every object in an accepted document is a plain object or list: no key ever became a prototype. */
function foreignPrototypeIn(root: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '(top level)' }];
  while (stack.length > 0) {
    const { value, path: at } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
    if (Object.getPrototypeOf(value) !== expected) return at;
    for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: `${at}.${key}` });
  }
  return null;
}

// ----- one case -------------------------------------------------------------------------------------------------

interface Tally {
  cases: number;
  accepted: number;
  refusedByRead: number;
  refusedByParse: number;
  // Maps, not objects: variant names include "__proto__" and "constructor".
  errorKinds: Map<string, number>;
  variants: Map<string, number>;
  bidiInMessage: number;
}
const tallies = new Map<MutationKind, Tally>(
  MUTATION_KINDS.map((kind) => [kind, { cases: 0, accepted: 0, refusedByRead: 0, refusedByParse: 0, errorKinds: new Map(), variants: new Map(), bidiInMessage: 0 }]),
);

interface Failure {
  readonly index: number;
  readonly variant: string;
  readonly base: string;
  readonly detail: string;
  readonly problem: string;
}

const shorten = (text: string) => JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** The words the user reads for a refusal: the app's wording of each kind of result (file-commands.ts). */
function refusalWords(read: ReadWorkspaceResult, parsed: ParseResult | null): { lines: string[]; problems: string[] } {
  const problems: string[] = [];
  if (read.kind === 'failed') {
    if (typeof read.reason !== 'string' || read.reason.trim() === '') problems.push('main refused the file without a reason');
    return { lines: [String(read.reason)], problems };
  }
  if (read.kind === 'tooLarge') return { lines: [`${read.size} bytes, more than the ${read.limit} a workspace may have`], problems };
  if (!parsed || parsed.ok) return { lines: [], problems };
  const message = describeLoadError(FILE_NAME, parsed.error);
  if (!message.summary.includes(FILE_NAME)) problems.push(`the summary does not name the file: ${shorten(message.summary)}`);
  if (!Array.isArray(message.details) || message.details.length === 0) problems.push('the message has no details naming the problem');
  else if (message.details.some((d) => typeof d !== 'string' || d.trim() === '')) problems.push('the message has an empty detail line');
  if (message.details.length > MAX_DETAIL_LINES) problems.push(`the message has ${message.details.length} detail lines`);
  return { lines: [message.title, message.summary, ...message.details], problems };
}

/** Checks one case; returns what is wrong with what the app did (nothing: an empty list). */
async function runCase(c: FuzzCase, folder: string, tally: Tally): Promise<string[]> {
  const problems: string[] = [];
  const file = path.join(folder, `case-${c.index}.stakemap`);
  await writeFile(file, c.bytes);
  let read: ReadWorkspaceResult;
  try {
    read = await readWorkspaceFile(file);
  } finally {
    await rm(file, { force: true });
  }
  const parsed = read.kind === 'read' ? parseWorkspace(read.content) : null;

  if (parsed?.ok) {
    tally.accepted++;
    if (c.expect === 'refuse') problems.push('the file opened, but it must be refused');
    problems.push(...roundTripProblems(c, parsed));
  } else {
    if (read.kind === 'read') tally.refusedByParse++;
    else tally.refusedByRead++;
    const errorKind = read.kind === 'read' ? `parse:${parsed && !parsed.ok ? parsed.error.kind : '?'}` : `read:${read.kind}`;
    tally.errorKinds.set(errorKind, (tally.errorKinds.get(errorKind) ?? 0) + 1);
    if (c.expect === 'accept') problems.push(`the file was refused, but it must open (${errorKind})`);
    const words = refusalWords(read, parsed);
    problems.push(...words.problems);
    for (const line of words.lines) {
      if (RAW_CONTROL.test(line)) {
        const code = line.charCodeAt(line.search(RAW_CONTROL));
        problems.push(`the message shows U+${code.toString(16).toUpperCase().padStart(4, '0')} raw: ${shorten(line)}`);
      }
      if (line.length > MAX_LINE_LENGTH) problems.push(`a message line is ${line.length.toLocaleString('en-US')} characters long: ${shorten(line)}`);
    }
    if (words.lines.some((line) => BIDI_CONTROL.test(line))) tally.bidiInMessage++;
    if (c.names && !c.names.test(words.lines.join('\n'))) problems.push(`the message does not name the problem (${String(c.names)}): ${shorten(words.lines.join(' | '))}`);
  }
  if (!prototypesLookUntouched()) problems.push('a built-in prototype changed');
  return problems;
}

/** An accepted file saves, reopens to the very same document, and saves again to the very same text. */
function roundTripProblems(c: FuzzCase, parsed: Extract<ParseResult, { ok: true }>): string[] {
  const problems: string[] = [];
  const foreign = foreignPrototypeIn(parsed.document);
  if (foreign) problems.push(`${foreign} in the document does not have the plain prototype`);
  if (c.dangling && parsed.danglingReferences.length === 0) problems.push('a reference points nowhere, but no dangling reference was reported');
  problems.push(...openWarningProblems(c, parsed));
  const saved = serializeWorkspace(parsed.document);
  // What is saved is written as UTF-8: text that does not survive the encoding (a raw lone surrogate) would change.
  if (Buffer.from(saved, 'utf8').toString('utf8') !== saved) problems.push('the saved text is not well-formed Unicode, so writing it as UTF-8 changes it');
  if (c.prototypeKeys !== undefined && countPrototypeKeys(saved) !== c.prototypeKeys) {
    problems.push(`the file has ${c.prototypeKeys} "__proto__"/"constructor"/"prototype" keys, the saved text ${countPrototypeKeys(saved)}`);
  }
  const reopened = parseWorkspace(saved);
  if (!reopened.ok) {
    problems.push(`the saved text does not open again: ${shorten(JSON.stringify(reopened.error))}`);
    return problems;
  }
  // Strict: Object.is for numbers (-0 is not 0), own keys, prototypes.
  if (!isDeepStrictEqual(reopened.document, parsed.document)) problems.push(`the reopened document differs from the one opened: ${firstDifference(parsed.document, reopened.document)}`);
  if (serializeWorkspace(reopened.document) !== saved) problems.push('saving the reopened document gives different text');
  return problems;
}

/**
 * The message of a file that opens with something to tell (broken references, repeated keys), as the app shows
 * it: there when it must be, naming the repeated key, and as short and as escaped as a refusal's.
 */
function openWarningProblems(c: FuzzCase, parsed: Extract<ParseResult, { ok: true }>): string[] {
  const problems: string[] = [];
  const warning = describeOpenWarnings(FILE_NAME, parsed);
  if (!warning) {
    if (c.dangling) problems.push('the file opened with a broken reference, but no message says so');
    if (c.duplicateKey) problems.push(`the file opened with "${c.duplicateKey}" written twice in one object, but no message says so`);
    return problems;
  }
  if (!warning.summary.includes(FILE_NAME)) problems.push(`the open warning does not name the file: ${shorten(warning.summary)}`);
  if (c.duplicateKey && !warning.details.some((d) => d.includes(c.duplicateKey!))) problems.push(`the open warning does not name the repeated key "${c.duplicateKey}"`);
  // Two capped lists (broken references, repeated keys), each at most MAX_DETAIL_LINES.
  if (warning.details.length > 2 * MAX_DETAIL_LINES) problems.push(`the open warning has ${warning.details.length.toLocaleString('en-US')} detail lines`);
  for (const line of [warning.title, warning.summary, ...warning.details]) {
    if (RAW_CONTROL.test(line)) problems.push(`the open warning shows U+${line.charCodeAt(line.search(RAW_CONTROL)).toString(16).toUpperCase().padStart(4, '0')} raw: ${shorten(line)}`);
    if (line.length > MAX_LINE_LENGTH) problems.push(`an open warning line is ${line.length.toLocaleString('en-US')} characters long: ${shorten(line)}`);
  }
  return problems;
}

/** Where two JSON-like values first differ, for the failure report. */
function firstDifference(a: unknown, b: unknown, at = ''): string {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return `${at || '(top level)'}: ${String(a)} (${Object.is(a, -0) ? '-0' : typeof a}) vs ${String(b)} (${Object.is(b, -0) ? '-0' : typeof b})`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${at}.${key}`);
  }
  return `${at || '(top level)'}: same keys and values, different prototypes`;
}

// ----- the run --------------------------------------------------------------------------------------------------

const casesOf = (kind: MutationKind): number[] => {
  if (ONLY !== null) return kindOf(ONLY) === kind ? [ONLY] : [];
  const k = MUTATION_KINDS.indexOf(kind);
  return Array.from({ length: CASES_PER_KIND }, (_, i) => i * MUTATION_KINDS.length + k);
};

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'stakemap-fuzz-'));
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  const rows = [...tallies].map(([kind, t]) => `${kind.padEnd(20)} ${String(t.cases).padStart(4)} cases: ${String(t.accepted).padStart(4)} opened, ${String(t.refusedByRead).padStart(4)} refused by read, ${String(t.refusedByParse).padStart(4)} by parse ${JSON.stringify(Object.fromEntries(t.errorKinds))}${t.bidiInMessage ? `; ${t.bidiInMessage} messages show a bidi control` : ''}`);
  console.info(`[fuzz hostile files] seed ${SEED}\n${rows.join('\n')}`);
});

describe('the cases this fuzz test starts from', () => {
  it('are valid workspaces that open and round-trip: the sample and small generated ones', () => {
    const bases = [sampleText, ...Array.from({ length: 300 }, (_, i) => JSON.stringify(smallWorkspace(createRandom(SEED + i))))];
    for (const [i, text] of bases.entries()) {
      const result = parseWorkspace(text);
      expect(result.ok, `base ${i}: ${result.ok ? '' : JSON.stringify(result.error)}`).toBe(true);
      if (result.ok) expect(result.danglingReferences, `base ${i}`).toEqual([]);
    }
  });

  it('are the same bytes for the same seed and index, and differ between indexes', () => {
    const a = generateCase(SEED, 17, sampleText);
    expect(Buffer.from(generateCase(SEED, 17, sampleText).bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(Buffer.from(generateCase(SEED, 17 + MUTATION_KINDS.length, sampleText).bytes).equals(Buffer.from(a.bytes))).toBe(false);
  });
});

describe(`fuzz: ${TOTAL_CASES.toLocaleString('en-US')} hostile workspace files opened as the app opens them (seed ${SEED})`, () => {
  for (const kind of MUTATION_KINDS) {
    it(
      `${kind}: never throws; refusals name the problem without raw control characters; what opens round-trips`,
      async () => {
        const tally = tallies.get(kind)!;
        const failures: Failure[] = [];
        for (const index of casesOf(kind)) {
          let c: FuzzCase | null = null;
          try {
            c = generateCase(SEED, index, sampleText);
            tally.cases++;
            tally.variants.set(c.variant, (tally.variants.get(c.variant) ?? 0) + 1);
            for (const problem of await runCase(c, folder, tally)) failures.push({ index, variant: c.variant, base: c.base, detail: c.detail, problem });
          } catch (error) {
            const thrown = error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error);
            failures.push({ index, variant: c?.variant ?? '?', base: c?.base ?? '?', detail: c?.detail ?? '', problem: `threw ${thrown}` });
          }
        }
        // One line per distinct problem (the first case that shows it), so a run of 400 failures stays readable.
        const distinct = new Map<string, { first: Failure; count: number }>();
        for (const f of failures) {
          // The problem up to its first colon (what is wrong, not the message quoted after it), numbers aside.
          const key = `${f.variant}: ${f.problem.split(':')[0]!.replace(/U\+[0-9A-F]{4}/g, 'U+XXXX').replace(/\d+/g, 'N')}`;
          const seen = distinct.get(key);
          if (seen) seen.count++;
          else distinct.set(key, { first: f, count: 1 });
        }
        const report = [...distinct.values()].map(
          ({ first, count }) => `${count} x ${first.problem}\n    first: seed ${SEED} case ${first.index} (${kind} / ${first.variant}, ${first.base} base: ${first.detail.slice(0, 160)})\n    rerun: STAKEMAP_FUZZ_CASE=${first.index} npx vitest run tests/unit/shared/document/fuzz-hostile-files.test.ts`,
        );
        expect(failures.length, `${failures.length} problems in ${kind} cases:\n${report.join('\n')}`).toBe(0);
      },
      KIND_TIMEOUT_MS,
    );
  }

  it.skipIf(ONLY !== null)('exercised every mutation kind and every variant, and left every built-in prototype as it was', () => {
    expect(prototypeSnapshot()).toEqual(prototypesBefore);
    let total = 0;
    for (const [kind, tally] of tallies) {
      total += tally.cases;
      expect(tally.cases, kind).toBe(CASES_PER_KIND);
      expect(tally.accepted + tally.refusedByRead + tally.refusedByParse, kind).toBe(tally.cases);
      // Each form of each mutation was generated more than once (the rare, expensive ones at least 4 times).
      for (const variant of VARIANTS[kind]) expect(tally.variants.get(variant) ?? 0, `${kind} / ${variant}`).toBeGreaterThanOrEqual(4);
    }
    expect(total).toBeGreaterThanOrEqual(5_000);
    // The run as a whole reaches every outcome: files opened, refused by main's read, refused by the parser.
    expect(MUTATION_KINDS.reduce((n, kind) => n + tallies.get(kind)!.accepted, 0)).toBeGreaterThan(0);
    expect(MUTATION_KINDS.reduce((n, kind) => n + tallies.get(kind)!.refusedByRead, 0)).toBeGreaterThan(0);
    expect(MUTATION_KINDS.reduce((n, kind) => n + tallies.get(kind)!.refusedByParse, 0)).toBeGreaterThan(0);
  });
});
