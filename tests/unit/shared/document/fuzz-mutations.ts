/*
 * Seeded generator of hostile workspace files for fuzz-hostile-files.test.ts (issue 11).
 *
 * Every case is a function of (seed, index) alone, so one failing case is reproduced without generating the
 * ones before it. A case starts from a valid workspace (the shipped sample, or a small generated one full of
 * multi-byte text), applies one kind of mutation, and yields the BYTES of a file, because several kinds
 * (truncation inside a character, invalid UTF-8, UTF-16/32) only exist below the level of text. Each case also
 * says what the app must do with it (accept, refuse, or either) and, where the mutation is specific enough,
 * which words a refusal must use, so that "the message names the problem" is checked, not just "a message".
 *
 * Values JSON.stringify cannot write (1e999, -0, duplicate keys, an own "__proto__" key, a 200,000-item list
 * built as text) go in as raw text through markers (see RawText).
 */
import { MAX_LONG_TEXT, MAX_SHORT_TEXT, RELATIONSHIP_STATUSES, SOLUTION_STATUSES, STAKEHOLDER_KINDS } from '../../../../shared/document/format';
import { TRANSIENT_EDGE_KEYS, TRANSIENT_NODE_KEYS } from '../../../../shared/document/serialize';
import { seededRandom } from '../../../../shared/operations/seeded-random';

// ----- seeded randomness ----------------------------------------------------------------------------------------

export interface Random {
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** A seeded generator (see shared/operations/seeded-random.ts) with the helpers the mutations use. */
export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
  };
}

/** The seed of one case: a hash of (seed, index), so neighbouring indexes get unrelated sequences. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ----- the cases ---------------------------------------------------------------------------------------------------

/** The variants of each mutation kind. The test checks that every one of them was generated. */
export const VARIANTS = {
  truncation: ['at a random byte', 'inside a multi-byte character', 'in the last 40 bytes', 'in the first 3 bytes'],
  typeFlip: ['one field', 'several fields', 'a whole collection', 'the top level', "the other side's view of a relationship", 'a snapshot'],
  hugeArray: ['50,000–200,000 numbers in quotes', '50,000–60,000 {} in stakeholders', '50,000–200,000 numbers in addresses', '50,000–200,000 {} in attachedTo', 'up to 3,000 wrong items in a list'],
  deepNesting: ['lists in an unknown property', 'objects in an unknown property', 'lists in a known field', '100,000 levels', 'the workspace inside deep lists', 'deep but allowed (at most 60 levels)'],
  duplicateKeys: ['a text key again before it (file value kept)', 'a text key again after it (duplicate wins)', 'a text key hundreds of times', 'an id key again after it', 'format or version again', 'a collection again'],
  prototypeKeys: ['__proto__', 'constructor', 'prototype', 'several at once', 'other Object.prototype names'],
  invalidUtf8: ['0xFF or 0xFE byte', 'lone continuation byte', 'overlong encoding', 'encoded surrogate (CESU-8)', 'beyond U+10FFFF', 'lead byte without its continuation', 'Latin-1 text'],
  foreignEncoding: [
    'UTF-16 LE with byte order mark',
    'UTF-16 LE without byte order mark',
    'UTF-16 BE with byte order mark',
    'UTF-16 BE without byte order mark',
    'UTF-32 LE with byte order mark',
    'UTF-32 LE without byte order mark',
    'UTF-32 BE with byte order mark',
    'UTF-32 BE without byte order mark',
    'UTF-8 with byte order mark',
  ],
  loneSurrogate: ['escaped in a text field', 'escaped in an id or a fixed word', 'escaped in a key', 'escaped pair in the wrong order', 'raw (WTF-8 bytes) in a text field'],
  controlCharacters: [
    'raw C0 inside a string',
    'raw DEL, C1 or bidi override inside a string',
    'raw between tokens',
    'raw at the start of the file',
    'escaped in a fixed word (kind, status, type)',
    'escaped in a text field',
    'escaped in an id used twice',
    'escaped in the format value',
  ],
  longStrings: ['short text over the limit', 'short text at the limit', 'long text over the limit', 'long text at the limit', 'megabytes in an unknown property', 'long text within the limit'],
  manyIds: ['an id used twice in one collection', 'thousands of items with one id', 'thousands of unique ids', 'one id in different collections', 'ids that differ only in case or Unicode form'],
  danglingReferences: ['relationship source', 'relationship target', 'attachedTo a stakeholder', 'attachedTo a relationship', 'solution addresses', 'attachedTo with the other type', 'thousands of dangling references'],
  unknownKeys: ['1e999 in an unknown property', '1e999 in a known field', '-0 in an unknown property', 'nested unknown values', 'odd key names', 'an unknown property on every item'],
} as const satisfies Record<string, readonly string[]>;

export type MutationKind = keyof typeof VARIANTS;
export const MUTATION_KINDS = Object.keys(VARIANTS) as MutationKind[];

export type Expectation = 'accept' | 'refuse' | 'either';

export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  readonly kind: MutationKind;
  readonly variant: string;
  readonly base: 'sample' | 'generated';
  /** What was done, for a failure report (`stakeholders[2].kind = "\u0085"`). */
  readonly detail: string;
  /** The file, byte for byte. */
  readonly bytes: Uint8Array;
  readonly expect: Expectation;
  /** A refusal's words (main's reason, or the summary and details of the parse error) must match this. */
  readonly names?: RegExp;
  /** An accepted file must report at least one dangling reference. */
  readonly dangling?: boolean;
  /** A key this file writes twice in one object: an accepted file must tell the user about it. */
  readonly duplicateKey?: string;
  /** An accepted file's saved text must hold this many `"__proto__"`, `"constructor"` and `"prototype"` keys. */
  readonly prototypeKeys?: number;
}

/** The kind of case `index` is: round robin, so every kind gets the same share of any run of cases. */
export const kindOf = (index: number): MutationKind => MUTATION_KINDS[index % MUTATION_KINDS.length] as MutationKind;

/** Words a refusal of a truncated file must use. */
export const SAYS_TRUNCATED = /truncat|cut short|ends too early|ends in the middle|incomplete/i;

/** Generates case `index` of the run seeded `seed`. Pure: the same arguments always give the same bytes. */
export function generateCase(seed: number, index: number, sampleText: string): FuzzCase {
  const random = createRandom(caseSeed(seed, index));
  const kind = kindOf(index);
  // How many cases of this kind came before: schedules the few expensive variants at fixed intervals.
  const ordinal = Math.floor(index / MUTATION_KINDS.length);
  const useSample = random.chance(0.35);
  const doc = useSample ? (JSON.parse(sampleText) as Obj) : smallWorkspace(random);
  const context: Context = { random, doc, raw: new RawText(), ordinal, indent: random.pick(INDENTS), sampleText: useSample ? sampleText : null };
  const made = MUTATORS[kind](context);
  return { seed, index, kind, base: useSample ? 'sample' : 'generated', ...made };
}

// ----- building blocks ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
type Made = Omit<FuzzCase, 'seed' | 'index' | 'kind' | 'base'>;

interface Context {
  readonly random: Random;
  readonly doc: Obj;
  readonly raw: RawText;
  readonly ordinal: number;
  readonly indent: string | number;
  /** The sample's text as shipped, when the case starts from the sample (truncation cuts that file itself). */
  readonly sampleText: string | null;
}

const INDENTS: ReadonlyArray<string | number> = [0, 2, 2, '\t'];
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Raw JSON text in a document that JSON.stringify then writes: a value (`value()` returns a marker string to put
 * where the value goes) or a whole member (`member()` adds a marker key to an object). render() swaps them in.
 */
class RawText {
  private readonly values = new Map<string, string>();
  private readonly members = new Map<string, string>();
  private count = 0;

  value(text: string): string {
    const marker = `@@fuzz-value-${this.count++}@@`;
    this.values.set(marker, text);
    return marker;
  }

  member(target: Obj, text: string): void {
    const marker = `@@fuzz-member-${this.count++}@@`;
    target[marker] = marker;
    this.members.set(marker, text);
  }

