import { CURRENT_VERSION, FORMAT_ID } from './format';
import {
  agendaSchema,
  attachmentSchema,
  ballotSchema,
  categorySchema,
  participantSchema,
  quoteSchema,
  stageSchema,
  votingSchema,
  painPointSchema,
  relationshipSchema,
  solutionSchema,
  stakeholderSchema,
  viewportSchema,
  workspaceSchema,
  type WorkspaceDocument,
} from './schema';

/*
 * Deterministic output so workspaces diff well in version control: 2-space indent, a fixed key order
 * (known keys in the order of the format description, then unknown keys sorted, at every depth), trailing
 * newline. The known keys and their order are the schema's (schema.ts lists them as the product brief does),
 * so a field added to the schema is written in its place without being listed here too. Transient editor state (React Flow's `selected`, `measured`, `dragging` ...) does not belong in the
 * document; should it ever get there (a renderer bug, a file written by another tool), it is dropped here so
 * it cannot reach the file.
 */

type Json = Record<string, unknown>;
type Nested = Readonly<Record<string, (v: unknown) => unknown>>;

/** The keys of an object schema, in the order its shape lists them (zod keeps the order it was written in). */
const keysOf = (schema: { readonly shape: object }): readonly string[] => Object.keys(schema.shape);

/** Known keys of each kind of object, in the order they are written. */
export const KEY_ORDER = {
  workspace: keysOf(workspaceSchema),
  stakeholder: keysOf(stakeholderSchema),
  relationship: keysOf(relationshipSchema),
  painPoint: keysOf(painPointSchema),
  attachment: keysOf(attachmentSchema),
  solution: keysOf(solutionSchema),
  category: keysOf(categorySchema),
  point: keysOf(stakeholderSchema.shape.position),
  viewport: keysOf(viewportSchema),
  quote: keysOf(quoteSchema),
  agenda: keysOf(agendaSchema),
  stage: keysOf(stageSchema),
  participant: keysOf(participantSchema),
  voting: keysOf(votingSchema),
  ballot: keysOf(ballotSchema),
} as const;

/**
 * React Flow state that may ride along on a node or an edge object but describes the editor, not the map.
 * These names are reserved: they are never written, even as "unknown" properties.
 */
export const TRANSIENT_NODE_KEYS: readonly string[] = ['selected', 'dragging', 'measured', 'resizing', 'positionAbsolute', 'internals'];
export const TRANSIENT_EDGE_KEYS: readonly string[] = ['selected'];

/**
 * JSON.stringify writes -0 as 0. A file that says -0 (another tool's data, kept as it is) must say -0 again, so
 * serializeWorkspace has JSON.stringify write this marker in its place and then writes the marker back as -0.
 * The random part keeps the marker from ever equalling a string the document holds.
 */
const NEGATIVE_ZERO = `stakemap-negative-zero-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
const NEGATIVE_ZERO_JSON = JSON.stringify(NEGATIVE_ZERO);

const isNegativeZero = (value: unknown) => value === 0 && Object.is(value, -0);

/** How many -0 the last toFileObject copied: only then does serializeWorkspace pay for the replacer. */
let negativeZerosCopied = 0;

/**
 * A known field's value. A position or a rating of -0 is 0 (a drag that ends a fraction left of 0 rounds to -0,
 * and "x": -0 in a file would only puzzle its reader); only unknown properties keep -0 as they were written.
 */
function knownValue(value: unknown): unknown {
  return isNegativeZero(value) ? 0 : canonical(value);
}

/** Copies a value that this version does not know with its object keys sorted, at every depth. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isNegativeZero(value)) negativeZerosCopied += 1;
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Json;
  return Object.fromEntries(
    Object.keys(source)
      .sort()
      .filter((k) => source[k] !== undefined)
      .map((k) => [k, canonical(source[k])]),
  );
}

/**
 * Copies `value` with known keys first in `order`, then unknown keys sorted; undefined values and `omit`
 * keys are left out. Known keys listed in `nested` are copied by their own function, all others canonically.
 */
function ordered(value: Json, order: readonly string[], nested: Nested = {}, omit: readonly string[] = []): Json {
  const known = new Set(order);
  const keys = [
    ...order.filter((k) => Object.hasOwn(value, k)),
    ...Object.keys(value)
      .filter((k) => !known.has(k) && !omit.includes(k))
      .sort(),
  ];
  // Object.fromEntries defines own properties, so a key such as "__proto__" stays plain data. Object.hasOwn,
  // not `nested[k]`, so that keys such as "toString" or "constructor" do not find Object.prototype's functions.
  return Object.fromEntries(
    keys
      .filter((k) => value[k] !== undefined)
      .map((k) => [k, !known.has(k) ? canonical(value[k]) : Object.hasOwn(nested, k) ? (nested[k] as (v: unknown) => unknown)(value[k]) : knownValue(value[k])]),
  );
}

const list = (order: readonly string[], nested?: Nested, omit?: readonly string[]) => (items: unknown) =>
  (items as Json[]).map((item) => ordered(item, order, nested, omit));

const point = (p: unknown) => ordered(p as Json, KEY_ORDER.point);

/** The document as the plain object that is written to disk, always in the current format version. */
export function toFileObject(doc: WorkspaceDocument): Json {
  return ordered({ ...doc, format: FORMAT_ID, version: CURRENT_VERSION }, KEY_ORDER.workspace, {
    stakeholders: list(KEY_ORDER.stakeholder, { position: point }, TRANSIENT_NODE_KEYS),
    relationships: list(KEY_ORDER.relationship, {}, TRANSIENT_EDGE_KEYS),
    painPoints: list(KEY_ORDER.painPoint, { quotes: list(KEY_ORDER.quote), attachedTo: list(KEY_ORDER.attachment) }),
    solutions: list(KEY_ORDER.solution),
    categories: list(KEY_ORDER.category),
    viewport: (v) => ordered(v as Json, KEY_ORDER.viewport),
    agenda: (a) => ordered(a as Json, KEY_ORDER.agenda, { stages: list(KEY_ORDER.stage) }),
    participants: list(KEY_ORDER.participant),
    voting: (v) => ordered(v as Json, KEY_ORDER.voting),
    ballots: list(KEY_ORDER.ballot),
  });
}

/** Serializes a workspace to the exact text of a `.stakemap` file. Same document, same bytes. */
export function serializeWorkspace(doc: WorkspaceDocument): string {
  negativeZerosCopied = 0;
  const file = toFileObject(doc);
  if (negativeZerosCopied === 0) return `${JSON.stringify(file, null, 2)}\n`;
  const text = JSON.stringify(file, (_key, value: unknown) => (isNegativeZero(value) ? NEGATIVE_ZERO : value), 2);
  return `${text.replaceAll(NEGATIVE_ZERO_JSON, '-0')}\n`;
}
