import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describeLoadError } from '../../../../shared/document/describe-load';
import {
  CURRENT_VERSION,
  MAX_COORDINATE,
  RELATIONSHIP_STATUSES,
  SOLUTION_STATUSES,
  STAGE_VIEWS,
  STAKEHOLDER_KINDS,
} from '../../../../shared/document/format';
import { parseWorkspace, type LoadError, type ParseResult } from '../../../../shared/document/parse';
import { workspaceSchema, type WorkspaceDocument } from '../../../../shared/document/schema';
import { fastValidate } from '../../../../shared/document/fast-validate';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { readWorkspaceFile, type WorkspaceFs } from '../../../../electron/services/workspace-files';
import { utf16Bytes } from '../../../fixtures/workspaces/build-fixtures';
import { fixturePath } from '../test-helpers';

/*
 * Property-based tests of the loader (fast-check): whatever text or bytes arrive, parseWorkspace gives a typed
 * result and never throws; and every valid document survives a save and a reopen unchanged. Run counts are
 * sized so the whole file stays well under 20 s on two cores; a failure prints the seed and the shrunk input.
 */

/** Runs of each of the two loader properties (JSON values, byte strings). */
const LOADER_RUNS = 10_000;
/** Runs of the round-trip property: each builds and checks a whole document. */
const ROUND_TRIP_RUNS = 1_500;
/** Mutated valid documents checked against both validation paths (each run generates a whole document). */
const AGREEMENT_RUNS = 3_000;
/** Generous: a loaded CI machine must not fail a property for being slow (nothing here measures time). */
const PROPERTY_TIMEOUT_MS = 120_000;

const LOAD_ERROR_KINDS: ReadonlySet<LoadError['kind']> = new Set(['notJson', 'wrongEncoding', 'notStakemap', 'versionTooNew', 'invalid']);

/** What the run reports at the end (the figures the issue asks for). */
const figures = { jsonValues: 0, byteStrings: 0, bytesReachingParser: 0, opened: 0, roundTrips: 0 };
afterAll(() => {
  console.info(`[parse properties] ${JSON.stringify(figures)}`);
});

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const prototypeKeys = () => prototypes.map((p) => Reflect.ownKeys(p).map(String).sort().join(','));
const prototypesBefore = prototypeKeys();

/** A plain assertion: vitest's expect costs ~0.1 ms a call, too much for tens of thousands of runs. */
function check(condition: boolean, what: string, input: unknown): asserts condition {
  if (!condition) throw new Error(`${what} (result: ${JSON.stringify(input)?.slice(0, 500)})`);
}

/** Checks a parse result is one of the typed shapes, and that its message (or its save) works. */
function expectTyped(result: ParseResult): void {
  check(typeof result.ok === 'boolean', 'a result has ok: true or false', result);
  if (result.ok) {
    figures.opened++;
    check(typeof result.document === 'object' && Array.isArray(result.document.stakeholders), 'an opened file gives a document', result);
    check(Array.isArray(result.danglingReferences), 'an opened file lists its dangling references', result);
    // What opened can be saved, and what is saved opens again.
    check(parseWorkspace(serializeWorkspace(result.document)).ok, 'what opened is saved and opens again', result);
  } else {
    check(LOAD_ERROR_KINDS.has(result.error.kind), 'a failure is a known LoadError kind', result);
    const message = describeLoadError('file.stakemap', result.error);
    check(message.summary.length > 0 && message.details.length <= 21, 'a failure gets a short message', message);
  }
  check(({} as Record<string, unknown>).polluted === undefined, 'Object.prototype is not polluted', result);
}

// ----- arbitrary JSON values ---------------------------------------------------------------------------

const KNOWN_KEYS = ['format', 'version', 'title', 'createdAt', 'updatedAt', 'stakeholders', 'relationships', 'painPoints', 'solutions', 'categories', 'viewport', 'agenda', 'participants', 'voting', 'ballots', 'snapshots'];
const ITEM_KEYS = ['id', 'name', 'kind', 'position', 'x', 'y', 'zoom', 'source', 'target', 'status', 'label', 'title', 'categoryId', 'quotes', 'attachedTo', 'type', 'tally', 'voice', 'text', 'dueDate', 'visible', 'currentStageId', 'stages', 'goal', 'minutes', 'view', 'voting', 'departmentId', 'budget', 'hideResults', 'revealed', 'participantId', 'painPointId', 'addresses', 'impact', 'effort', 'influence', 'interest', 'color', 'pinned', 'otherSide', 'notes', 'takenAt', 'state', '__proto__', 'constructor', 'prototype'];

