import * as Y from 'yjs';
import { agendaSchema, votingSchema, workspaceSchema } from '../../shared/document/schema';
import { ballotKey, COLLECTIONS, RECORD_SCHEMAS, type Collection } from '../../shared/live/workspace-ydoc';

/*
 * Whether a shared document holds only what the binding (shared/live/workspace-ydoc.ts) writes. readWorkspace
 * already reads any state as a valid document, leaving out what does not fit; but what it leaves out would still
 * sit in the shared state, be sent to every participant, persisted, and turn up the day some later version reads
 * it differently. So the host refuses an update that makes the state hold anything the binding could not have
 * written, and the state stays what honest replicas produce.
 *
 * Why this rule, and not "the state reads the same once written back": the state honest replicas reach is not
 * the canonical form of the document it reads. Concurrent edits legitimately leave a pain point attached to a
 * stakeholder someone deleted (reading lets go of it), an id twice in an order array, a participant's dot past
 * the budget. What honest replicas never produce is structural: an unknown root type, a root used as the wrong
 * kind of type, a record that does not pass its schema, a value that is not plain JSON (Yjs can also hold binary,
 * undefined, sub-documents, nested types). Each rule below is closed under merging: the binding writes one Y.Map
 * per record with one valid value per field, and a merge picks, per field, one of the values someone wrote, so
 * a merge of honest states passes as well.
 *
 * The rules:
 *   - the root types are exactly the binding's (BINDING_ROOTS), each used as the kind of type the binding uses;
 *   - meta holds the document's own fields, which parse under the workspace schema, and no collection;
 *   - agenda and voting hold fields that parse under their schemas (agenda without its stages);
 *   - each record is a Y.Map keyed as the binding keys it (its id; a ballot by voter and pain point), whose fields
 *     are plain JSON (a pain point's quotes: a Y.Array of plain JSON), and which parses under its schema;
 *   - an order array holds strings.
 */

/** The binding's collections (shared/live/workspace-ydoc.ts), each a root Map of records and a root Array `<collection>#order`. */
export const BINDING_COLLECTIONS = COLLECTIONS;

/** Root types that are Maps of fields. */
const FIELD_MAPS = ['meta', 'agenda', 'voting'] as const;

/** Every root type the binding writes, and nothing else. */
export const BINDING_ROOTS: ReadonlySet<string> = new Set<string>([...FIELD_MAPS, ...BINDING_COLLECTIONS, ...BINDING_COLLECTIONS.map((c) => `${c}#order`)]);

/** Document fields that have a root of their own and so must not be in meta. */
const NOT_IN_META = new Set<string>([...BINDING_COLLECTIONS.filter((c) => c !== 'stages'), 'agenda', 'voting']);

/** The first thing found in `ydoc` that the binding does not write, in words, or null if there is none. */
export function findShapeProblem(ydoc: Y.Doc): string | null {
  for (const name of ydoc.share.keys()) if (!BINDING_ROOTS.has(name)) return `an unknown root type "${name}"`;
  for (const name of ydoc.share.keys()) {
    const problem = name.endsWith('#order')
      ? orderProblem(ydoc, name)
      : (FIELD_MAPS as readonly string[]).includes(name)
        ? fieldMapProblem(ydoc, name as (typeof FIELD_MAPS)[number])
        : collectionProblem(ydoc, name as Collection);
    if (problem !== null) return problem;
  }
  return null;
}

/** Root types are created by name on first use, so their kind is checked on the raw type before it is cast. */
interface RawType {
  readonly _start: unknown;
  readonly _map: ReadonlyMap<string, unknown>;
}
function usedAsMap(type: RawType): boolean {
  return type._start === null;
}
function usedAsArray(type: RawType): boolean {
  return type._map.size === 0;
}

function orderProblem(ydoc: Y.Doc, name: string): string | null {
  if (!usedAsArray(ydoc.share.get(name)!)) return `"${name}" used as a map`;
  for (const id of ydoc.getArray<unknown>(name).toArray()) if (typeof id !== 'string') return `a non-text id in "${name}"`;
  return null;
}