  render(root: unknown, indent: string | number): string {
    let text = JSON.stringify(root, null, indent);
    for (const [marker, member] of this.members) {
      const found = new RegExp(`"${marker}":\\s*"${marker}"`).exec(text);
      if (!found) throw new Error(`fuzz generator: member marker ${marker} not found`);
      text = text.slice(0, found.index) + member + text.slice(found.index + found[0].length);
    }
    for (const [marker, value] of this.values) {
      const at = text.indexOf(`"${marker}"`);
      if (at === -1) throw new Error(`fuzz generator: value marker ${marker} not found`);
      text = text.slice(0, at) + value + text.slice(at + marker.length + 2);
    }
    return text;
  }
}

const WORDS = [
  'Legal',
  'Brand',
  'Social media team',
  'Customer service',
  'Données clients',
  'Marketing — EMEA',
  '法务部',
  'Ærø office',
  'Équipe presse',
  '🚀 Growth',
  'Zoë',
  'naïve café',
  'İstanbul desk',
  'Ωmega',
  'Straße',
  '👩🏽‍💻 Dev relations',
  'Агентство',
  'שיווק',
];
const ISO = ['2026-11-22T10:00:00.000Z', '2026-03-12T09:30:00+01:00', '2025-01-01T00:00:00Z'];
const COLORS = ['#1971c2', '#e67700', '#2b8a3e', 'tomato'];
const CATEGORY_IDS = ['workflows', 'roles', 'processes', 'governance', 'infrastructure', 'knowledge-training'];

function phrase(random: Random): string {
  const words = Array.from({ length: random.int(1, 3) }, () => random.pick(WORDS));
  return words.join(' ');
}

/**
 * A small valid workspace: up to 8 stakeholders, 10 relationships, 6 pain points and 4 solutions whose
 * references all resolve, optional fields sometimes left out (the parser fills defaults), multi-byte text
 * everywhere (so a cut lands inside characters of 2, 3 and 4 bytes), sometimes properties another tool added.
 */
export function smallWorkspace(random: Random): Obj {
  const stakeholders = Array.from({ length: random.int(0, 8) }, (_, i): Obj => {
    const s: Obj = {
      id: random.chance(0.5) ? `s-${i}` : `s-${random.pick(['légal', 'brand', '社', 'x'])}-${i}`,
      name: phrase(random),
      kind: random.pick(STAKEHOLDER_KINDS),
      position: { x: random.int(-2000, 2000) + (random.chance(0.3) ? 0.5 : 0), y: random.int(-2000, 2000) },
    };
    if (random.chance(0.7)) s.influence = random.int(1, 5);
    if (random.chance(0.7)) s.interest = random.int(1, 5);
    if (random.chance(0.5)) s.owner = random.pick(['', 'Zoë', 'Priya', '佐藤']);
    if (random.chance(0.5)) s.notes = random.chance(0.5) ? '' : `${phrase(random)}.\nSecond line — with a tab\there.`;
    if (random.chance(0.5)) s.color = random.chance(0.5) ? null : random.pick(COLORS);
    if (random.chance(0.1)) s['x-crm'] = { id: `C-${i}`, tags: ['a', 'ü'] };
    return s;
  });
  const relationships: Obj[] = [];
  if (stakeholders.length > 0) {
    for (let i = 0, n = random.int(0, 10); i < n; i++) {
      const r: Obj = { id: `r-${i}`, source: random.pick(stakeholders).id, target: random.pick(stakeholders).id };
      if (random.chance(0.8)) r.status = random.pick(RELATIONSHIP_STATUSES);
      if (random.chance(0.6)) r.label = random.chance(0.3) ? '' : phrase(random);
      if (random.chance(0.3)) r.notes = phrase(random);
      // How the other side sees it (new in format version 3): another tool may have written it into an older file too.
      if (random.chance(0.2)) r.otherSide = random.chance(0.3) ? null : otherSideView(random);
      relationships.push(r);
    }
  }
  const categories: Obj[] | undefined = random.chance(0.5)
    ? undefined
    : Array.from({ length: random.int(1, 4) }, (_, i) => ({ id: `c-${i}`, name: phrase(random), color: random.pick(COLORS) }));
  const categoryIds = categories ? categories.map((c) => c.id as string) : CATEGORY_IDS;
  const painPoints = Array.from({ length: random.int(0, 6) }, (_, i): Obj => {
    const p: Obj = { id: `p-${i}`, title: phrase(random) };
    if (random.chance(0.5)) p.description = phrase(random);
    if (random.chance(0.8)) p.categoryId = random.chance(0.9) ? random.pick(categoryIds) : '';
    if (random.chance(0.7)) p.quotes = Array.from({ length: random.int(0, 3) }, () => `“${phrase(random)}”`);
    const targets = [
      ...stakeholders.map((s) => ({ type: 'stakeholder', id: s.id })),
      ...relationships.map((r) => ({ type: 'relationship', id: r.id })),
    ];
    if (random.chance(0.7) && targets.length > 0) p.attachedTo = Array.from({ length: random.int(0, 2) }, () => ({ ...random.pick(targets) }));
    if (random.chance(0.7)) p.votes = random.int(0, 20);
    return p;
  });
  const solutions = Array.from({ length: random.int(0, 4) }, (_, i): Obj => {
    const s: Obj = { id: `x-${i}`, title: phrase(random) };
    if (random.chance(0.5)) s.description = phrase(random);
    if (random.chance(0.7) && painPoints.length > 0) s.addresses = Array.from({ length: random.int(0, 3) }, () => random.pick(painPoints).id);
    if (random.chance(0.7)) s.status = random.pick(SOLUTION_STATUSES);
    if (random.chance(0.5)) s.owner = random.pick(['', 'Head of Social', 'Ærø']);
    if (random.chance(0.6)) s.impact = random.int(1, 5);
    if (random.chance(0.6)) s.effort = random.int(1, 5);
    return s;
  });
  const doc: Obj = { format: 'stakemap', version: 1 };
  // The title always has a multi-byte character, so every base has one for a cut to land inside.
  doc.title = `${phrase(random)} — ${random.pick(['atelier', 'workshop 🚀', 'Workshop ü'])}`;
  if (random.chance(0.7)) doc.createdAt = random.pick(ISO);
  if (random.chance(0.7)) doc.updatedAt = random.pick(ISO);
  doc.stakeholders = stakeholders;
  doc.relationships = relationships;
  doc.painPoints = painPoints;
  doc.solutions = solutions;
  if (categories) doc.categories = categories;
  if (random.chance(0.7)) doc.viewport = { x: random.int(-500, 500), y: random.int(-500, 500), zoom: random.pick([0.25, 0.5, 1, 1.5, 2]) };
  if (random.chance(0.15)) doc['x-otherTool'] = { version: 2, history: [{ at: random.pick(ISO), note: phrase(random) }] };
  // Snapshots (format version 4): another tool may have written them into an older file too, and the migration
  // keeps them. Each holds its own copy of part of the map, as it was.
  if (random.chance(0.25)) doc.snapshots = Array.from({ length: random.int(1, 2) }, (_, i) => snapshotOf(random, `snap-${i}`, stakeholders, relationships, painPoints));
  return doc;
}

/**
 * A snapshot of part of a map, in the current form (a snapshot is never migrated: quotes are objects, votes a
 * tally), lists sometimes left out (the parser fills defaults). Its records are copies, never the map's objects:
 * a mutation of the map must not reach the snapshot.
 */
