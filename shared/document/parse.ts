import type { core } from 'zod';
import { CURRENT_VERSION, FORMAT_ID } from './format';
import { migrateToCurrent, MIGRATIONS, type MigrationStep } from './migrate';
import { findDanglingReferences, type DanglingReference } from './references';
import { workspaceSchema, type WorkspaceDocument } from './schema';

/** One problem with a field of the file: where it is (`stakeholders[2].kind`) and what was expected. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** Why a file could not be opened. The UI words each kind in one exhaustive switch (see describe-load.ts). */
export type LoadError =
  | { readonly kind: 'notJson'; readonly detail: string }
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

const fail = (error: LoadError): ParseResult => ({ ok: false, error });

/**
 * Parses the text of a workspace file: JSON, envelope, version, migration, schema, unique ids, references.
 * Never throws for any input; every failure is a typed LoadError.
 */
export function parseWorkspace(text: string, migrations: readonly MigrationStep[] = MIGRATIONS): ParseResult {
  let raw: unknown;
  try {
    // A UTF-8 byte order mark is legal in a text file but not in JSON.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = text.trim() === '' ? 'The file is empty.' : describeJsonError(error);
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

  const migrated = migrateToCurrent(envelope, version, migrations);
  if (!migrated.ok) {
    return fail({
      kind: 'invalid',
      problems: [{ path: 'version', message: `this build cannot migrate version ${migrated.missingStepFrom} files` }],
      totalProblems: 1,
    });
  }

  const checked = workspaceSchema.safeParse(migrated.raw);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => describeIssue(issue, migrated.raw));
    return fail({ kind: 'invalid', problems: problems.slice(0, MAX_LISTED_PROBLEMS), totalProblems: problems.length });
  }

  const duplicates = findDuplicateIds(checked.data);
  if (duplicates.length > 0) {
    return fail({ kind: 'invalid', problems: duplicates.slice(0, MAX_LISTED_PROBLEMS), totalProblems: duplicates.length });
  }

  return {
    ok: true,
    document: checked.data,
    danglingReferences: findDanglingReferences(checked.data),
    migratedFrom: version < CURRENT_VERSION ? version : null,
  };
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
      return { path, message: `expected ${article(issue.expected)}, found ${describeValue(found)}` };
    }
    case 'invalid_value':
      return { path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(found)}` };
    case 'too_small':
      if (issue.origin === 'string') return { path, message: 'must not be empty' };
      return { path, message: `must be at least ${String(issue.minimum)}, found ${describeValue(found)}` };
    case 'too_big':
      return { path, message: `must be at most ${String(issue.maximum)}, found ${describeValue(found)}` };
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

function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 words truncation as "Unexpected end of JSON input" and friends; keep its position detail.
  if (/end of (JSON|data)/i.test(message)) return `The JSON text ends too early: the file looks truncated. (${message})`;
  return `The text is not valid JSON. (${message})`;
}