const anyJson = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' });
const smallJson = fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' });
/**
 * Values shaped like a relationship's `otherSide` (the other side's view): valid, a status not in the list, no
 * status, notes of the wrong type, properties another tool added. Built fresh each time: a run may change them.
 */
const otherSideLike = fc.constantFrom<() => unknown>(
  () => ({ status: 'strained' }),
  () => ({ status: 'healthy', notes: 'Their words.' }),
  () => ({ status: 'problematic', notes: '', 'x-asked': { by: 'P3' } }),
  () => ({ status: 'fine', notes: '' }),
  () => ({ status: 'Healthy' }),
  () => ({ notes: 'no status' }),
  () => ({ status: null }),
  () => ({ status: 'neutral', notes: 3 }),
  () => ({ status: 'neutral', notes: null }),
  () => ({ status: 'neutral', notes: ['a'] }),
  () => ({ status: 'neutral', notes: 'x'.repeat(1_000_001) }),
  () => [{ status: 'healthy' }],
).map((make) => make());
/**
 * Values shaped like a snapshot (format version 4), or like its state: valid ones (a state's lists may be left
 * out), and ones with a missing or odd id, name, takenAt or state, or a state with a list or record that is not
 * right. Built fresh each time.
 */
const snapshotLike = fc.constantFrom<() => unknown>(
  () => ({ id: 'snap-1', name: 'Before', takenAt: '2026-11-22T11:00:00.000Z', state: {} }),
  () => ({ id: 'snap-1', name: '', takenAt: '2026-11-22T11:00:00+01:00', state: { stakeholders: [{ id: 's-1', name: 'A', kind: 'team', position: { x: 0, y: 0 } }] }, 'x-by': 'P3' }),
  () => ({ id: 'snap-1', name: 'N', takenAt: '2026-11-22T11:00:00.000Z', state: { relationships: [{ id: 'r-1', source: 's-gone', target: 's-1', otherSide: { status: 'fine' } }] } }),
  () => ({ id: 'snap-1', name: 'N', takenAt: '2026-11-22T11:00:00.000Z', state: { categories: [], ballots: [{ participantId: 'pt-1', painPointId: 'p-1' }] } }),
  () => ({ id: 'snap-1', name: 'N', takenAt: '2026-11-22T11:00:00.000Z', state: { painPoints: [{ id: 'p-1', title: 'T', quotes: ['plain'] }] } }),
  () => ({ id: 'snap-1', name: 'N', takenAt: '2026-11-22', state: {} }),
  () => ({ id: 'snap-1', name: 'N', state: {} }),
  () => ({ id: '', name: 'N', takenAt: '2026-11-22T11:00:00.000Z', state: {} }),
  () => ({ id: 'snap-1', name: 7, takenAt: '2026-11-22T11:00:00.000Z', state: {} }),
  () => ({ id: 'snap-1', name: 'N', takenAt: '2026-11-22T11:00:00.000Z' }),
  () => ({ id: 'snap-1', name: 'N', takenAt: '2026-11-22T11:00:00.000Z', state: [] }),
  () => ({ id: 'snap-1', name: 'N', takenAt: '2026-11-22T11:00:00.000Z', state: { stakeholders: {} } }),
  () => ({ stakeholders: [], relationships: [], 'x-state': 1 }),
  () => ({ solutions: [{ id: 'x-1', title: 'T', dueDate: '2027-02-30' }] }),
  () => 'snap-1',
).map((make) => make());
/** A value that is sometimes what the schema expects and sometimes anything at all. */
const fieldValue = fc.oneof(
  {
    arbitrary: fc.constantFrom(1, 0, -1, 2.5, 5, 6, 100, 101, 600, 601, 1e300, '', 's-1', 'team', 'problematic', 'stakeholder', 'board', '2026-02-28', '2026-02-30', '2026-2-28', '2026-11-22T11:00:00.000Z', null, true, [], {}),
    weight: 3,
  },
  { arbitrary: otherSideLike, weight: 1 },
  { arbitrary: snapshotLike, weight: 1 },
  { arbitrary: smallJson, weight: 1 },
);
const itemLike = fc.dictionary(
  fc.oneof(fc.constantFrom(...ITEM_KEYS), fc.string({ maxLength: 6 })),
  fc.oneof({ arbitrary: fieldValue, weight: 3 }, { arbitrary: fc.dictionary(fc.constantFrom(...ITEM_KEYS), fieldValue, { maxKeys: 3 }), weight: 1 }),
  { maxKeys: 6 },
);
/** Objects shaped like workspaces, so most runs get past the envelope and into the schema. */
const workspaceLike = fc
  .record({
    format: fc.oneof(fc.constant('stakemap'), fc.constant('stakemap'), smallJson),
    version: fc.oneof(fc.constant(1), fc.constant(1), fc.integer({ min: -2, max: 3 }), smallJson),
    fields: fc.dictionary(
      fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 6 })),
      fc.oneof(fieldValue, fc.array(itemLike, { maxLength: 3 })),
      { maxKeys: 6 },
    ),
  })
  .map(({ format, version, fields }) => ({ ...fields, format, version }));

