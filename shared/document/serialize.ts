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
  snapshotSchema,
  snapshotStateSchema,
  solutionSchema,
  stakeholderSchema,
  viewportSchema,
  workspaceSchema,
  type WorkspaceDocument,
} from './schema';

/*
 * Deterministic output so workspaces diff well in version control: 2-space indent, a fixed key order
 * (known keys in the order of the format description, then unknown keys sorted, at every depth), trailing
 * newline; each snapshot's `state` alone is written compactly, on one line (see serializeWorkspace). The known keys and their order are the schema's (schema.ts lists them as the product brief does),
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
  snapshot: keysOf(snapshotSchema),
  snapshotState: keysOf(snapshotStateSchema),
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

/** Copiers of the map's records, the same for the workspace's own lists and for a snapshot's state. */
const stakeholders = list(KEY_ORDER.stakeholder, { position: point }, TRANSIENT_NODE_KEYS);
const relationships = list(KEY_ORDER.relationship, { otherSide }, TRANSIENT_EDGE_KEYS);
const painPoints = list(KEY_ORDER.painPoint, { quotes: list(KEY_ORDER.quote), attachedTo: list(KEY_ORDER.attachment) });
const solutions = list(KEY_ORDER.solution);
const categories = list(KEY_ORDER.category);
const ballots = list(KEY_ORDER.ballot);

const copySnapshotState = ordered(KEY_ORDER.snapshotState, { stakeholders, relationships, painPoints, solutions, categories, ballots });
/** A snapshot's `state`: always an object in a document; anything else (a bug) is copied as it is. */
const snapshotState = (value: unknown): unknown => (typeof value === 'object' && value !== null && !Array.isArray(value) ? copySnapshotState(value as Json) : knownValue(value));

const copyWorkspace = ordered(KEY_ORDER.workspace, {
  stakeholders,
  relationships,
  painPoints,
  solutions,
  categories,
  viewport: ordered(KEY_ORDER.viewport) as (v: unknown) => Json,
  agenda: ordered(KEY_ORDER.agenda, { stages: list(KEY_ORDER.stage) }) as (v: unknown) => Json,
  participants: list(KEY_ORDER.participant),
  voting: ordered(KEY_ORDER.voting) as (v: unknown) => Json,
  ballots,
  snapshots: list(KEY_ORDER.snapshot, { state: snapshotState }),
});

/** The document as the plain object that is written to disk, always in the current format version. */
export function toFileObject(doc: WorkspaceDocument): Json {
  return copyWorkspace({ ...doc, format: FORMAT_ID, version: CURRENT_VERSION });
}

/*
 * A snapshot's `state` is a whole map: written like the rest of the file, every line of it indented three levels
 * deeper than the map's own, a snapshot would cost more bytes than the map it copies, and taking one would add
 * hundreds of lines to a diff of the file. So each state is written as one line of compact JSON (its keys still
 * in the canonical order, unknown ones sorted), and the rest of the file keeps its 2-space indentation. As with -0
 * above, JSON.stringify writes a marker in the place of each state, and the marker is then replaced by the state's
 * compact text. The random part keeps a marker from ever equalling a string the document holds; the number after
 * it says which state goes there. The result is plain JSON: any reader takes it as it would the indented layout.
 */
const STATE_MARKER = `stakemap-snapshot-state-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
const STATE_MARKERS_JSON = new RegExp(`"${STATE_MARKER}-(\\d+)"`, 'g');

/** JSON.stringify, with every -0 written as the -0 marker when the copy held any. */
function stringify(value: unknown, indent?: number): string {
  if (negativeZerosCopied === 0) return JSON.stringify(value, null, indent);
  return JSON.stringify(value, (_key, v: unknown) => (isNegativeZero(v) ? NEGATIVE_ZERO : v), indent);
}

/** Serializes a workspace to the exact text of a `.stakemap` file. Same document, same bytes. */
export function serializeWorkspace(doc: WorkspaceDocument): string {
  negativeZerosCopied = 0;
  let file = toFileObject(doc);
  // Each snapshot's state as its one line of text; until the end, the file holds a marker in its place.
  const states: string[] = [];
  if (Array.isArray(file.snapshots) && file.snapshots.length > 0) {
    const snapshots = (file.snapshots as unknown[]).map((snapshot) => {
      if (typeof snapshot !== 'object' || snapshot === null || !Object.hasOwn(snapshot, 'state')) return snapshot;
      states.push(stringify((snapshot as Json).state));
      // The same keys in the same order: only the value of `state` is swapped for its marker.
      return { ...(snapshot as Json), state: `${STATE_MARKER}-${states.length - 1}` };
    });
    file = { ...file, snapshots };
  }
  let text = stringify(file, 2);
  if (states.length > 0) text = text.replace(STATE_MARKERS_JSON, (_marker, index: string) => states[Number(index)]!);
  if (negativeZerosCopied > 0) text = text.replaceAll(NEGATIVE_ZERO_JSON, '-0');
  return `${text}\n`;
}