function snapshotOf(random: Random, id: string, stakeholders: readonly Obj[], relationships: readonly Obj[], painPoints: readonly Obj[]): Obj {
  const some = <T>(items: readonly T[]) => items.filter(() => random.chance(0.6));
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const state: Obj = {};
  if (random.chance(0.9)) state.stakeholders = copy(some(stakeholders));
  if (random.chance(0.7)) state.relationships = copy(some(relationships));
  if (random.chance(0.6)) {
    state.painPoints = some(painPoints).map(({ votes, quotes, ...p }) => ({
      ...copy(p),
      ...(votes === undefined ? {} : { tally: votes }),
      ...(Array.isArray(quotes) ? { quotes: quotes.map((text) => ({ text, voice: null })) } : {}),
    }));
  }
  if (random.chance(0.3)) state.categories = [{ id: 'c-then', name: phrase(random), color: random.pick(COLORS) }];
  if (random.chance(0.2)) state['x-view'] = { zoom: random.pick([0.5, 1, 2]) };
  const snapshot: Obj = { id, name: random.chance(0.2) ? '' : phrase(random), takenAt: random.pick(ISO), state };
  if (random.chance(0.15)) snapshot['x-by'] = random.pick(['P1', 'Zoë', '佐藤']);
  return snapshot;
}

/** A recorded view of the other side of a relationship, notes and another tool's properties sometimes left out. */
function otherSideView(random: Random): Obj {
  const view: Obj = { status: random.pick(RELATIONSHIP_STATUSES) };
  if (random.chance(0.6)) view.notes = random.chance(0.3) ? '' : phrase(random);
  if (random.chance(0.15)) view['x-asked'] = { by: random.pick(['P1', 'P3', 'Zoë']), at: random.pick(ISO) };
  return view;
}

/**
 * Values for a relationship's `otherSide`, with what the app must do with them and, for a refusal, the field a
 * message must name: null or a view with a known status opens; anything else is refused with its path.
 */
const OTHER_SIDE_VALUES: ReadonlyArray<{ readonly value: () => unknown; readonly expect: Expectation; readonly names?: RegExp }> = [
  { value: () => null, expect: 'accept' },
  { value: () => ({ status: 'strained' }), expect: 'accept' },
  { value: () => ({ status: 'healthy', notes: 'Wir antworten binnen eines Tages — 法务部.' }), expect: 'accept' },
  { value: () => ({ notes: '', 'x-asked': { by: 'P3' }, status: 'problematic' }), expect: 'accept' },
  { value: () => ({ status: 'fine', notes: '' }), expect: 'refuse', names: /otherSide\.status/ },
  { value: () => ({ status: 'Healthy' }), expect: 'refuse', names: /otherSide\.status/ },
  { value: () => ({ notes: 'They were not asked.' }), expect: 'refuse', names: /otherSide\.status/ },
  { value: () => ({ status: null }), expect: 'refuse', names: /otherSide\.status/ },
  { value: () => ({ status: 'neutral', notes: 3 }), expect: 'refuse', names: /otherSide\.notes/ },
  { value: () => ({ status: 'neutral', notes: null }), expect: 'refuse', names: /otherSide\.notes/ },
  { value: () => ({ status: 'neutral', notes: ['a', 'b'] }), expect: 'refuse', names: /otherSide\.notes/ },
  { value: () => 'strained', expect: 'refuse', names: /otherSide/ },
  { value: () => [{ status: 'healthy' }], expect: 'refuse', names: /otherSide/ },
  { value: () => 0, expect: 'refuse', names: /otherSide/ },
  { value: () => ({}), expect: 'refuse', names: /otherSide\.status/ },
];

/**
 * Values for one snapshot (format version 4), with what the app must do with them and, for a refusal, the field a
 * message must name: a snapshot needs an id, a name, a date and time and a state whose records are valid; the
 * references inside a state are history and may point nowhere.
 */
const taken = '2026-11-22T11:00:00.000Z';
const SNAPSHOT_VALUES: ReadonlyArray<{ readonly value: () => unknown; readonly expect: Expectation; readonly names?: RegExp }> = [
  { value: () => ({ id: 'snap-fuzz', name: 'Before the vote', takenAt: taken, state: {} }), expect: 'accept' },
  { value: () => ({ id: 'snap-fuzz', name: '法务部 — avant', takenAt: '2026-03-12T09:30:00+01:00', state: { stakeholders: [{ id: 's-then', name: 'Ærø office', kind: 'external', position: { x: 0.5, y: -3 } }] }, 'x-by': 'P3' }), expect: 'accept' },
  { value: () => ({ id: 'snap-fuzz', name: 'N', takenAt: taken, state: { relationships: [{ id: 'r-then', source: 's-gone', target: 's-never' }], solutions: [{ id: 'x-then', title: 'T', addresses: ['p-gone'] }] } }), expect: 'accept' },
  { value: () => ({ id: 'snap-fuzz', name: 'N', takenAt: taken, state: { categories: [], ballots: [{ participantId: 'pt-gone', painPointId: 'p-gone' }], 'x-zoom': 2 } }), expect: 'accept' },
  { value: () => ({ id: 'snap-fuzz', name: 'N', takenAt: '2026-11-22', state: {} }), expect: 'refuse', names: /snapshots\[\d+\]\.takenAt/ },
  { value: () => ({ id: 'snap-fuzz', name: 'N', state: {} }), expect: 'refuse', names: /snapshots\[\d+\]\.takenAt/ },
  { value: () => ({ id: '', name: 'N', takenAt: taken, state: {} }), expect: 'refuse', names: /snapshots\[\d+\]\.id/ },
  { value: () => ({ id: 'snap-fuzz', takenAt: taken, state: {} }), expect: 'refuse', names: /snapshots\[\d+\]\.name/ },
  { value: () => ({ id: 'snap-fuzz', name: 'N', takenAt: taken }), expect: 'refuse', names: /snapshots\[\d+\]\.state/ },
  { value: () => ({ id: 'snap-fuzz', name: 'N', takenAt: taken, state: [] }), expect: 'refuse', names: /snapshots\[\d+\]\.state/ },
  { value: () => ({ id: 'snap-fuzz', name: 'N', takenAt: taken, state: { stakeholders: [{ id: 's-1', name: 'A', kind: 'dept', position: { x: 0, y: 0 } }] } }), expect: 'refuse', names: /snapshots\[\d+\]\.state\.stakeholders\[0\]\.kind/ },
  { value: () => ({ id: 'snap-fuzz', name: 'N', takenAt: taken, state: { painPoints: [{ id: 'p-1', title: 'T', quotes: ['a version 1 quote'] }] } }), expect: 'refuse', names: /snapshots\[\d+\]\.state\.painPoints\[0\]\.quotes\[0\]/ },
  { value: () => ({ id: 'snap-fuzz', name: 'N', takenAt: taken, state: { categories: [{ id: 'c', name: 'C', color: '#000' }, { id: 'c', name: 'D', color: '#fff' }] } }), expect: 'refuse', names: /already used/ },
  { value: () => 'Before the vote', expect: 'refuse', names: /snapshots\[\d+\]/ },
];

interface Slot {
  readonly parent: Obj | unknown[];
  readonly key: string | number;
  readonly path: string;
}

const childPath = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every value in the document with where it sits (the root itself excluded). Iterative. */
function slotsOf(root: unknown): Slot[] {
  const slots: Slot[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((child, i) => {
        slots.push({ parent: value, key: i, path: childPath(path, i) });
        stack.push({ value: child, path: childPath(path, i) });
      });
    } else if (isObj(value)) {
      for (const key of Object.keys(value)) {
        slots.push({ parent: value, key, path: childPath(path, key) });
        stack.push({ value: value[key], path: childPath(path, key) });
      }
    }
  }
  return slots;
}

/** Every object (not list) in the document, the root included, with its path. */
function objectsOf(root: Obj): Array<{ obj: Obj; path: string }> {
  const found = [{ obj: root, path: '(top level)' }];
  for (const slot of slotsOf(root)) {
    const value = (slot.parent as Record<string | number, unknown>)[slot.key];
    if (isObj(value)) found.push({ obj: value, path: slot.path });
  }
  return found;
}

const setAt = (slot: Slot, value: unknown) => {
  (slot.parent as Record<string | number, unknown>)[slot.key] = value;
};

type Collection = 'stakeholders' | 'relationships' | 'painPoints' | 'solutions' | 'categories';

function itemsOf(doc: Obj, collection: Collection): Obj[] {
  if (!Array.isArray(doc[collection])) doc[collection] = [];
  return doc[collection] as Obj[];
}

