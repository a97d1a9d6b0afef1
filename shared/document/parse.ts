import type { core } from 'zod';
import { CURRENT_VERSION, FORMAT_ID } from './format';
import { migrateToCurrent, MIGRATIONS, type MigrationStep } from './migrate';
import { fastValidate } from './fast-validate';
import { nestingExceeds, pathTooDeep } from './nesting';
import { findDanglingReferences, type DanglingReference } from './references';
import { workspaceSchema, type WorkspaceDocument } from './schema';
import { detectUtf16Text } from './text-encoding';

/** One problem with a field of the file: where it is (`stakeholders[2].kind`) and what was expected. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** Why a file could not be opened. The UI words each kind in one exhaustive switch (see describe-load.ts). */
export type LoadError =
  | { readonly kind: 'notJson'; readonly detail: string }
  /** The text is UTF-16 read as UTF-8 (every other character U+0000): the file must be saved again as UTF-8. */
  | { readonly kind: 'wrongEncoding'; readonly encoding: 'UTF-16 LE' | 'UTF-16 BE' }
  | { readonly kind: 'notStakemap'; readonly detail: string }
  | { readonly kind: 'versionTooNew'; readonly fileVersion: number; readonly supportedVersion: number }
  | { readonly kind: 'invalid'; readonly problems: readonly FieldProblem[]; readonly totalProblems: number };

export type ParseResult =
  | {
      readonly ok: true;
      readonly document: WorkspaceDocument;
      /** References that point nowhere. The file opens anyway; the user is told about each one. */
      readonly danglingReferences: readonly DanglingReference[];
      /** The version the file was written in, when it was older than CURRENT_VERSION and migrated in memory. */
      readonly migratedFrom: number | null;
    }
  | { readonly ok: false; readonly error: LoadError };

/** At most this many field problems are listed; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

/** Deepest nesting of objects and lists accepted (see nesting.ts). A workspace needs 4 levels; unknown properties may add some. */
const MAX_NESTING = 100;

const fail = (error: LoadError): ParseResult => ({ ok: false, error });

/**
 * Parses the text of a workspace file: JSON, envelope, version, migration, schema, unique ids, references.
 * Never throws for any input; every failure is a typed LoadError.
 */
export function parseWorkspace(text: string, migrations: readonly MigrationStep[] = MIGRATIONS): ParseResult {
  // A UTF-8 byte order mark is legal in a text file but not in JSON.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    // Only text that is not JSON is looked at more closely, so valid files pay nothing for these checks.
    const encoding = detectUtf16Text(text);
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
        : `Its "format" is ${JSON.stringify(envelope.format)}, not "stakemap".`;
    return fail({ kind: 'notStakemap', detail });
  }

  const tooDeep = nestingExceeds(json, MAX_NESTING) ? pathTooDeep(envelope, MAX_NESTING) : null;
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
  // the problems) whenever it is not sure. See fast-validate.ts.
  let document = fastValidate(migrated.raw);
  if (!document) {
    const checked = workspaceSchema.safeParse(migrated.raw);
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => describeIssue(issue, migrated.raw));
      return fail({ kind: 'invalid', problems: problems.slice(0, MAX_LISTED_PROBLEMS), totalProblems: problems.length });
    }
    document = checked.data;
    // The fast path copies objects with spread syntax, which keeps an own "__proto__" key as data; zod does not.
    keepProtoKeys(migrated.raw, document);
  }

  const duplicates = findDuplicateIds(document);
  if (duplicates.length > 0) {
    return fail({ kind: 'invalid', problems: duplicates.slice(0, MAX_LISTED_PROBLEMS), totalProblems: duplicates.length });
  }

  return {
    ok: true,
    document,
    danglingReferences: findDanglingReferences(document),
    migratedFrom: version < CURRENT_VERSION ? version : null,
  };
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
  const rawItems = (collection: string): unknown[] => {
    const items = raw[collection];
    return Array.isArray(items) ? items : [];
  };
  const field = (item: unknown, key: string): unknown =>
    typeof item === 'object' && item !== null && Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
  rawItems('stakeholders').forEach((item, i) => {
    keepProtoKey(item, doc.stakeholders[i]);
    keepProtoKey(field(item, 'position'), doc.stakeholders[i]?.position);
  });
  rawItems('relationships').forEach((item, i) => keepProtoKey(item, doc.relationships[i]));
  rawItems('painPoints').forEach((item, i) => {
    keepProtoKey(item, doc.painPoints[i]);
    const attachments = field(item, 'attachedTo');
    if (Array.isArray(attachments)) attachments.forEach((a, j) => keepProtoKey(a, doc.painPoints[i]?.attachedTo[j]));
  });
  rawItems('solutions').forEach((item, i) => keepProtoKey(item, doc.solutions[i]));
  rawItems('categories').forEach((item, i) => keepProtoKey(item, doc.categories[i]));
}

function findDuplicateIds(doc: WorkspaceDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const collections = ['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories'] as const;
  for (const collection of collections) {
    const firstIndex = new Map<string, number>();
    doc[collection].forEach((item: { id: string }, index: number) => {
      const earlier = firstIndex.get(item.id);
      if (earlier === undefined) firstIndex.set(item.id, index);
      else problems.push({ path: `${collection}[${index}].id`, message: `the id ${JSON.stringify(item.id)} is already used by ${collection}[${earlier}]` });
    });
  }
  return problems;
}

/** Formats a zod path the way a person reads JSON: `stakeholders[2].position.x`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
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
      return { path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(found)}` };
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
      return { path, message: issue.message };
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
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
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
    return `The file is nested too deeply or is too large to be read as JSON. (${error.message})`;
  }
  if (text.includes('\u0000')) return 'The file contains NUL characters, which a text file never does: it is a binary file, or it is damaged.';
  const message = error instanceof Error ? error.message : String(error);
  if (looksTruncated(message, text)) return `The JSON text ends too early: the file looks truncated. (${message})`;
  return `The text is not valid JSON. (${message})`;
}

/**
 * True when JSON.parse gave up at the very end of the text, which is what a file cut short looks like.
 * V8 says "Unexpected end of JSON input" only for some cut points; cut inside a string it says
 * "Unterminated string in JSON at position N", after a comma "Expected double-quoted property name ... at
 * position N", so the position is compared with the length of the text (trailing whitespace ignored).
 */
function looksTruncated(message: string, text: string): boolean {
  if (/end of (JSON|data)|unterminated string/i.test(message)) return true;
  const position = /at position (\d+)/.exec(message);
  return position !== null && Number(position[1]) >= text.trimEnd().length;
}