function fieldMapProblem(ydoc: Y.Doc, name: (typeof FIELD_MAPS)[number]): string | null {
  if (!usedAsMap(ydoc.share.get(name)!)) return `"${name}" used as a list`;
  const fields = ydoc.getMap<unknown>(name);
  for (const [key, value] of fields.entries()) if (!isPlainJson(value)) return `a value that is not plain JSON in ${name}.${key}`;
  const json = fields.toJSON() as Record<string, unknown>;
  switch (name) {
    case 'meta': {
      const misplaced = Object.keys(json).find((key) => NOT_IN_META.has(key));
      if (misplaced !== undefined) return `"${misplaced}" in meta`;
      // The collections are left to their defaults: only meta's own fields are being checked.
      return workspaceSchema.safeParse(json).success ? null : 'document fields that do not pass the schema';
    }
    case 'agenda':
      if ('stages' in json) return '"stages" in agenda';
      return agendaSchema.safeParse({ ...json, stages: [] }).success ? null : 'agenda fields that do not pass the schema';
    case 'voting':
      return votingSchema.safeParse(json).success ? null : 'voting settings that do not pass the schema';
  }
}

function collectionProblem(ydoc: Y.Doc, collection: Collection, keys?: Iterable<string>): string | null {
  if (!usedAsMap(ydoc.share.get(collection)!)) return `"${collection}" used as a list`;
  const records = ydoc.getMap<unknown>(collection);
  for (const key of keys ?? records.keys()) {
    const problem = records.has(key) ? recordProblem(collection, key, records.get(key)) : null;
    if (problem !== null) return problem;
  }
  return null;
}

function recordProblem(collection: Collection, key: string, fields: unknown): string | null {
  const where = `${collection} "${key.slice(0, 80)}"`;
  if (!(fields instanceof Y.Map) || !usedAsMap(fields)) return `${where} that is not a record`;
  for (const [field, value] of (fields as Y.Map<unknown>).entries()) {
    const isQuotes = collection === 'painPoints' && field === 'quotes' && value instanceof Y.Array && usedAsArray(value);
    const plain = isQuotes ? (value as Y.Array<unknown>).toArray().every((quote) => isPlainJson(quote)) : isPlainJson(value);
    if (!plain) return `a value that is not plain JSON in ${where}.${field}`;
  }
  const record = (fields as Y.Map<unknown>).toJSON() as Record<string, unknown>;
  if (collection === 'ballots') {
    if (typeof record.participantId !== 'string' || typeof record.painPointId !== 'string') return `${where} that does not pass the schema`;
    if (ballotKey(record as { participantId: string; painPointId: string }) !== key) return `${where} under the wrong key`;
  } else if ('id' in record && record.id !== key) {
    return `${where} under the wrong key`;
  }
  return RECORD_SCHEMAS[collection].safeParse(collection === 'ballots' ? record : { ...record, id: key }).success ? null : `${where} that does not pass the schema`;
}

/**
 * findShapeProblem for a state that had none before the transactions that changed `changed` (their
 * `transaction.changed`): only what they touched is checked, the records whose fields (or quotes) changed and the
 * root types they changed, so judging an update costs what the update touches, not the size of the document.
 */
export function findShapeProblemIn(ydoc: Y.Doc, changed: Y.Transaction['changed']): string | null {
  for (const name of ydoc.share.keys()) if (!BINDING_ROOTS.has(name)) return `an unknown root type "${name}"`;
  /** Per root type: the records to check, or 'all' when the root itself changed in a way only a full check covers. */
  const touched = new Map<string, Set<string> | 'all'>();
  const touch = (root: string, key: string | null) => {
    const keys = touched.get(root);
    if (keys === 'all') return;
    if (key === null) touched.set(root, 'all');
    else touched.set(root, (keys ?? new Set<string>()).add(key));
  };
  for (const [type, keys] of changed) {
    let current: RawType & { readonly _item: Y.Item | null } = type;
    let keyUnderRoot: string | null = null;
    while (current._item !== null) {
      keyUnderRoot = current._item.parentSub;
      const parent: unknown = current._item.parent;
      if (!(parent instanceof Y.AbstractType)) return 'a type with no parent';
      current = parent as typeof current;
    }
    const root = Y.findRootTypeKey(current as typeof type);
    if (current === type) for (const key of keys) touch(root, key);
    else touch(root, keyUnderRoot);
  }
  for (const [name, keys] of touched) {
    const problem = name.endsWith('#order')
      ? orderProblem(ydoc, name)
      : (FIELD_MAPS as readonly string[]).includes(name)
        ? fieldMapProblem(ydoc, name as (typeof FIELD_MAPS)[number])
        : collectionProblem(ydoc, name as Collection, keys === 'all' ? undefined : keys);
    if (problem !== null) return problem;
  }
  return null;
}

/** null, booleans, finite numbers, text, and arrays and plain objects of them: what a JSON file can hold. */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
  if (typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value as Record<string, unknown>).every((item) => isPlainJson(item, depth + 1));
}