/** An item of `collection`, adding a minimal valid one (with what it needs to exist) when there is none. */
/** A fuzzed text field as text: the string itself, or its JSON for anything else a mutation left there. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function someItem(context: Context, collection: Collection): Obj {
  const items = itemsOf(context.doc, collection);
  if (items.length > 0) return context.random.pick(items);
  const n = context.random.int(0, 9999);
  let item: Obj;
  switch (collection) {
    case 'stakeholders':
      item = { id: `s-added-${n}`, name: 'Added', kind: 'department', position: { x: 0, y: 0 } };
      break;
    case 'relationships': {
      const source = someItem(context, 'stakeholders');
      item = { id: `r-added-${n}`, source: source.id, target: source.id };
      break;
    }
    case 'painPoints':
      item = { id: `p-added-${n}`, title: 'Added' };
      break;
    case 'solutions':
      item = { id: `x-added-${n}`, title: 'Added' };
      break;
    case 'categories':
      item = { id: `c-added-${n}`, name: 'Added', color: '#000000' };
      break;
  }
  items.push(item);
  return item;
}

/** A list field of an item, created empty when absent (all of them default to []). */
function listOf(item: Obj, field: string): unknown[] {
  if (!Array.isArray(item[field])) item[field] = [];
  return item[field] as unknown[];
}

/** A JSON string literal of `content` with `escape` (raw JSON escape text such as `\u0085`) inside it. */
const withEscape = (random: Random, content: string, escape: string): string => {
  const at = random.int(0, content.length);
  return `${JSON.stringify(content.slice(0, at)).slice(0, -1)}${escape}${JSON.stringify(content.slice(at)).slice(1)}`;
};