/** JSON text as other tools write it: any indent, sometimes a byte order mark. */
const jsonText = fc
  .tuple(fc.oneof(anyJson, workspaceLike, workspaceLike), fc.constantFrom(undefined, 0, 2, 4, '\t'), fc.boolean())
  .map(([value, indent, bom]) => `${bom ? '\uFEFF' : ''}${JSON.stringify(value, null, indent)}`);

// ----- arbitrary bytes, read the way the app reads a file --------------------------------------------------

const VALID_BYTES = new Uint8Array(readFileSync(fixturePath('valid-full.stakemap')));

/** A valid file damaged on the way: cut, bytes overwritten, bytes inserted. */
const damagedFile = fc
  .record({
    cut: fc.nat({ max: VALID_BYTES.length }),
    writes: fc.array(fc.tuple(fc.nat({ max: VALID_BYTES.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    insertAt: fc.nat({ max: VALID_BYTES.length }),
    inserted: fc.uint8Array({ maxLength: 16 }),
  })
  .map(({ cut, writes, insertAt, inserted }) => {
    const bytes = VALID_BYTES.slice();
    for (const [at, value] of writes) bytes[at] = value;
    const joined = new Uint8Array(bytes.length + inserted.length);
    joined.set(bytes.subarray(0, insertAt));
    joined.set(inserted, insertAt);
    joined.set(bytes.subarray(insertAt), insertAt + inserted.length);
    return joined.subarray(0, Math.max(cut, insertAt));
  });

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  damagedFile,
  damagedFile,
  // Text of any code points as UTF-8, and JSON as UTF-16.
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
  fc.tuple(jsonText, fc.constantFrom<'le' | 'be'>('le', 'be'), fc.boolean()).map(([text, order, bom]) => utf16Bytes(text, order, bom)),
);

/** A file system holding one file with these bytes, for readWorkspaceFile (the app's own reading and decoding). */
function memoryFs(bytes: Uint8Array): WorkspaceFs {
  const handle = {
    position: 0,
    async read(buffer: Uint8Array, offset: number, length: number) {
      const n = Math.min(length, bytes.length - handle.position);
      buffer.set(bytes.subarray(handle.position, handle.position + n), offset);
      handle.position += n;
      return { bytesRead: n, buffer };
    },
    async close() {},
  };
  return {
    stat: async () => ({ isDirectory: () => false, isFile: () => true, size: bytes.length }),
    open: async () => handle,
  } as unknown as WorkspaceFs;
}

// ----- arbitrary valid documents ---------------------------------------------------------------------------

const text = (maxLength = 24) => fc.string({ unit: 'binary', maxLength });
const idText = fc.string({ unit: 'binary', minLength: 1, maxLength: 10 });
const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
/** JSON writes -0 as 0, so a -0 is not part of any file a document can come from. */
const noNegativeZero = (n: number) => (Object.is(n, -0) ? 0 : n);
const coordinate = fc.double({ min: -MAX_COORDINATE, max: MAX_COORDINATE, noNaN: true }).map(noNegativeZero);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);
const isoDate = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** Properties another tool may add: kept through a round trip. */
function withoutNegativeZero(value: unknown): unknown {
  if (typeof value === 'number') return noNegativeZero(value);
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]));
  }
  return value;
}
const unknownProperties = fc.dictionary(fc.string({ maxLength: 8 }).map((k) => `x-${k}`), fc.jsonValue({ maxDepth: 3 }).map(withoutNegativeZero), { maxKeys: 2 });

