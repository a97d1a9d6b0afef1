import type { core } from 'zod';
import { CURRENT_VERSION, FORMAT_ID } from './format';
import { migrateToCurrent, MIGRATIONS, type MigrationStep } from './migrate';
import { fastValidate } from './fast-validate';
import { findProblems } from './find-problems';
import { nonFinitePaths, scanTextFacts, walkValueFacts } from './json-facts';
import { findDuplicateKeys, findJsonSyntaxError, lineAndColumn } from './json-syntax';
import { escapeControlCharacters, quoteForMessage } from './message-text';
import { pathTooDeep } from './nesting';
import { findDanglingReferences, type DanglingReference } from './references';
import { workspaceSchema, type WorkspaceDocument } from './schema';
import { detectForeignText, type ForeignEncoding } from './text-encoding';

/** One problem with a field of the file: where it is (`stakeholders[2].kind`) and what was expected. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** Why a file could not be opened. The UI words each kind in one exhaustive switch (see describe-load.ts). */
export type LoadError =
  | { readonly kind: 'notJson'; readonly detail: string }
  /** The text is UTF-16 or UTF-32 read as UTF-8 (U+0000 between the letters): the file must be saved again as UTF-8. */
  | { readonly kind: 'wrongEncoding'; readonly encoding: ForeignEncoding }
  | { readonly kind: 'notStakemap'; readonly detail: string }
  | { readonly kind: 'versionTooNew'; readonly fileVersion: number; readonly supportedVersion: number }
  /**
   * `problems`: the first few; `totalProblems`: how many were counted. Counting stops at a limit so that a hostile
   * file cannot make refusing it expensive; `totalIsLowerBound` then says there are at least that many.
   */
  | {
      readonly kind: 'invalid';
      readonly problems: readonly FieldProblem[];
      readonly totalProblems: number;
      readonly totalIsLowerBound?: true;
    }
  /** Checking the file failed in a way no rule foresaw (a bug, or memory ran out). The file is not opened. */
  | { readonly kind: 'unexpected'; readonly detail: string };

/**
 * A key written more than once in one object of the file. JSON keeps the last value; the file opens with it, and
 * the user is told (the other values are not in the document, so a save drops them).
 */
export interface DuplicateKeyNote {
  /** Where the object is, as people read JSON: `stakeholders[2]`. */
  readonly path: string;
  readonly key: string;
  readonly occurrences: number;
  /** The value kept, described for a message: `"Legal"`, `3`, `an object`. */
  readonly kept: string;
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly document: WorkspaceDocument;
      /** References that point nowhere. The file opens anyway; the user is told about each one. */
      readonly danglingReferences: readonly DanglingReference[];
      /** The version the file was written in, when it was older than CURRENT_VERSION and migrated in memory. */
      readonly migratedFrom: number | null;
      /** Keys written twice in one object; the last value of each was kept. Usually empty. */
      readonly duplicateKeys: readonly DuplicateKeyNote[];
      /**
       * Whether the file says where its view was (`viewport`). Our own files always do; one written by hand or by
       * another tool may not, and is then fitted to the window on open rather than shown at the default view.
       */
      readonly savedViewport: boolean;
    }
  | { readonly ok: false; readonly error: LoadError };

/** At most this many field problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * Counting problems stops here: a message can say "more than 1,000", and a file of a million bad items costs
 * about what reading it costs (each problem counted past the listed ones still asks zod about one value).
 */
export const MAX_COUNTED_PROBLEMS = 1_000;

/** Deepest nesting of objects and lists accepted (see nesting.ts). A workspace needs 7 levels (a pain point's attachment in a snapshot's state); unknown properties may add some. */
const MAX_NESTING = 100;

/**
 * Above this length, the text is judged before JSON.parse builds it: a file of 35 million `{}` (100 MB) takes
 * JSON.parse minutes and gigabytes, and no thread can interrupt it.
 */
const LARGE_TEXT_CHARS = 8 * 1024 * 1024;

/**
 * A workspace writes at least this many characters per object or list (a compact position `{"x":0,"y":0}` is 13,
 * the stakeholder around it 60 more); hostile text of empty objects writes 3.
 */
