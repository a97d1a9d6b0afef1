import { CURRENT_VERSION, FORMAT_ID } from './format';
import {
  agendaSchema,
  attachmentSchema,
  ballotSchema,
  categorySchema,
  otherSideSchema,
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
  otherSide: keysOf(otherSideSchema),
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
 * A copier of one kind of object: known keys first in `order`, then unknown keys sorted; undefined values and
 * `omit` keys are left out. Known keys listed in `nested` are copied by their own function, all others canonically.
 * Built once per kind, and written as plain loops: saving copies every object of the document, so what a copy
 * allocates besides the copy itself is what a save costs (bench: "Save").
 */
function ordered(order: readonly string[], nested: Nested = {}, omit: readonly string[] = []): (value: Json) => Json {
  const known = new Set(order);
  const omitted = new Set(omit);
  // Object.hasOwn, not `nested[k]`, so that keys such as "toString" or "constructor" do not find Object.prototype's
  // functions.
  const copiers = order.map((k) => (Object.hasOwn(nested, k) ? (nested[k] as (v: unknown) => unknown) : knownValue));
  return (value) => {
    const copy: Json = {};
    for (let i = 0; i < order.length; i += 1) {
      const key = order[i]!;
      if (!Object.hasOwn(value, key)) continue;
      const field = value[key];
      if (field !== undefined) copy[key] = copiers[i]!(field);
    }
    let unknown: string[] | null = null;
    for (const key of Object.keys(value)) {
      if (!known.has(key) && !omitted.has(key)) (unknown ??= []).push(key);
    }
    if (unknown !== null) {
      for (const key of unknown.sort()) {
        const field = value[key];
        // defineProperty, so a key such as "__proto__" stays plain data.
        if (field !== undefined) Object.defineProperty(copy, key, { value: canonical(field), enumerable: true, writable: true, configurable: true });
      }
    }
    return copy;
  };
}

const list = (order: readonly string[], nested?: Nested, omit?: readonly string[]) => {
  const copy = ordered(order, nested, omit);
  return (items: unknown) => (items as Json[]).map(copy);
};

const point = ordered(KEY_ORDER.point) as (p: unknown) => Json;
const copyOtherSide = ordered(KEY_ORDER.otherSide);
/** A relationship's `otherSide`: null (not recorded) stays null. */
const otherSide = (value: unknown): unknown => (typeof value === 'object' && value !== null && !Array.isArray(value) ? copyOtherSide(value as Json) : knownValue(value));

const copyWorkspace = ordered(KEY_ORDER.workspace, {
  stakeholders: list(KEY_ORDER.stakeholder, { position: point }, TRANSIENT_NODE_KEYS),
  relationships: list(KEY_ORDER.relationship, { otherSide }, TRANSIENT_EDGE_KEYS),
  painPoints: list(KEY_ORDER.painPoint, { quotes: list(KEY_ORDER.quote), attachedTo: list(KEY_ORDER.attachment) }),
  solutions: list(KEY_ORDER.solution),
  categories: list(KEY_ORDER.category),
  viewport: ordered(KEY_ORDER.viewport) as (v: unknown) => Json,
  agenda: ordered(KEY_ORDER.agenda, { stages: list(KEY_ORDER.stage) }) as (v: unknown) => Json,
  participants: list(KEY_ORDER.participant),
  voting: ordered(KEY_ORDER.voting) as (v: unknown) => Json,
  ballots: list(KEY_ORDER.ballot),
});

/** The document as the plain object that is written to disk, always in the current format version. */
export function toFileObject(doc: WorkspaceDocument): Json {
  return copyWorkspace({ ...doc, format: FORMAT_ID, version: CURRENT_VERSION });
}

/** Serializes a workspace to the exact text of a `.stakemap` file. Same document, same bytes. */
export function serializeWorkspace(doc: WorkspaceDocument): string {
  negativeZerosCopied = 0;
  const file = toFileObject(doc);
  if (negativeZerosCopied === 0) return `${JSON.stringify(file, null, 2)}\n`;
  const text = JSON.stringify(file, (_key, value: unknown) => (isNegativeZero(value) ? NEGATIVE_ZERO : value), 2);
  return `${text.replaceAll(NEGATIVE_ZERO_JSON, '-0')}\n`;
}
