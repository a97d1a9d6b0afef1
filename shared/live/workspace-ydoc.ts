import * as Y from 'yjs';
import { CURRENT_VERSION, FORMAT_ID } from '../document/format';
import { fastValidate } from '../document/fast-validate';
import {
  agendaSchema,
  ballotSchema,
  categorySchema,
  painPointSchema,
  participantSchema,
  relationshipSchema,
  snapshotSchema,
  solutionSchema,
  stageSchema,
  stakeholderSchema,
  votingSchema,
  workspaceSchema,
  type WorkspaceDocument,
} from '../document/schema';
import { settleReferences } from './settle-references';

/*
 * The workspace as a shared Yjs document, for a live session (issue 15). The file format stays the plain JSON
 * document: this is only how it is held while several people edit it at once, and it is never written into the
 * user's file.
 *
 * Shape of the Y.Doc (every name below is a root type):
 *   meta          Y.Map   the document's own fields (format, version, title, dates, viewport, unknown ones)
 *   agenda        Y.Map   visible, currentStageId (and unknown ones); its stages are the `stages` collection
 *   voting        Y.Map   budget, hideResults, revealed
 *   <collection>  Y.Map   id -> Y.Map of the record's fields, one entry per field
 *   <collection>#order  Y.Array of ids: the records' order
 *   painPoint quotes are a Y.Array inside the pain point's map, so two people adding quotes both keep theirs.
 *   snapshots are a collection too, so two taken at the same moment (the facilitator and an editor) are both kept;
 *   a snapshot is never edited field by field, its `state` is one value. (Before, the list was one value in meta
 *   and the later write won; a state folder from then still reads, see readWorkspace.)
 *
 * One Y.Map per record, one entry per field, is what makes concurrent edits merge: one person drags a stakeholder
 * (position) while another renames it (name), and both survive. Two people changing the same field: the later one
 * wins, as Yjs decides the same way on every replica.
 *
 * Convergence rules (docs/live-session.md): a deleted record takes concurrent edits to it with it (delete wins);
 * whatever pointed at it lets go of it as a local delete would (settle-references.ts); a record that is not valid
 * under the schema is left out of the document read; a participant's ballots past the budget are left out. So
 * every replica reads the same, valid document from the same Y.Doc state.
 */

/** The collections of records with an id, in the document's order of fields (each a root Map and `<collection>#order`). */
export const COLLECTIONS = ['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories', 'participants', 'ballots', 'stages', 'snapshots'] as const;
export type Collection = (typeof COLLECTIONS)[number];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = Record<string, unknown>;

/** The schema each collection's records must pass (reading leaves out the others; the host refuses them). */
export const RECORD_SCHEMAS = {
  stakeholders: stakeholderSchema,
  relationships: relationshipSchema,
  painPoints: painPointSchema,
  solutions: solutionSchema,
  categories: categorySchema,
  participants: participantSchema,
  ballots: ballotSchema,
  stages: stageSchema,
  snapshots: snapshotSchema,
} as const;

/** The document's fields with a place of their own; every other field is kept in `meta`. */
const STRUCTURED_FIELDS = new Set<string>(['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories', 'participants', 'ballots', 'snapshots', 'agenda', 'voting']);

/** A ballot has no id of its own: one voter's dot on one pain point is its key. */
export function ballotKey(ballot: { participantId: string; painPointId: string }): string {
  return `${ballot.participantId}\u0000${ballot.painPointId}`;
}

function keyOf(collection: Collection, record: JsonRecord): string {
  return collection === 'ballots' ? ballotKey(record as { participantId: string; painPointId: string }) : String(record.id);
}

function recordsOf(doc: WorkspaceDocument, collection: Collection): readonly JsonRecord[] {
  return collection === 'stages' ? doc.agenda.stages : doc[collection];
}

const recordMap = (ydoc: Y.Doc, collection: Collection) => ydoc.getMap<Y.Map<unknown>>(collection);
const orderArray = (ydoc: Y.Doc, collection: Collection) => ydoc.getArray<string>(`${collection}#order`);

/** A new shared document holding `doc`. Its first update is what a session starts from. */
export function createWorkspaceYDoc(doc: WorkspaceDocument, origin: unknown = null): Y.Doc {
  const ydoc = new Y.Doc();
  writeWorkspace(ydoc, doc, origin);
  return ydoc;
}

/**
 * Makes the shared document hold `next`, changing only what differs from what it holds now, in one transaction
 * (so one undo step for the person's Y.UndoManager, which tracks `origin`).
 */