const MIN_CHARS_PER_CONTAINER = 16;

const fail = (error: LoadError): ParseResult => ({ ok: false, error });

/**
 * Parses the text of a workspace file: JSON, envelope, version, migration, schema, unique ids, references.
 * Never throws for any input; every failure is a typed LoadError.
 */
export function parseWorkspace(text: string, migrations: readonly MigrationStep[] = MIGRATIONS): ParseResult {
  try {
    return parseWorkspaceText(text, migrations);
  } catch (error) {
    // Every rule above answers with a typed result; this is the net under them, so no input can crash a caller.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail({ kind: 'unexpected', detail: escapeControlCharacters(reason.slice(0, 300)) });
  }
}

function parseWorkspaceText(text: string, migrations: readonly MigrationStep[]): ParseResult {
  // A UTF-8 byte order mark is legal in a text file but not in JSON.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const textFacts = scanTextFacts(json, MAX_NESTING);
  if (json.length > LARGE_TEXT_CHARS) {
    const tooComplex = judgeLargeText(json, textFacts);
    if (tooComplex) return fail(tooComplex);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    // Only text that is not JSON is looked at more closely, so valid files pay nothing for these checks.
    const encoding = detectForeignText(text);
    if (encoding) return fail({ kind: 'wrongEncoding', encoding });
    const detail = json.trim() === '' ? 'The file is empty.' : describeJsonError(error, json);
    return fail({ kind: 'notJson', detail });
  }

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail({ kind: 'notStakemap', detail: `It holds ${describeJsonKind(raw)}, not a Stakemap workspace.` });
  }
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== FORMAT_ID) {
    const detail =
      envelope.format === undefined
        ? 'It has no "format": "stakemap" property, so it was not written by Stakemap.'
        : `Its "format" is ${describeValue(envelope.format)}, not "stakemap".`;
    return fail({ kind: 'notStakemap', detail });
  }

  const tooDeep = textFacts.tooDeep ? pathTooDeep(envelope, MAX_NESTING) : null;
  if (tooDeep) {
    return fail({
      kind: 'invalid',
      // The first two steps say where (`stakeholders[3]`, `x-otherTool.history`); the rest would be a wall of [0][0]...
      problems: [{ path: formatPath(tooDeep.slice(0, 2)), message: `holds values nested more than ${MAX_NESTING} levels deep, which could not be saved again` }],
      totalProblems: 1,
    });
  }

  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail({
      kind: 'invalid',
      problems: [{ path: 'version', message: `expected a whole number of 1 or more, found ${describeValue(version)}` }],
      totalProblems: 1,
    });
  }
  if (version > CURRENT_VERSION) {
    return fail({ kind: 'versionTooNew', fileVersion: version, supportedVersion: CURRENT_VERSION });
  }

  let migrated: ReturnType<typeof migrateToCurrent>;
  try {
    migrated = migrateToCurrent(envelope, version, migrations);
  } catch (error) {
    // A step works on unvalidated data; if it trips over an odd file, that is a load error, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return fail({
      kind: 'invalid',
      problems: [{ path: 'version', message: `this version ${version} file could not be migrated (${reason})` }],
      totalProblems: 1,
    });
  }
  if (!migrated.ok) {
    return fail({
      kind: 'invalid',
      problems: [{ path: 'version', message: `this build cannot migrate version ${migrated.missingStepFrom} files` }],
      totalProblems: 1,
    });
  }

  // The hand-written check builds the same document for a valid file, much faster; zod decides (and words
  // the problems) whenever it is not sure, walking the schema with work bounded by the file (find-problems.ts).
  // See fast-validate.ts.
  let document = fastValidate(migrated.raw);
  if (!document) {
    const search = findProblems(workspaceSchema, migrated.raw, { listLimit: MAX_LISTED_PROBLEMS, countLimit: MAX_COUNTED_PROBLEMS });
    if (search.total > 0) {
      return fail({
        kind: 'invalid',
        problems: search.issues.map((issue) => describeIssue(issue, migrated.raw)),
        totalProblems: search.total,
        ...(search.stoppedCounting ? { totalIsLowerBound: true as const } : {}),
      });
    }
    // No problem anywhere: zod builds the document (defaults filled in) and cannot find an issue to pile up.
    const checked = workspaceSchema.safeParse(migrated.raw);
    if (!checked.success) {
      const problems = checked.error.issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => describeIssue(issue, migrated.raw));
      return fail({ kind: 'invalid', problems, totalProblems: checked.error.issues.length });
    }
    document = checked.data;
    // The fast path copies objects with spread syntax, which keeps an own "__proto__" key as data; zod does not.
    keepProtoKeys(migrated.raw, document);
  }

  const duplicates = findDuplicateIds(document);
  if (duplicates.length > 0) {
    return fail({ kind: 'invalid', problems: duplicates.slice(0, MAX_LISTED_PROBLEMS), totalProblems: duplicates.length });
  }

  const valueFacts = walkValueFacts(raw);
  if (valueFacts.hasNonFinite) {
    // Known fields refuse them above; this finds them in properties this version does not know, which would be
    // written back as null.
    const paths = nonFinitePaths(raw, MAX_LISTED_PROBLEMS + 1);
    return fail({
      kind: 'invalid',
      problems: paths.slice(0, MAX_LISTED_PROBLEMS).map((path) => ({
        path: formatPath(path),
        message: `expected a finite number, found ${describeValue(valueAt(raw, path))} (a number too large to use, such as 1e999), which could not be saved again`,
      })),
      totalProblems: paths.length,
      ...(paths.length > MAX_LISTED_PROBLEMS ? { totalIsLowerBound: true as const } : {}),
    });
  }

  return {
    ok: true,
    document,
    danglingReferences: findDanglingReferences(document),
    migratedFrom: version < CURRENT_VERSION ? version : null,
    duplicateKeys: valueFacts.keysParsed < textFacts.keysWritten ? describeDuplicateKeys(json, raw) : [],
    savedViewport: Object.hasOwn(raw, 'viewport'),
  };
}