/** Text and its bytes with byte sequences spliced in where `markers` stand. */
function bytesWithSplices(text: string, splices: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  let rest = text;
  for (const [marker, bytes] of splices) {
    const at = rest.indexOf(marker);
    if (at === -1) throw new Error(`fuzz generator: splice marker ${marker} not found`);
    parts.push(utf8.encode(rest.slice(0, at)), bytes);
    rest = rest.slice(at + marker.length);
  }
  parts.push(utf8.encode(rest));
  return concat(parts);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const isValidUtf8 = (bytes: Uint8Array): boolean => {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** How many levels below the root value the deepest object or list in valid JSON text sits (root = 0). */
function maxNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, depth++);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

const render = (context: Context): string => context.raw.render(context.doc, context.indent);
const made = (context: Context, rest: Omit<Made, 'bytes'>, text = render(context)): Made => ({ bytes: utf8.encode(text), ...rest });

/** Fields of each collection that hold free text (no format beyond a length limit). */
const TEXT_FIELDS: Record<Collection, readonly string[]> = {
  stakeholders: ['name', 'owner', 'notes'],
  relationships: ['label', 'notes'],
  painPoints: ['title', 'description'],
  solutions: ['title', 'description', 'owner'],
  categories: ['name'],
};
const COLLECTIONS: readonly Collection[] = ['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories'];

// ----- the mutations ---------------------------------------------------------------------------------------------

function truncation(context: Context): Made {
  const { random } = context;
  const text = context.sampleText !== null && random.chance(0.3) ? context.sampleText : render(context);
  const bytes = utf8.encode(text);
  const variant = random.pick(VARIANTS.truncation);
  let cut: number;
  switch (variant) {
    case 'inside a multi-byte character': {
      const leads: number[] = [];
      bytes.forEach((b, i) => {
        if (b >= 0xc2) leads.push(i);
      });
      const lead = random.pick(leads);
      const length = bytes[lead]! >= 0xf0 ? 4 : bytes[lead]! >= 0xe0 ? 3 : 2;
      cut = lead + random.int(1, length - 1);
      break;
    }
    case 'in the last 40 bytes':
      cut = Math.max(0, bytes.length - random.int(1, 40));
      break;
    case 'in the first 3 bytes':
      cut = random.int(0, 3);
      break;
    default:
      cut = random.int(0, bytes.length - 1);
  }
  const kept = bytes.subarray(0, cut);
  // Only whitespace after the workspace's closing brace was cut: the file is still whole.
  const whole = text.trimEnd().length <= new TextDecoder().decode(kept).length && isValidUtf8(kept);
  const detail = `cut at byte ${cut} of ${bytes.length}`;
  if (whole) return { variant, detail, bytes: kept, expect: 'accept' };
  return { variant, detail, bytes: kept, expect: 'refuse', names: cut === 0 ? /empty/i : SAYS_TRUNCATED };
}

function otherType(random: Random, value: unknown): unknown {
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const choices: Array<() => unknown> = [
    () => random.pick(['', 'x', 'team', 'problematic', 'stakeholder', '2026-11-22T10:00:00.000Z', 'Zoë 🚀', 's-0', 'p-0']),
    () => random.pick([0, 1, -1, 3, 5.5, 6, 1e308, -2.5e-7, 2 ** 53 + 2]),
    () => null,
    () => random.chance(0.5),
    () => random.pick([{}, { x: 1, y: 2 }, { id: 's-0', type: 'stakeholder' }, { zoom: 1 }]),
    () => random.pick([[], [1, 'a', null], [{}], ['p-0']]),
  ];
  for (;;) {
    const candidate = random.pick(choices)();
    if (typeOf(candidate) !== typeOf(value)) return candidate;
  }
}

function typeFlip(context: Context): Made {
  const { random, doc } = context;
  const variant = random.pick(VARIANTS.typeFlip);
  if (variant === 'the top level') {
    const root = otherType(random, doc);
    const text = JSON.stringify(Array.isArray(root) && random.chance(0.5) ? [doc] : root, null, context.indent);
    return { variant, detail: `top level = ${text.slice(0, 60)}`, bytes: utf8.encode(text), expect: 'refuse', names: /Stakemap/ };
  }
  if (variant === "the other side's view of a relationship") {
    const relationship = someItem(context, 'relationships');
    const choice = random.pick(OTHER_SIDE_VALUES);
    relationship.otherSide = choice.value();
    return made(context, { variant, detail: `relationships[${itemsOf(doc, 'relationships').indexOf(relationship)}].otherSide = ${JSON.stringify(relationship.otherSide)}`, expect: choice.expect, ...(choice.names ? { names: choice.names } : {}) });
  }
  if (variant === 'a snapshot') {
    if (!Array.isArray(doc.snapshots)) doc.snapshots = [];
    const snapshots = doc.snapshots as unknown[];
    // In the place of one the file has, or added.
    const at = snapshots.length > 0 && random.chance(0.5) ? random.int(0, snapshots.length - 1) : snapshots.length;
    const choice = random.pick(SNAPSHOT_VALUES);
    snapshots[at] = choice.value();
    return made(context, { variant, detail: `snapshots[${at}] = ${JSON.stringify(snapshots[at]).slice(0, 200)}`, expect: choice.expect, ...(choice.names ? { names: choice.names } : {}) });
  }
  const slots =
    variant === 'a whole collection'
      ? slotsOf(doc).filter((s) => s.parent === doc && (COLLECTIONS as readonly string[]).concat(['viewport', 'title', 'version', 'format']).includes(String(s.key)))
      : slotsOf(doc);
  const flips: string[] = [];
  for (let i = 0, n = variant === 'several fields' ? random.int(2, 5) : 1; i < n && slots.length > 0; i++) {
    const slot = random.pick(slots);
    const value = otherType(random, (slot.parent as Record<string | number, unknown>)[slot.key]);
    setAt(slot, value);
    flips.push(`${slot.path} = ${JSON.stringify(value)}`);
  }
  return made(context, { variant, detail: flips.join('; '), expect: 'either' });
}

/** `[item,item,…]` with `count` items, as text (building 200,000 objects only to stringify them is slow). */
const repeatedList = (item: string, count: number) => `[${`${item},`.repeat(count - 1)}${item}]`;

function hugeArray(context: Context): Made {
  const { random, raw } = context;
  // A few of the expensive ones (every 25th case of this kind): they are the ones that made parsing throw RangeError.
  const heavy = context.ordinal % 25 === 0;
  const variant = heavy ? VARIANTS.hugeArray[(context.ordinal / 25) % 4]! : VARIANTS.hugeArray[4];
  const count = random.int(50_000, 200_000);
  switch (variant) {
    case '50,000–200,000 numbers in quotes':
      someItem(context, 'painPoints').quotes = raw.value(repeatedList('1', count));
      return made(context, { variant, detail: `${count} numbers in a pain point's quotes`, expect: 'refuse', names: /quotes/ });
    case '50,000–60,000 {} in stakeholders': {
      // Capped lower than the others: today each {} costs several zod issues (1,000,000 took 32 s and 3 GB).
      const objects = random.int(50_000, 60_000);
      context.doc.stakeholders = raw.value(repeatedList('{}', objects));
      return made(context, { variant, detail: `${objects} {} in stakeholders`, expect: 'refuse', names: /stakeholders/ });
    }
    case '50,000–200,000 numbers in addresses':
      someItem(context, 'solutions').addresses = raw.value(repeatedList('1', count));
      return made(context, { variant, detail: `${count} numbers in a solution's addresses`, expect: 'refuse', names: /addresses/ });
    case '50,000–200,000 {} in attachedTo':
      someItem(context, 'painPoints').attachedTo = raw.value(repeatedList('{}', count));
      return made(context, { variant, detail: `${count} {} in a pain point's attachedTo`, expect: 'refuse', names: /attachedTo/ });
    default: {
      const lists: Array<{ name: string; list: () => unknown[]; wrong: readonly unknown[] }> = [
        { name: 'stakeholders', list: () => itemsOf(context.doc, 'stakeholders'), wrong: [1, 'x', null, {}, [], { id: 's' }] },
        { name: 'relationships', list: () => itemsOf(context.doc, 'relationships'), wrong: [1, 'x', null, {}, [], { id: 'r', source: 1 }] },
        { name: 'painPoints', list: () => itemsOf(context.doc, 'painPoints'), wrong: [1, true, null, {}, [{}]] },
        { name: 'solutions', list: () => itemsOf(context.doc, 'solutions'), wrong: [1, 'x', null, { title: 'no id' }] },
        { name: 'categories', list: () => itemsOf(context.doc, 'categories'), wrong: [0, '', null, { id: 'c' }] },
        { name: 'quotes', list: () => listOf(someItem(context, 'painPoints'), 'quotes'), wrong: [1, null, {}, [], false] },
        { name: 'addresses', list: () => listOf(someItem(context, 'solutions'), 'addresses'), wrong: [1, '', null, {}, ['p-0']] },
        { name: 'attachedTo', list: () => listOf(someItem(context, 'painPoints'), 'attachedTo'), wrong: [1, 'x', {}, { type: 'team', id: 's' }, { type: 'stakeholder' }] },
      ];
      const target = random.pick(lists);
      const list = target.list();
      const wrongCount = random.int(1, 3000);
      for (let i = 0; i < wrongCount; i++) list.splice(random.int(0, list.length), 0, structuredClone(random.pick(target.wrong)));
      return made(context, { variant, detail: `${wrongCount} wrong items in ${target.name}`, expect: 'refuse', names: new RegExp(target.name) });
    }
  }
}

function deepNesting(context: Context): Made {
  const { random, raw, doc } = context;
  const veryDeep = context.ordinal % 50 === 0;
  const variant = veryDeep ? '100,000 levels' : random.pick(VARIANTS.deepNesting.filter((v) => v !== '100,000 levels'));
  const depth = veryDeep ? 100_000 : variant === 'deep but allowed (at most 60 levels)' ? random.int(10, 60) : random.int(101, 3_000);
  const asObjects = variant === 'objects in an unknown property' || (veryDeep && context.ordinal % 100 === 0);
  const nested = asObjects ? `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (variant === 'the workspace inside deep lists') {
    const text = `${'['.repeat(depth)}${render(context)}${']'.repeat(depth)}`;
    return { variant, detail: `workspace inside ${depth} lists`, bytes: utf8.encode(text), expect: 'refuse', names: /Stakemap/ };
  }
  if (variant === 'lists in a known field') {
    const field = random.pick(['position', 'attachedTo', 'quotes', 'viewport', 'stakeholders']);
    if (field === 'stakeholders') doc.stakeholders = raw.value(`[${nested}]`);
    else if (field === 'viewport') doc.viewport = raw.value(nested);
    else someItem(context, field === 'position' ? 'stakeholders' : 'painPoints')[field] = raw.value(nested);
    return made(context, { variant, detail: `${depth} levels in ${field}`, expect: 'refuse' });
  }
  const { obj, path } = random.pick(objectsOf(doc));
  raw.member(obj, `"x-deep":${nested}`);
  const text = render(context);
  const levels = maxNesting(text);
  // The limit is 100 levels below the top (parse.ts); well under it must open, over it must be refused.
  const expect: Expectation = levels > 100 ? 'refuse' : levels <= 64 ? 'accept' : 'either';
  return made(context, { variant, detail: `${depth} levels under ${path} (deepest value at level ${levels})`, expect, ...(expect === 'refuse' ? { names: /nest|deep|level/i } : {}) }, text);
}

/** Indexes just after a `:` `,` `[` or `{` outside strings: where a character lands between two tokens. */
function positionsBetweenTokens(text: string): number[] {
  const positions: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a || c === 0x2c || c === 0x5b || c === 0x7b) positions.push(i + 1);
  }
  return positions;
}

/** Where a JSON string starting at `start` (its opening quote) ends: the index after its closing quote. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return text.length;
}

function duplicateKeys(context: Context): Made {
  const { random } = context;
  const variant = random.pick(VARIANTS.duplicateKeys);
  // Pain points always have a title, and the workspace a title: some text key exists in every base.
  someItem(context, 'painPoints');
  // The collection written again must be in the file already (a generated base may leave categories out).
  const collection = random.pick(COLLECTIONS);
  itemsOf(context.doc, collection);
  const text = render(context);
  const insert = (at: number, member: string): string => `${text.slice(0, at)}${member}${text.slice(at)}`;
  const top = { start: text.indexOf('{') + 1, end: text.lastIndexOf('}') };
  switch (variant) {
    case 'format or version again': {
      const [key, value, refusal] = random.chance(0.5) ? ['format', '"not-stakemap"', /Stakemap|format/] : ['version', '99', /version/];
      const before = random.chance(0.5);
      const out = before ? insert(top.start, `"${key}":${value},`) : insert(top.end, `,"${key}":${value}`);
      // JSON.parse keeps the last value: the file's own comes last when the duplicate is put before it.
      return { variant, detail: `"${key}":${value} ${before ? 'first' : 'last'}`, bytes: utf8.encode(out), expect: before ? 'accept' : 'refuse', duplicateKey: key, ...(before ? {} : { names: refusal }) };
    }
    case 'a collection again': {
      const key = collection;
      const before = random.chance(0.5);
      const out = before ? insert(top.start, `"${key}":[],`) : insert(top.end, `,"${key}":[]`);
      // An emptied collection leaves references dangling, which still opens.
      return { variant, detail: `"${key}":[] ${before ? 'first' : 'last'}`, bytes: utf8.encode(out), expect: 'accept', duplicateKey: key };
    }
    default: {
      const keys = variant === 'an id key again after it' ? ['id'] : ['name', 'title', 'label', 'notes', 'owner', 'description'];
      const pattern = new RegExp(`"(${keys.join('|')})":\\s*"`, 'g');
      const occurrences = [...text.matchAll(pattern)].filter((m) => text[m.index - 1] !== '\\');
      const found = random.pick(occurrences);
      const key = found[1]!;
      const valueStart = found.index + found[0].length - 1;
      if (variant === 'a text key again before it (file value kept)' || variant === 'a text key hundreds of times') {
        const times = variant === 'a text key hundreds of times' ? random.int(100, 2_000) : 1;
        const members = Array.from({ length: times }, (_, i) => `"${key}":${JSON.stringify(`duplicate ${i} ${random.pick(WORDS)}`)},`).join('');
        return { variant, detail: `"${key}" ${times} more time(s) before ${found.index}`, bytes: utf8.encode(insert(found.index, members)), expect: 'accept', duplicateKey: key };
      }
      const value = key === 'id' ? '"dup-id"' : JSON.stringify(`duplicate ${random.pick(WORDS)}`);
      const out = insert(stringEnd(text, valueStart), `,"${key}":${value}`);
      // A second id may clash with another item's or leave references dangling: either outcome is right.
      return { variant, detail: `"${key}":${value} after ${found.index}`, bytes: utf8.encode(out), expect: key === 'id' ? 'either' : 'accept', duplicateKey: key };
    }
  }
}

const PROTO_VALUES = [
  '{"polluted":true}',
  '{"polluted":"yes","__proto__":{"deep":1}}',
  '{"prototype":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"toString":"x","valueOf":{}}',
];
const PROTO_KEY_PATTERN = /"(__proto__|constructor|prototype)":/g;
export const countPrototypeKeys = (text: string): number => [...text.matchAll(PROTO_KEY_PATTERN)].length;

function prototypeKeys(context: Context): Made {
  const { random, raw, doc } = context;
  const variant = random.pick(VARIANTS.prototypeKeys);
  const targets = objectsOf(doc);
  const inserted: string[] = [];
  for (let i = 0, n = variant === 'several at once' ? random.int(2, 6) : random.int(1, 2); i < n; i++) {
    const key =
      variant === 'several at once'
        ? random.pick(['__proto__', 'constructor', 'prototype'])
        : variant === 'other Object.prototype names'
          ? random.pick(['toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'])
          : variant;
    const { obj, path } = random.pick(targets);
    // The same key twice in one object would be a duplicate key (the first silently replaced): another kind.
    if (inserted.includes(`${path}.${key}`)) continue;
    raw.member(obj, `"${key}":${random.pick(PROTO_VALUES)}`);
    inserted.push(`${path}.${key}`);
  }
  const text = render(context);
  // Unknown properties are kept: an accepted file saves every one of these keys again, as plain data.
  return made(context, { variant, detail: inserted.join('; '), expect: 'accept', prototypeKeys: countPrototypeKeys(text) }, text);
}

const BAD_UTF8: Record<(typeof VARIANTS.invalidUtf8)[number], ReadonlyArray<readonly number[]>> = {
  '0xFF or 0xFE byte': [[0xff], [0xfe], [0xff, 0xff]],
  'lone continuation byte': [[0x80], [0xbf], [0x9f, 0x80]],
  'overlong encoding': [[0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xf0, 0x80, 0x80, 0xaf]],
  'encoded surrogate (CESU-8)': [[0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]],
  'beyond U+10FFFF': [[0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]],
  'lead byte without its continuation': [[0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x9a]],
  'Latin-1 text': [[0x63, 0x61, 0x66, 0xe9], [0x4b, 0xf6, 0x6c, 0x6e], [0xe0, 0x20, 0x62, 0x69, 0x65, 0x6e, 0x74, 0xf4, 0x74]],
};

function invalidUtf8(context: Context): Made {
  const { random } = context;
  const variant = random.pick(VARIANTS.invalidUtf8);
  const sequence = Uint8Array.from(random.pick(BAD_UTF8[variant]));
  const marker = '@@fuzz-bytes@@';
  const inString = random.chance(0.7);
  let text: string;
  if (inString) {
    const collection = random.pick(COLLECTIONS);
    const item = someItem(context, collection);
    const field = random.pick(TEXT_FIELDS[collection]);
    item[field] = `${textOf(item[field] ?? '')}${marker}`;
    text = render(context);
  } else {
    // Between two tokens, or at the very end (where a lone lead byte looks like a cut).
    text = render(context);
    const at = random.chance(0.2) ? text.length : text.indexOf(',', random.int(0, text.length - 1));
    text = `${text.slice(0, at < 0 ? text.length : at)}${marker}${text.slice(at < 0 ? text.length : at)}`;
  }
  const bytes = bytesWithSplices(text, new Map([[marker, sequence]]));
  if (isValidUtf8(bytes)) throw new Error('fuzz generator: an invalid UTF-8 case decodes');
  return { variant, detail: `${[...sequence].map((b) => b.toString(16)).join(' ')} ${inString ? 'in a string' : 'between tokens'}`, bytes, expect: 'refuse', names: /UTF-8|encod|truncat/i };
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = code & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = code >> 8;
  }
  return out;
}