export function writeWorkspace(ydoc: Y.Doc, next: WorkspaceDocument, origin: unknown = null): void {
  ydoc.transact(() => {
    const meta = ydoc.getMap<unknown>('meta');
    const metaFields: JsonRecord = {};
    for (const [key, value] of Object.entries(next)) if (!STRUCTURED_FIELDS.has(key)) metaFields[key] = value;
    writeFields(meta, metaFields);
    const { stages: _stages, ...agendaFields } = next.agenda;
    writeFields(ydoc.getMap<unknown>('agenda'), agendaFields);
    writeFields(ydoc.getMap<unknown>('voting'), next.voting);
    for (const collection of COLLECTIONS) writeCollection(ydoc, collection, recordsOf(next, collection));
  }, origin);
}

/**
 * Adds one record at the end of its collection, and stamps the document's `updatedAt`: the same change as
 * writeWorkspace with the record appended, without comparing the rest of the document. For a caller that knows it
 * is adding (the live soak's simulated participants, who would otherwise spend the shared machine re-reading the
 * whole document for every edit, as each one's own laptop would).
 */
export function addRecord(ydoc: Y.Doc, collection: Collection, record: JsonRecord, updatedAt: string, origin: unknown = null): void {
  ydoc.transact(() => {
    const fields = new Y.Map<unknown>();
    const key = keyOf(collection, record);
    recordMap(ydoc, collection).set(key, fields);
    writeFields(fields, record, collection === 'painPoints' ? { quotes: true } : undefined);
    orderArray(ydoc, collection).push([key]);
    ydoc.getMap<unknown>('meta').set('updatedAt', updatedAt);
  }, origin);
}

function writeCollection(ydoc: Y.Doc, collection: Collection, records: readonly JsonRecord[]): void {
  const map = recordMap(ydoc, collection);
  const wanted = new Map<string, JsonRecord>();
  for (const record of records) wanted.set(keyOf(collection, record), record);
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const [key, record] of wanted) {
    let fields = map.get(key);
    if (!(fields instanceof Y.Map)) {
      fields = new Y.Map<unknown>();
      map.set(key, fields);
    }
    writeFields(fields, record, collection === 'painPoints' ? { quotes: true } : undefined);
  }
  writeOrder(orderArray(ydoc, collection), [...wanted.keys()]);
}

/** Sets the fields that changed and deletes the ones that went; `arrays` names fields held as a Y.Array. */
function writeFields(target: Y.Map<unknown>, record: JsonRecord, arrays?: { readonly [field: string]: true }): void {
  for (const key of [...target.keys()]) if (!(key in record) || record[key] === undefined) target.delete(key);
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (arrays?.[key] && Array.isArray(value)) {
      let list = target.get(key);
      if (!(list instanceof Y.Array)) {
        list = new Y.Array<unknown>();
        target.set(key, list);
      }
      writeList(list as Y.Array<unknown>, value);
    } else if (!jsonEqual(target.get(key), value)) {
      target.set(key, cloneJson(value));
    }
  }
}

/**
 * Makes a Y.Array hold `next` by keeping the common start and end and replacing the middle: adding or removing
 * one quote touches only that quote, so someone else's quote added at the same time stays.
 */
function writeList(list: Y.Array<unknown>, next: readonly unknown[]): void {
  const current = list.toArray();
  let start = 0;
  while (start < current.length && start < next.length && jsonEqual(current[start], next[start])) start += 1;
  let end = 0;
  while (end < current.length - start && end < next.length - start && jsonEqual(current[current.length - 1 - end], next[next.length - 1 - end])) end += 1;
  const removed = current.length - start - end;
  if (removed > 0) list.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) list.insert(start, inserted.map(cloneJson));
}

/**
 * Makes the order array list `keys`. Insertions and removals touch only those ids; a reorder rewrites the
 * array (an id someone else inserts meanwhile still survives, and reading drops repeats).
 */
function writeOrder(order: Y.Array<string>, keys: readonly string[]): void {
  const current = order.toArray();
  const wanted = new Set(keys);
  // Remove what went (and repeats), from the end so indexes stay right.
  const seen = new Set<string>();
  const firstIndex = new Map<string, number>();
  current.forEach((key, index) => {
    if (!firstIndex.has(key)) firstIndex.set(key, index);
  });
  for (let index = current.length - 1; index >= 0; index -= 1) {
    const key = current[index]!;
    if (!wanted.has(key) || firstIndex.get(key) !== index) order.delete(index, 1);
  }
  const kept = order.toArray();
  kept.forEach((key) => seen.add(key));
  const keptInWantedOrder = keys.filter((key) => seen.has(key));
  if (keptInWantedOrder.some((key, i) => key !== kept[i])) {
    // Moved: write the whole order again.
    order.delete(0, order.length);
    order.insert(0, [...keys]);
    return;
  }
  // Only insertions left: each goes after the kept id before it.
  let position = 0;
  for (const key of keys) {
    if (seen.has(key)) {
      position += 1;
    } else {
      order.insert(position, [key]);
      position += 1;
    }
  }
}

/**
 * The document the shared state holds: the same on every replica with the same state, and always valid under
 * the schema, references included (see the rules at the top of this file).
 */