/** Refuses a large text whose shape no workspace has, before JSON.parse spends minutes and gigabytes on it. */
function judgeLargeText(json: string, facts: ReturnType<typeof scanTextFacts>): LoadError | null {
  const size = `${(json.length / (1024 * 1024)).toFixed(1)} MB`;
  if (facts.tooDeep) {
    const { line, column } = lineAndColumn(json, facts.tooDeepAt);
    return {
      kind: 'invalid',
      problems: [{ path: '(top level)', message: `holds values nested more than ${MAX_NESTING} levels deep (from line ${line.toLocaleString('en-US')}, column ${column.toLocaleString('en-US')}), which could not be saved again` }],
      totalProblems: 1,
    };
  }
  if (facts.containers > json.length / MIN_CHARS_PER_CONTAINER) {
    return {
      kind: 'invalid',
      problems: [
        {
          path: '(top level)',
          message: `holds ${facts.containers.toLocaleString('en-US')} objects and lists in ${size} of text, far more than any workspace (one per ${MIN_CHARS_PER_CONTAINER} characters at most), so it was not read`,
        },
      ],
      totalProblems: 1,
    };
  }
  return null;
}

/** The keys written twice in one object of `json`, each with the value JSON.parse kept (the last one). */
function describeDuplicateKeys(json: string, raw: unknown): DuplicateKeyNote[] {
  return findDuplicateKeys(json).map((duplicate) => ({
    path: formatPath(duplicate.path),
    key: duplicate.key,
    occurrences: duplicate.occurrences,
    kept: describeValue(valueAt(raw, [...duplicate.path, duplicate.key])),
  }));
}

const PROTO_KEY = '__proto__';

/** Copies an own "__proto__" property of `from` onto `to` as a plain data property (never as a prototype). */
function keepProtoKey(from: unknown, to: unknown): void {
  if (typeof from !== 'object' || from === null || typeof to !== 'object' || to === null) return;
  const own = Object.getOwnPropertyDescriptor(from, PROTO_KEY);
  if (own) Object.defineProperty(to, PROTO_KEY, { value: own.value, enumerable: true, writable: true, configurable: true });
}