function encodeUtf32(text: string, littleEndian: boolean): Uint8Array {
  const points = Array.from(text, (c) => c.codePointAt(0)!);
  const out = new Uint8Array(points.length * 4);
  const view = new DataView(out.buffer);
  points.forEach((p, i) => view.setUint32(4 * i, p, littleEndian));
  return out;
}

const BOMS: Record<string, readonly number[]> = {
  'UTF-16 LE': [0xff, 0xfe],
  'UTF-16 BE': [0xfe, 0xff],
  'UTF-32 LE': [0xff, 0xfe, 0x00, 0x00],
  'UTF-32 BE': [0x00, 0x00, 0xfe, 0xff],
  'UTF-8': [0xef, 0xbb, 0xbf],
};

function foreignEncoding(context: Context): Made {
  const { random } = context;
  const variant = random.pick(VARIANTS.foreignEncoding);
  const encoding = /^UTF-(8|16 LE|16 BE|32 LE|32 BE)/.exec(variant)![0];
  const withMark = variant.includes('with byte order mark');
  const text = render(context);
  const body =
    encoding === 'UTF-8'
      ? utf8.encode(text)
      : encoding.startsWith('UTF-16')
        ? encodeUtf16(text, encoding.endsWith('LE'))
        : encodeUtf32(text, encoding.endsWith('LE'));
  const bytes = withMark ? concat([Uint8Array.from(BOMS[encoding]!), body]) : body;
  if (encoding === 'UTF-8') return { variant, detail: `${text.length} characters`, bytes, expect: 'accept' };
  // With a mark the encoding is certain, so the message must name it exactly. Without one, UTF-16 of text that
  // is not plain ASCII is not even UTF-8-shaped: "not UTF-8" is then a fair answer. UTF-32 is named either way
  // (issue 11: "UTF-32 files are named as UTF-32, not 'binary'").
  const names = withMark ? new RegExp(encoding) : encoding.startsWith('UTF-16') ? /UTF-16|UTF-8/ : /UTF-32/;
  return { variant, detail: `${text.length} characters${/\P{ASCII}/u.test(text) ? ', not all ASCII' : ', all ASCII'}`, bytes, expect: 'refuse', names };
}

const SURROGATE_ESCAPES = ['\\ud800', '\\udbff', '\\udc00', '\\udfff', '\\ud83d'];

function loneSurrogate(context: Context): Made {
  const { random, raw } = context;
  const variant = random.pick(VARIANTS.loneSurrogate);
  const collection = random.pick(COLLECTIONS);
  const item = someItem(context, collection);
  const field = random.pick(TEXT_FIELDS[collection]);
  const content = textOf(item[field] ?? random.pick(WORDS));
  switch (variant) {
    case 'escaped in a text field':
    case 'escaped pair in the wrong order': {
      const escape = variant === 'escaped in a text field' ? random.pick(SURROGATE_ESCAPES) : '\\ude00\\ud83d';
      item[field] = raw.value(withEscape(random, content, escape));
      // A lone surrogate cannot be written as UTF-8, but JSON.stringify escapes it again: taking it is safe if it saves.
      return made(context, { variant, detail: `${collection}.${field} with ${escape}`, expect: 'either' });
    }
    case 'escaped in an id or a fixed word': {
      const target = random.pick(['id', 'kind', 'status', 'format']);
      const escape = random.pick(SURROGATE_ESCAPES);
      if (target === 'format') context.doc.format = raw.value(withEscape(random, 'stakemap', escape));
      else if (target === 'kind') someItem(context, 'stakeholders').kind = raw.value(withEscape(random, 'team', escape));
      else if (target === 'status') someItem(context, 'relationships').status = raw.value(withEscape(random, 'healthy', escape));
      else item.id = raw.value(withEscape(random, String(item.id), escape));
      return made(context, { variant, detail: `${target} with ${escape}`, expect: target === 'id' ? 'either' : 'refuse' });
    }
    case 'escaped in a key':
      raw.member(item, `${withEscape(random, 'x-key', random.pick(SURROGATE_ESCAPES))}:"value"`);
      return made(context, { variant, detail: `${collection} key`, expect: 'either' });
    default: {
      const marker = '@@fuzz-surrogate@@';
      item[field] = `${content}${marker}`;
      const bytes = bytesWithSplices(render(context), new Map([[marker, Uint8Array.from(random.pick([[0xed, 0xa0, 0x80], [0xed, 0xb3, 0xbf], [0xed, 0xa0, 0xbd]]))]]));
      return { variant, detail: `${collection}.${field}`, bytes, expect: 'refuse', names: /UTF-8|encod/i };
    }
  }
}