export function readWorkspace(ydoc: Y.Doc): WorkspaceDocument {
  const meta = ydoc.getMap<unknown>('meta').toJSON();
  const raw: JsonRecord = { ...meta, format: FORMAT_ID, version: typeof meta.version === 'number' ? meta.version : CURRENT_VERSION };
  for (const collection of COLLECTIONS) {
    if (collection === 'stages') continue;
    raw[collection] = readCollection(ydoc, collection);
  }
  // A session's state folder from before snapshots had a collection holds them in meta: read them from there
  // until the host writes the document, which moves them.
  if ((raw.snapshots as unknown[]).length === 0 && Array.isArray(meta.snapshots)) raw.snapshots = meta.snapshots;
  const agendaFields = ydoc.getMap<unknown>('agenda').toJSON();
  const agenda = agendaSchema.safeParse({ ...agendaFields, stages: readCollection(ydoc, 'stages') });
  raw.agenda = agenda.success ? agenda.data : agendaSchema.parse({ stages: readCollection(ydoc, 'stages') });
  const voting = votingSchema.safeParse(ydoc.getMap<unknown>('voting').toJSON());
  raw.voting = voting.success ? voting.data : votingSchema.parse({});
  const doc = fastValidate(raw) ?? parseOrDropFields(raw);
  return settleReferences(doc);
}

/** The records of a collection in their shared order, each valid under its schema (the others are left out). */
function readCollection(ydoc: Y.Doc, collection: Collection): JsonRecord[] {
  const map = recordMap(ydoc, collection);
  const schema = RECORD_SCHEMAS[collection];
  // Inside a transaction its changes are not forgotten yet: read everything afresh then, and keep nothing.
  const cache = ydoc._transaction === null ? recordCacheOf(ydoc) : null;
  const keys: string[] = [];
  const listed = new Set<string>();
  for (const key of orderArray(ydoc, collection)) {
    if (listed.has(key) || !map.has(key)) continue;
    listed.add(key);
    keys.push(key);
  }
  // Records whose id the order does not list yet (it arrives in the same update, but a tampered one may not):
  // after the others, by key, the same on every replica.
  const unlisted = [...map.keys()].filter((key) => !listed.has(key)).sort();
  const records: JsonRecord[] = [];
  for (const key of [...keys, ...unlisted]) {
    const fields = map.get(key);
    if (!(fields instanceof Y.Map)) continue;
    let read = cache?.get(fields);
    if (read === undefined) {
      read = readRecord(collection, key, fields, schema);
      cache?.set(fields, read);
    }
    if (read !== null) records.push(read);
  }
  return records;
}

function readRecord(collection: Collection, key: string, fields: Y.Map<unknown>, schema: (typeof RECORD_SCHEMAS)[Collection]): JsonRecord | null {
  const record = fields.toJSON();
  if (collection !== 'ballots') record.id = key;
  else if (keyOf('ballots', record) !== key) return null;
  const checked = schema.safeParse(record);
  return checked.success ? checked.data : null;
}

/*
 * Each record as last read, by its Y.Map, so that reading the document after a change reads again only the records
 * the change touched (a live session reads the whole document for every change, on the host to judge it and on
 * every laptop to show it; at a thousand pain points reading them all is most of the cost). A record's Y.Map is
 * its for good (Yjs never moves a type to another key), so its key is part of what is kept. Every transaction
 * forgets the records it changed: the types it changed and all their parents up to the record (a quote's list
 * is inside its pain point), before any observer of the transaction runs (an observer may read the document).
 * Records read are shared between reads: documents are never changed in place.
 */
type RecordCache = WeakMap<object, JsonRecord | null>;
const recordCaches = new WeakMap<Y.Doc, RecordCache>();

function recordCacheOf(ydoc: Y.Doc): RecordCache {
  let cache = recordCaches.get(ydoc);
  if (cache) return cache;
  const created: RecordCache = new WeakMap();
  ydoc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      for (let current: { _item: Y.Item | null } | null = type; current !== null; current = (current._item?.parent as { _item: Y.Item | null } | undefined) ?? null) {
        created.delete(current);
      }
    }
  });
  recordCaches.set(ydoc, created);
  cache = created;
  return cache;
}

/** The document fields left in meta that do not fit (a tampered title, say) fall back to their defaults. */
function parseOrDropFields(raw: JsonRecord): WorkspaceDocument {
  const whole = workspaceSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const cleaned: JsonRecord = { ...raw };
  for (const issue of whole.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !STRUCTURED_FIELDS.has(field) && field !== 'format' && field !== 'version') delete cleaned[field];
  }
  return workspaceSchema.parse(cleaned);
}

function cloneJson<T>(value: T): T {
  return value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as JsonRecord)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as JsonRecord)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as JsonRecord)[k], (b as JsonRecord)[k]));
}

export type { Json };