/**
 * zod deliberately leaves an unknown "__proto__" key out of the objects it builds (assigning it would replace
 * their prototype). JSON.parse made it an own property, so it is data another tool wrote, and unknown
 * properties are kept: put it back, as an own property, on each object the schema rebuilt. Values of other
 * unknown keys are passed through by zod untouched, so only the schema's own objects need this.
 */
function keepProtoKeys(raw: Record<string, unknown>, doc: WorkspaceDocument): void {
  keepProtoKey(raw, doc);
  keepProtoKey(raw.viewport, doc.viewport);
  keepMapProtoKeys(raw, doc);
  itemsOf(raw, 'snapshots').forEach((item, i) => {
    const snapshot = doc.snapshots[i];
    keepProtoKey(item, snapshot);
    const state = field(item, 'state');
    keepProtoKey(state, snapshot?.state);
    // A snapshot's state holds the same lists as the workspace, rebuilt by the schema the same way.
    if (snapshot && typeof state === 'object' && state !== null) keepMapProtoKeys(state as Record<string, unknown>, snapshot.state);
  });
}

/** The items of a list in raw data (none when it is not a list). */
const itemsOf = (raw: Record<string, unknown>, key: string): unknown[] => {
  const items = Object.hasOwn(raw, key) ? raw[key] : undefined;
  return Array.isArray(items) ? items : [];
};

/** A property of raw data, when it is an object that has it. */
const field = (item: unknown, key: string): unknown =>
  typeof item === 'object' && item !== null && Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;

/** keepProtoKeys for the map's lists, in the workspace or in a snapshot's state. */
function keepMapProtoKeys(raw: Record<string, unknown>, map: Pick<WorkspaceDocument, 'stakeholders' | 'relationships' | 'painPoints' | 'solutions' | 'categories'>): void {
  itemsOf(raw, 'stakeholders').forEach((item, i) => {
    keepProtoKey(item, map.stakeholders[i]);
    keepProtoKey(field(item, 'position'), map.stakeholders[i]?.position);
  });
  itemsOf(raw, 'relationships').forEach((item, i) => {
    keepProtoKey(item, map.relationships[i]);
    keepProtoKey(field(item, 'otherSide'), map.relationships[i]?.otherSide);
  });
  itemsOf(raw, 'painPoints').forEach((item, i) => {
    keepProtoKey(item, map.painPoints[i]);
    const attachments = field(item, 'attachedTo');
    if (Array.isArray(attachments)) attachments.forEach((a, j) => keepProtoKey(a, map.painPoints[i]?.attachedTo[j]));
  });
  itemsOf(raw, 'solutions').forEach((item, i) => keepProtoKey(item, map.solutions[i]));
  itemsOf(raw, 'categories').forEach((item, i) => keepProtoKey(item, map.categories[i]));
}

function findDuplicateIds(doc: WorkspaceDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const uniqueIds = (items: ReadonlyArray<{ id: string }>, path: string) => {
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const earlier = firstIndex.get(item.id);
      if (earlier === undefined) firstIndex.set(item.id, index);
      else problems.push({ path: `${path}[${index}].id`, message: `the id ${quoteForMessage(item.id)} is already used by ${path}[${earlier}]` });
    });
  };
  // One dot per voter and pain point: a repeated pair would count a participant's vote twice.
  const uniqueBallots = (ballots: WorkspaceDocument['ballots'], path: string) => {
    const ballotIndex = new Map<string, number>();
    ballots.forEach((ballot, index) => {
      const key = JSON.stringify([ballot.participantId, ballot.painPointId]);
      const earlier = ballotIndex.get(key);
      if (earlier === undefined) ballotIndex.set(key, index);
      else problems.push({ path: `${path}[${index}]`, message: `repeats the vote of ${path}[${earlier}] (one per participant and pain point)` });
    });
  };
  const mapCollections = ['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories'] as const;
  for (const collection of [...mapCollections, 'participants'] as const) uniqueIds(doc[collection], collection);
  uniqueIds(doc.agenda.stages, 'agenda.stages');
  uniqueBallots(doc.ballots, 'ballots');
  uniqueIds(doc.snapshots, 'snapshots');
  // A snapshot's state is history, so its references are not checked (references.ts); its ids are, by the same
  // rules as the map's: restored, it becomes the map, and a map with a repeated id could not be opened again.
  doc.snapshots.forEach((snapshot, i) => {
    for (const collection of mapCollections) uniqueIds(snapshot.state[collection], `snapshots[${i}].state.${collection}`);
    uniqueBallots(snapshot.state.ballots, `snapshots[${i}].state.ballots`);
  });
  return problems;
}