/** Drops the keys whose value is undefined: an absent optional rating is absent in a parsed document too. */
function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

const uniqueIds = (maxLength: number) => fc.uniqueArray(idText, { maxLength });

/** The ids a map's lists are built from: unique within each list. */
interface MapIds {
  readonly stakeholderIds: readonly string[];
  readonly relationshipIds: readonly string[];
  readonly painPointIds: readonly string[];
  readonly solutionIds: readonly string[];
  readonly categoryIds: readonly string[];
  readonly participantIds: readonly string[];
}

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
/** The department a pain point, a quote or a participant is from: no one, or a stakeholder. */
const voiceOf = (stakeholderIds: readonly string[]) => (stakeholderIds.length > 0 ? fc.option(pick(stakeholderIds), { nil: null }) : fc.constant(null));

/**
 * The map's lists (stakeholders, relationships, pain points, solutions, categories, ballots), every reference to
 * an item of the same map: the workspace's own, and a snapshot's state.
 */
function mapListsArbitrary({ stakeholderIds, relationshipIds, painPointIds, solutionIds, categoryIds, participantIds }: MapIds) {
  const stakeholders = fc.tuple(
    ...stakeholderIds.map((id) =>
      fc
        .record({
          name: text(),
          kind: pick(STAKEHOLDER_KINDS),
          position: fc.record({ x: coordinate, y: coordinate }),
          influence: rating,
          interest: rating,
          owner: text(),
          notes: text(60),
          color: fc.option(text(8), { nil: null }),
          pinned: fc.constantFrom(undefined, true, false),
          extra: unknownProperties,
        })
        .map(({ extra, ...s }) => defined({ ...extra, id, ...s })),
    ),
  );
  // How the other side sees a relationship: not recorded, or a status with notes (and what another tool added).
  const otherSide = fc.option(
    fc.record({ status: pick(RELATIONSHIP_STATUSES), notes: text(), extra: unknownProperties }).map(({ extra, ...o }) => ({ ...extra, ...o })),
    { nil: null },
  );
  const relationships =
    stakeholderIds.length === 0
      ? fc.constant([])
      : fc.tuple(
          ...relationshipIds.map((id) =>
            fc
              .record({ source: pick(stakeholderIds), target: pick(stakeholderIds), status: pick(RELATIONSHIP_STATUSES), label: text(), notes: text(), otherSide, extra: unknownProperties })
              .map(({ extra, ...r }) => ({ ...extra, id, ...r })),
          ),
        );
  const attachment = fc.oneof(
    ...(stakeholderIds.length > 0 ? [pick(stakeholderIds).map((id) => ({ type: 'stakeholder' as const, id }))] : []),
    ...(stakeholderIds.length > 0 && relationshipIds.length > 0 ? [pick(relationshipIds).map((id) => ({ type: 'relationship' as const, id }))] : []),
    fc.constant(null),
  );
  const voice = voiceOf(stakeholderIds);
  const painPoints = fc.tuple(
    ...painPointIds.map((id) =>
      fc
        .record({
          title: text(),
          description: text(60),
          categoryId: categoryIds.length > 0 ? fc.oneof(pick(categoryIds), fc.constant('')) : fc.constant(''),
          quotes: fc.array(fc.record({ text: text(40), voice, extra: unknownProperties }).map(({ extra, ...q }) => ({ ...extra, ...q })), { maxLength: 3 }),
          attachedTo: fc.array(attachment, { maxLength: 3 }).map((list) => list.filter((a) => a !== null)),
          tally: fc.nat({ max: 50 }),
          voice,
        })
        .map((p) => ({ id, ...p })),
    ),
  );
  const solutions = fc.tuple(
    ...solutionIds.map((id) =>
      fc
        .record({
          title: text(),
          description: text(),
          addresses: painPointIds.length > 0 ? fc.uniqueArray(pick(painPointIds), { maxLength: 3 }) : fc.constant([]),
          status: pick(SOLUTION_STATUSES),
          owner: text(),
          impact: rating,
          effort: rating,
          dueDate: fc.option(
            fc.date({ min: new Date('1000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
            { nil: null },
          ),
        })
        .map((s) => defined({ id, ...s })),
    ),
  );
  const categories = fc.tuple(...categoryIds.map((id) => fc.record({ name: text(), color: text(8) }).map((c) => ({ id, ...c }))));
  const pairs = participantIds.flatMap((participantId) => painPointIds.map((painPointId) => ({ participantId, painPointId })));
  const ballots = pairs.length > 0 ? fc.subarray(pairs, { maxLength: Math.min(6, pairs.length) }) : fc.constant([]);
  return fc.record({ stakeholders, relationships, painPoints, solutions, categories, ballots });
}

/**
 * Snapshots (format version 4): each a state built like a map of its own (smaller), with what another tool added.
 * Its ids are its own: a snapshot's map need not be the workspace's.
 */
const snapshotState = fc
  .record({ stakeholderIds: uniqueIds(3), relationshipIds: uniqueIds(3), painPointIds: uniqueIds(3), solutionIds: uniqueIds(2), categoryIds: uniqueIds(2), participantIds: uniqueIds(2) })
  .chain((ids) => fc.tuple(mapListsArbitrary(ids), unknownProperties))
  .map(([lists, extra]) => ({ ...extra, ...lists }));
const snapshots = uniqueIds(2).chain((ids) =>
  fc.tuple(...ids.map((id) => fc.record({ name: text(), takenAt: isoDate, state: snapshotState, extra: unknownProperties }).map(({ extra, ...snapshot }) => ({ ...extra, id, ...snapshot })))),
);

const documentArbitrary: fc.Arbitrary<WorkspaceDocument> = fc
  .record({
    stakeholderIds: uniqueIds(6),
    relationshipIds: uniqueIds(6),
    painPointIds: uniqueIds(5),
    solutionIds: uniqueIds(4),
    categoryIds: uniqueIds(4),
    participantIds: uniqueIds(4),
    stageIds: uniqueIds(4),
  })
  .chain(({ stageIds, ...ids }) => {
    const stages = fc.tuple(
      ...stageIds.map((id) =>
        fc
          .record({ title: text(), goal: text(60), minutes: fc.integer({ min: 1, max: 600 }), view: pick(STAGE_VIEWS), voting: fc.boolean(), extra: unknownProperties })
          .map(({ extra, ...s }) => ({ ...extra, id, ...s })),
      ),
    );
    const agenda = fc
      .record({
        visible: fc.boolean(),
        currentStageId: stageIds.length > 0 ? fc.option(pick(stageIds), { nil: null }) : fc.constant(null),
        stages,
        extra: unknownProperties,
      })
      .map(({ extra, ...a }) => ({ ...extra, ...a }));
    const participants = fc.tuple(
      ...ids.participantIds.map((id) => fc.record({ label: text(), departmentId: voiceOf(ids.stakeholderIds), extra: unknownProperties }).map(({ extra, ...p }) => ({ ...extra, id, ...p }))),
    );
    const voting = fc
      .record({ budget: fc.integer({ min: 1, max: 100 }), hideResults: fc.boolean(), revealed: fc.boolean(), extra: unknownProperties })
      .map(({ extra, ...v }) => ({ ...extra, ...v }));
    return fc
      .record({
        title: text(),
        createdAt: fc.option(isoDate, { nil: undefined }),
        updatedAt: fc.option(isoDate, { nil: undefined }),
        lists: mapListsArbitrary(ids),
        viewport: fc.record({ x: finite, y: finite, zoom: fc.double({ min: 1e-6, max: 1e6, noNaN: true }) }),
        agenda,
        participants,
        voting,
        snapshots,
        extra: unknownProperties,
      })
      .map(({ extra, lists, ...doc }) => defined({ ...extra, format: 'stakemap', version: CURRENT_VERSION, ...lists, ...doc }) as unknown as WorkspaceDocument);
  });

/** A deep copy without own "__proto__" keys. */
function withoutProtoKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProtoKeys);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (key !== '__proto__') copy[key] = withoutProtoKeys(child);
  return copy;
}

/**
 * A valid document with one field, at the top level, in an item, or in an item's nested object, set to a value
 * that is sometimes fine and often not: where the fast check and the schema could disagree.
 */
const MUTABLE_FIELDS = [...new Set([...KNOWN_KEYS, ...ITEM_KEYS, 'x', 'y', 'zoom', 'type'])];
const mutatedDocument = fc
  .record({
    doc: documentArbitrary,
    where: fc.constantFrom(
      'top',
      'stakeholders',
      'relationships',
      'painPoints',
      'solutions',
      'categories',
      'viewport',
      'position',
      'otherSide',
      'attachedTo',
      'quotes',
      'agenda',
      'stages',
      'participants',
      'voting',
      'ballots',
      'snapshots',
      'snapshotState',
      'snapshotRecord',
    ),
    index: fc.nat(),
    field: fc.constantFrom(...MUTABLE_FIELDS),
    value: fc.oneof(fieldValue, fc.constantFrom(undefined, Infinity, -Infinity, NaN, 1e10, 'x'.repeat(10_001), -0, 3.5)),
    /** Where `where` is 'otherSide': the field of a recorded view to change, or a whole view to put in its place. */
    otherSideField: fc.constantFrom('status', 'status', 'notes', 'notes', 'x-extra', '__proto__'),
    otherSideValue: fc.oneof({ arbitrary: otherSideLike, weight: 3 }, { arbitrary: fieldValue, weight: 1 }),
    /** Where `where` is 'snapshots': a whole snapshot to put in the place of one (or to add). */
    snapshotValue: fc.oneof({ arbitrary: snapshotLike, weight: 3 }, { arbitrary: fieldValue, weight: 1 }),
  })
  .map(({ doc, where, index, field, value, otherSideField, otherSideValue, snapshotValue }) => {
    const raw = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    const set = (target: unknown, key = field) => {
      if (typeof target !== 'object' || target === null) return;
      // JSON has no undefined: "undefined" stands for the field being absent.
      if (value === undefined) delete (target as Record<string, unknown>)[key];
      // As JSON.parse does it: an own data property, even for "__proto__" (assignment would set the prototype).
      else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    };
    const itemOf = (collection: string) => {
      const items = raw[collection] as unknown[];
      return items.length > 0 ? items[index % items.length] : undefined;
    };
    if (where === 'top') set(raw);
    else if (where === 'viewport') set(raw.viewport);
    else if (where === 'agenda') set(raw.agenda);
    else if (where === 'voting') set(raw.voting);
    else if (where === 'stages') {
      const list = (raw.agenda as { stages?: unknown[] } | undefined)?.stages ?? [];
      set(list[index % Math.max(1, list.length)]);
    } else if (where === 'quotes') {
      const list = (itemOf('painPoints') as { quotes?: unknown[] } | undefined)?.quotes ?? [];
      set(list[index % Math.max(1, list.length)]);
    }
    else if (where === 'position') set((itemOf('stakeholders') as { position?: unknown } | undefined)?.position);
    else if (where === 'otherSide') {
      // One field of the other side's view when one is recorded (every other run), or the whole view replaced.
      const relationship = itemOf('relationships') as { otherSide?: unknown } | undefined;
      const recorded = typeof relationship?.otherSide === 'object' && relationship.otherSide !== null;
      if (recorded && index % 2 === 0) set(relationship.otherSide, otherSideField);
      else if (relationship) relationship.otherSide = otherSideValue;
    }
    else if (where === 'attachedTo') {
      const list = (itemOf('painPoints') as { attachedTo?: unknown[] } | undefined)?.attachedTo ?? [];
      set(list[index % Math.max(1, list.length)]);
    } else if (where === 'snapshots') {
      // One field of a snapshot (every other run), or a whole snapshot replaced or added.
      const list = raw.snapshots as unknown[];
      if (list.length > 0 && index % 2 === 0) set(itemOf('snapshots'));
      else list[list.length === 0 ? 0 : index % list.length] = snapshotValue;
    } else if (where === 'snapshotState') set((itemOf('snapshots') as { state?: unknown } | undefined)?.state);
    else if (where === 'snapshotRecord') {
      // A field of one record in one of the state's lists (or of the stakeholder's position).
      const state = (itemOf('snapshots') as { state?: Record<string, unknown[]> } | undefined)?.state;
      const lists = ['stakeholders', 'relationships', 'painPoints', 'solutions', 'categories', 'ballots'] as const;
      const list = state?.[lists[index % lists.length]!] ?? [];
      const record = list[Math.floor(index / lists.length) % Math.max(1, list.length)] as { position?: unknown } | undefined;
      set(field === 'x' || field === 'y' ? record?.position : record);
    } else set(itemOf(where));
    return raw;
  });

// ----- the properties ----------------------------------------------------------------------------------

describe('parseWorkspace (property-based)', () => {
  it(`gives a typed result for ${LOADER_RUNS.toLocaleString('en-US')} arbitrary JSON texts, and never throws`, () => {
    fc.assert(
      fc.property(jsonText, (json) => {
        figures.jsonValues++;
        expectTyped(parseWorkspace(json));
      }),
      { numRuns: LOADER_RUNS },
    );
    expect(prototypeKeys()).toEqual(prototypesBefore);
  }, PROPERTY_TIMEOUT_MS);

  it(`gives a typed result for ${LOADER_RUNS.toLocaleString('en-US')} arbitrary byte strings read as the app reads files`, async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (bytes) => {
        figures.byteStrings++;
        const read = await readWorkspaceFile('/memory/file.stakemap', { fs: memoryFs(bytes) });
        if (read.kind === 'read') {
          figures.bytesReachingParser++;
          expectTyped(parseWorkspace(read.content));
        } else {
          check(read.kind === 'failed' && read.reason.length > 0, 'a file main refuses gets a reason', read);
          // Decoded leniently (replacement characters for bad bytes), what main refuses reaches the parser too.
          expectTyped(parseWorkspace(new TextDecoder().decode(bytes)));
        }
      }),
      { numRuns: LOADER_RUNS },
    );
    expect(prototypeKeys()).toEqual(prototypesBefore);
  }, PROPERTY_TIMEOUT_MS);

  it(`reopens ${ROUND_TRIP_RUNS.toLocaleString('en-US')} arbitrary valid documents unchanged, and writes them byte for byte again`, () => {
    fc.assert(
      fc.property(documentArbitrary, (doc) => {
        figures.roundTrips++;
        const written = serializeWorkspace(doc);
        const reopened = parseWorkspace(written);
        if (!reopened.ok) throw new Error(`a valid document did not reopen: ${JSON.stringify(reopened.error)}`);
        // isDeepStrictEqual is much faster than expect().toEqual; toEqual runs only to show the difference.
        if (!isDeepStrictEqual(reopened.document, doc)) expect(reopened.document).toEqual(doc);
        check(reopened.danglingReferences.length === 0, 'valid references stay valid', reopened.danglingReferences);
        check(serializeWorkspace(reopened.document) === written, 'the reopened document is written byte for byte the same', written);
      }),
      { numRuns: ROUND_TRIP_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  // The fast path of loading (fast-validate.ts) must never accept what the schema refuses, must build exactly
  // the schema's document when it accepts, and must accept every valid document (or loading silently slows).
  it(`the fast check agrees with the schema on ${AGREEMENT_RUNS.toLocaleString('en-US')} valid documents with one field changed to an odd value`, () => {
    fc.assert(
      fc.property(mutatedDocument, (raw) => {
        const fast = fastValidate(raw);
        if (fast === null) return;
        const checked = workspaceSchema.safeParse(raw);
        check(checked.success, 'the fast check accepted only what the schema accepts', raw);
        // zod leaves own "__proto__" keys out and parseWorkspace puts them back (keepProtoKeys) after either path.
        check(isDeepStrictEqual(withoutProtoKeys(fast), withoutProtoKeys(checked.data)), 'the fast check built the schema\'s document', raw);
      }),
      { numRuns: AGREEMENT_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it(`the fast check accepts ${ROUND_TRIP_RUNS.toLocaleString('en-US')} valid documents and builds what the schema builds`, () => {
    fc.assert(
      fc.property(documentArbitrary, (doc) => {
        const raw = JSON.parse(JSON.stringify(doc));
        const fast = fastValidate(raw);
        check(fast !== null, 'a valid document takes the fast path', raw);
        check(isDeepStrictEqual(fast, workspaceSchema.parse(raw)), 'the fast check built the schema\'s document', raw);
      }),
      { numRuns: ROUND_TRIP_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});