const C0 = Array.from({ length: 0x20 }, (_, i) => i);
/** Characters that are not C0 but are invisible or reorder text: DEL, C1 (NEL), bidi overrides, line separators. */
const OTHER_CONTROLS = [0x7f, 0x80, 0x85, 0x9b, 0x9f, 0x202e, 0x202d, 0x2066, 0x2028, 0x2029, 0x200b];
const escapeOf = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

function controlCharacters(context: Context): Made {
  const { random, raw, doc } = context;
  const variant = random.pick(VARIANTS.controlCharacters);
  const collection = random.pick(COLLECTIONS);
  const item = someItem(context, collection);
  const field = random.pick(TEXT_FIELDS[collection]);
  const content = textOf(item[field] ?? random.pick(WORDS));
  const anyControl = () => random.pick(random.chance(0.5) ? C0 : OTHER_CONTROLS);
  switch (variant) {
    case 'raw C0 inside a string': {
      const code = random.pick(C0);
      item[field] = raw.value(`"${content.replace(/["\\]/g, '')}${String.fromCharCode(code)}"`);
      return made(context, { variant, detail: `U+${code.toString(16).padStart(4, '0')} in ${collection}.${field}`, expect: 'refuse' });
    }
    case 'raw DEL, C1 or bidi override inside a string': {
      const code = random.pick(OTHER_CONTROLS);
      item[field] = `${content}${String.fromCharCode(code)}${random.pick(WORDS)}`;
      return made(context, { variant, detail: `U+${code.toString(16).padStart(4, '0')} in ${collection}.${field}`, expect: 'either' });
    }
    case 'raw between tokens':
    case 'raw at the start of the file': {
      // Not tab, line feed, carriage return or space: those four are JSON whitespace.
      const code = random.pick([...C0.filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d), ...OTHER_CONTROLS, 0xa0]);
      const text = render(context);
      // Outside every string: inside one, DEL, C1 and the bidi controls are legal JSON.
      const at = variant === 'raw at the start of the file' ? 0 : random.pick(positionsBetweenTokens(text));
      const out = `${text.slice(0, at)}${String.fromCharCode(code)}${text.slice(at)}`;
      return { variant, detail: `U+${code.toString(16).padStart(4, '0')} at ${at}`, bytes: utf8.encode(out), expect: 'refuse' };
    }
    case 'escaped in a fixed word (kind, status, type)': {
      const code = anyControl();
      const [target, word] = random.pick([
        [someItem(context, 'stakeholders'), 'kind'],
        [someItem(context, 'relationships'), 'status'],
        [someItem(context, 'solutions'), 'status'],
      ] as const);
      target[word] = raw.value(withEscape(random, random.pick(['team', 'healthy', 'idea', '']), escapeOf(code)));
      return made(context, { variant, detail: `${word} with ${escapeOf(code)}`, expect: 'refuse', names: new RegExp(word) });
    }
    case 'escaped in a text field': {
      const code = anyControl();
      item[field] = raw.value(withEscape(random, content, escapeOf(code)));
      return made(context, { variant, detail: `${collection}.${field} with ${escapeOf(code)}`, expect: 'either' });
    }
    case 'escaped in an id used twice': {
      const code = anyControl();
      const id = withEscape(random, String(item.id), escapeOf(code));
      item.id = raw.value(id);
      itemsOf(doc, collection).push({ ...structuredClone(item), id: raw.value(id) });
      return made(context, { variant, detail: `${collection} id ${id} twice`, expect: 'refuse', names: /\bid\b/ });
    }
    default: {
      const code = anyControl();
      doc.format = raw.value(withEscape(random, 'stakemap', escapeOf(code)));
      return made(context, { variant, detail: `format with ${escapeOf(code)}`, expect: 'refuse', names: /Stakemap/ });
    }
  }
}