/** A key that reads unambiguously after a dot: letters, digits, `_`, `$` and `-` (`x-otherTool`). */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Formats a zod path the way a person reads JSON: `stakeholders[2].position.x`. A key from the file that is not
 * a plain name is quoted, with control characters escaped: `x-tool["odd key"]`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && !PLAIN_KEY.test(key)) out += `[${quoteForMessage(key, 60)}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(top level)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(issue: core.$ZodIssue, root: unknown): FieldProblem {
  const path = formatPath(issue.path);
  const found = valueAt(root, issue.path);
  const exists = issue.path.length === 0 || valueAt(root, issue.path.slice(0, -1)) !== undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (found === undefined && exists) return { path, message: `is missing (expected ${article(issue.expected)})` };
      // JSON has no Infinity, but a number too large for a double (1e999) parses to it.
      if (typeof found === 'number' && !Number.isFinite(found)) {
        return { path, message: `expected a finite number, found ${describeValue(found)} (a number too large to use, such as 1e999)` };
      }
      return { path, message: `expected ${article(issue.expected)}, found ${describeValue(found)}` };
    }
    case 'invalid_value':
      return { path, message: `expected one of ${issue.values.map((v) => quoteForMessage(String(v))).join(', ')}, found ${describeValue(found)}` };
    case 'too_small':
      if (issue.origin === 'string') return { path, message: 'must not be empty' };
      // `inclusive: false` comes from .positive() (zoom): "at least 0" would wrongly suggest 0 is fine.
      return { path, message: `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}, found ${describeValue(found)}` };
    case 'too_big':
      if (issue.origin === 'string' && typeof found === 'string') {
        return { path, message: `is ${found.length.toLocaleString('en-US')} characters long; at most ${Number(issue.maximum).toLocaleString('en-US')} are allowed` };
      }
      return { path, message: `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}, found ${describeValue(found)}` };
    case 'invalid_format':
      return { path, message: `expected ${issue.format === 'datetime' ? 'an ISO 8601 date and time such as "2026-11-22T10:00:00.000Z"' : issue.format}, found ${describeValue(found)}` };
    default:
      return { path, message: escapeControlCharacters(issue.message) };
  }
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    object: 'an object',
    array: 'a list',
    boolean: 'true or false',
    null: 'null',
  };
  return words[expected] ?? expected;
}

/** A short human description of a JSON value, for messages. Long text is shortened. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteForMessage(value, 40);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'an object';
}

function describeJsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON list';
  if (value === null) return 'only null';
  return `a single ${typeof value} value`;
}

function describeJsonError(error: unknown, text: string): string {
  // V8 parses JSON without recursion today, but an engine that recurses (or runs out of memory) throws RangeError.
  if (error instanceof RangeError) {
    return `The file is nested too deeply or is too large to be read as JSON. (${escapeControlCharacters(error.message)})`;
  }
  if (text.includes('\u0000')) return 'The file contains NUL characters, which a text file never does: it is a binary file, or it is damaged.';
  const located = findJsonSyntaxError(text);
  if (located === null) {
    // JSON.parse refused what the scanner accepts: give the engine's words, made safe to show.
    const message = error instanceof Error ? error.message : String(error);
    return `The text is not valid JSON. (${escapeControlCharacters(message.slice(0, 300))})`;
  }
  const where = `line ${located.line.toLocaleString('en-US')}, column ${located.column.toLocaleString('en-US')}`;
  if (located.endedEarly) {
    return `The JSON text ends too early (at ${where}: ${located.problem}): the file looks truncated, cut short while it was being copied or saved.`;
  }
  return `The text is not valid JSON: at ${where}, ${located.problem}.`;
}