/** Text of exactly `length` UTF-16 code units, each also one code point, some of them several bytes long. */
function textOfLength(random: Random, length: number): string {
  const chunk = random.pick(['abcdefghij', 'Zoë naïve ', '法务部社会媒体团队小组', 'Ωmega Ærø ']);
  return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

function longStrings(context: Context): Made {
  const { random, doc } = context;
  // Megabyte strings every 10th case of this kind; the others stay small enough to keep the run short.
  const heavyVariants = ['long text over the limit', 'long text at the limit', 'megabytes in an unknown property'] as const;
  const variant = context.ordinal % 10 === 0 ? heavyVariants[(context.ordinal / 10) % 3]! : random.pick(['short text over the limit', 'short text at the limit', 'long text within the limit'] as const);
  switch (variant) {
    case 'short text over the limit':
    case 'short text at the limit': {
      const length = variant === 'short text at the limit' ? MAX_SHORT_TEXT : MAX_SHORT_TEXT + random.int(1, 5000);
      const [collection, field] = random.pick([
        ['stakeholders', 'name'],
        ['stakeholders', 'owner'],
        ['stakeholders', 'color'],
        ['stakeholders', 'id'],
        ['relationships', 'label'],
        ['painPoints', 'title'],
        ['painPoints', 'categoryId'],
        ['solutions', 'owner'],
        ['categories', 'color'],
        ['(top level)', 'title'],
      ] as const);
      const target = collection === '(top level)' ? doc : someItem(context, collection);
      target[field] = textOfLength(random, length);
      const expect = variant === 'short text at the limit' ? 'accept' : 'refuse';
      return made(context, { variant, detail: `${collection}.${field}: ${length} characters`, expect, ...(expect === 'refuse' ? { names: /characters|too long|at most/i } : {}) });
    }
    case 'long text over the limit':
    case 'long text at the limit':
    case 'long text within the limit': {
      const length = variant === 'long text at the limit' ? MAX_LONG_TEXT : variant === 'long text over the limit' ? MAX_LONG_TEXT + random.int(1, 1000) : random.int(MAX_SHORT_TEXT + 1, 100_000);
      const [collection, field] = random.pick([
        ['stakeholders', 'notes'],
        ['relationships', 'notes'],
        ['painPoints', 'description'],
        ['painPoints', 'quotes'],
        ['solutions', 'description'],
      ] as const);
      const target = someItem(context, collection);
      if (field === 'quotes') {
        // A version 1 base (generated) holds quotes as strings; the sample base, in version 4, as { text, voice }.
        const text = textOfLength(random, length);
        listOf(target, 'quotes').push(context.doc.version === 1 ? text : { text, voice: null });
      }
      else target[field] = textOfLength(random, length);
      const expect = variant === 'long text over the limit' ? 'refuse' : 'accept';
      return made(context, { variant, detail: `${collection}.${field}: ${length} characters`, expect, ...(expect === 'refuse' ? { names: /characters|too long|at most/i } : {}) });
    }
    default: {
      const length = random.int(1_000_000, 2_000_000);
      const { obj, path } = random.pick(objectsOf(doc));
      obj['x-attachment'] = textOfLength(random, length);
      return made(context, { variant, detail: `${length} characters under ${path}`, expect: 'accept' });
    }
  }
}

function manyIds(context: Context): Made {
  const { random, doc } = context;
  const variant = random.pick(VARIANTS.manyIds);
  const collection = random.pick(COLLECTIONS);
  const items = itemsOf(doc, collection);
  const item = someItem(context, collection);
  switch (variant) {
    case 'an id used twice in one collection':
    case 'thousands of items with one id': {
      const copies = variant === 'thousands of items with one id' ? random.int(100, 5_000) : 1;
      for (let i = 0; i < copies; i++) items.splice(random.int(0, items.length), 0, structuredClone(item));
      return made(context, { variant, detail: `${collection} id ${JSON.stringify(item.id)} ${copies + 1} times`, expect: 'refuse', names: /already used|duplicate|twice|more than once|unique/i });
    }
    case 'thousands of unique ids': {
      const count = random.int(1_000, 5_000);
      for (let i = 0; i < count; i++) items.push({ ...structuredClone(item), id: `${String(item.id)}~${i}` });
      return made(context, { variant, detail: `${count} more ${collection}`, expect: 'accept' });
    }
    case 'one id in different collections': {
      const shared = `shared-${random.pick(WORDS)}`;
      for (const c of random.chance(0.5) ? COLLECTIONS : (['stakeholders', 'painPoints'] as const)) {
        const copy = structuredClone(someItem(context, c));
        copy.id = shared;
        itemsOf(doc, c).push(copy);
      }
      return made(context, { variant, detail: `id ${JSON.stringify(shared)} in several collections`, expect: 'accept' });
    }
    default: {
      // Ids are compared as exact strings: "Café" composed and decomposed, or "Legal" and "legal", are two ids.
      const [a, b] = random.pick([
        ['Caf\u00e9', 'Cafe\u0301'],
        ['Legal', 'legal'],
        ['\ufb01nance', 'finance'],
        ['\u2126', '\u03a9'],
      ] as const);
      items.push({ ...structuredClone(item), id: `case-${a}` }, { ...structuredClone(item), id: `case-${b}` });
      return made(context, { variant, detail: `${collection} ids "case-${a}" and "case-${b}"`, expect: 'accept' });
    }
  }
}

function danglingReferences(context: Context): Made {
  const { random } = context;
  const variant = random.pick(VARIANTS.danglingReferences);
  const missing = `missing-${random.pick(WORDS)}-${random.int(0, 999)}`;
  switch (variant) {
    case 'relationship source':
    case 'relationship target':
      someItem(context, 'relationships')[variant === 'relationship source' ? 'source' : 'target'] = missing;
      break;
    case 'attachedTo a stakeholder':
    case 'attachedTo a relationship':
      listOf(someItem(context, 'painPoints'), 'attachedTo').push({ type: variant === 'attachedTo a stakeholder' ? 'stakeholder' : 'relationship', id: missing });
      break;
    case 'attachedTo with the other type': {
      // A stakeholder's id named as a relationship: no relationship has it (ids are s-… and r-…).
      const stakeholder = someItem(context, 'stakeholders');
      listOf(someItem(context, 'painPoints'), 'attachedTo').push({ type: 'relationship', id: stakeholder.id });
      break;
    }
    case 'solution addresses':
      listOf(someItem(context, 'solutions'), 'addresses').push(missing);
      break;
    default: {
      const count = random.int(1_000, 20_000);
      const addresses = listOf(someItem(context, 'solutions'), 'addresses');
      for (let i = 0; i < count; i++) addresses.push(`${missing}-${i}`);
      return made(context, { variant, detail: `${count} missing pain points addressed`, expect: 'accept', dangling: true });
    }
  }
  return made(context, { variant, detail: `points to ${JSON.stringify(missing)}`, expect: 'accept', dangling: true });
}

/** Keys the serializer drops on purpose (React Flow state): a round trip would lose them, so none is generated. */
const RESERVED_KEYS = new Set([...TRANSIENT_NODE_KEYS, ...TRANSIENT_EDGE_KEYS]);
const NESTED_VALUES = [
  '{"a":[1,2,{"b":null}],"c":"ü🚀","d":true}',
  '[1e-7,1E+2,0.1,-3.25e10,9007199254740993]',
  '{"":{"":[]},"\\u0000":"nul key","é":"\\u00e9"}',
  '[[[[["five deep"]]]]]',
  '"a string with \\"quotes\\" and \\\\ and \\n"',
  'null',
  '{"history":[{"at":"2026-01-01T00:00:00Z","by":"other tool","changes":[{"op":"add","path":"/x"}]}]}',
];
const ODD_KEYS = ['', ' ', 'é', '🚀', '\\u0000', 'x-other.tool/v2', '$ref', '0', '-1', 'a'.repeat(1000), 'Id', 'ID', 'POSITION'];

function unknownKeys(context: Context): Made {
  const { random, raw, doc } = context;
  const variant = random.pick(VARIANTS.unknownKeys);
  const pickObject = () => random.pick(objectsOf(doc));
  switch (variant) {
    case '1e999 in an unknown property': {
      const { obj, path } = pickObject();
      const value = random.pick(['1e999', '-1e999', '1e400', '123e99999', '-0.5e310']);
      raw.member(obj, `"x-measure":${random.chance(0.5) ? value : `{"nested":[${value}]}`}`);
      // Issue 11: refuse non-finite numbers anywhere, with a message (saving would silently write null).
      return made(context, { variant, detail: `${value} under ${path}`, expect: 'refuse', names: /finite|too large|infinit|1e999/i });
    }
    case '1e999 in a known field': {
      const value = random.pick(['1e999', '-1e999', '1e400']);
      const [target, field] = random.pick([
        [() => someItem(context, 'stakeholders').position as Obj, 'x'],
        [() => someItem(context, 'stakeholders'), 'influence'],
        [() => someItem(context, 'painPoints'), 'votes'],
        [() => (isObj(doc.viewport) ? doc.viewport : (doc.viewport = { x: 0, y: 0, zoom: 1 })), 'zoom'],
      ] as const);
      target()[field] = raw.value(value);
      return made(context, { variant, detail: `${field} = ${value}`, expect: 'refuse', names: /finite|too large|infinit|1e999/i });
    }
    case '-0 in an unknown property': {
      const { obj, path } = pickObject();
      const value = random.pick(['-0', '-0.0', '-0e5', '[-0,0,-0]', '{"z":-0}']);
      raw.member(obj, `"x-zero":${value}`);
      // Issue 11: keep -0 (the round trip compares with Object.is, so 0 for -0 is a change).
      return made(context, { variant, detail: `${value} under ${path}`, expect: 'accept' });
    }
    case 'nested unknown values':
    case 'odd key names': {
      const details: string[] = [];
      for (let i = 0, n = random.int(1, 4); i < n; i++) {
        const { obj, path } = pickObject();
        const key = variant === 'odd key names' ? random.pick(ODD_KEYS) : `x-${random.pick(['other', 'crm', 'notes'])}-${i}`;
        if (RESERVED_KEYS.has(key)) continue;
        // "Id" beside "id" is a different key; but an odd key must not replace a known field.
        if (Object.hasOwn(obj, key)) continue;
        raw.member(obj, `"${key}":${random.pick(NESTED_VALUES)}`);
        details.push(`${path}["${key.slice(0, 10)}"]`);
      }
      return made(context, { variant, detail: details.join('; '), expect: 'accept' });
    }
    default: {
      for (const c of COLLECTIONS) for (const item of itemsOf(doc, c)) item[`x-${c}-extra`] = { source: 'other tool', n: random.int(0, 9) };
      return made(context, { variant, detail: 'x-…-extra on every item', expect: 'accept' });
    }
  }
}

const MUTATORS: Record<MutationKind, (context: Context) => Made> = {
  truncation,
  typeFlip,
  hugeArray,
  deepNesting,
  duplicateKeys,
  prototypeKeys,
  invalidUtf8,
  foreignEncoding,
  loneSurrogate,
  controlCharacters,
  longStrings,
  manyIds,
  danglingReferences,
  unknownKeys,
};
