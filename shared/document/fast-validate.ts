import {
  ATTACHMENT_TYPES,
  DEFAULT_CATEGORIES,
  DEFAULT_STAGES,
  DEFAULT_VOTING_BUDGET,
  FORMAT_ID,
  MAX_STAGE_MINUTES,
  MAX_VOTING_BUDGET,
  MAX_COORDINATE,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  RELATIONSHIP_STATUSES,
  SOLUTION_STATUSES,
  STAGE_VIEWS,
  STAKEHOLDER_KINDS,
} from './format';
import { isoDateSchema, solutionSchema, type WorkspaceDocument } from './schema';

/*
 * The fast path of loading. The zod schema (schema.ts) is the definition of the format and words every error,
 * but under our Content Security Policy zod cannot compile its checks and runs them interpreted: on a map of
 * 1,000 stakeholders that is ten times slower than JSON.parse. Nearly every file is valid, so this hand-written
 * check runs first and builds the same document zod would (new objects, unknown properties kept, defaults
 * filled). It answers only "valid, here it is" or "not sure": on null, parse.ts runs zod, which either finds the
 * problem and words it, or accepts the file after all. A property test holds the two to the same answers.
 */

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const isShortText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_SHORT_TEXT;
const isLongText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_LONG_TEXT;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= MAX_SHORT_TEXT;
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isCoordinate = (value: unknown): boolean => isFiniteNumber(value) && value >= -MAX_COORDINATE && value <= MAX_COORDINATE;
const isRating = (value: unknown): boolean => value === undefined || (Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= 5);
const oneOf = <T extends string>(options: readonly T[], value: unknown): value is T => typeof value === 'string' && (options as readonly string[]).includes(value);

/** Marks "not sure": the caller falls back to the schema. */
class NotFast extends Error {}
const NOT_FAST = new NotFast();

function need(condition: boolean): void {
  if (!condition) throw NOT_FAST;
}

/** A default for an absent field; a present one must pass `check`. */
function withDefault<T>(value: unknown, fallback: T, check: (v: unknown) => boolean): T {
  if (value === undefined) return fallback;
  need(check(value));
  return value as T;
}

function list<T>(value: unknown, item: (raw: unknown) => T): T[] {
  if (value === undefined) return [];
  need(Array.isArray(value));
  const items = value as unknown[];
  const result = new Array<T>(items.length);
  for (let i = 0; i < items.length; i += 1) result[i] = item(items[i]);
  return result;
}

function stakeholder(raw: unknown) {
  need(isObject(raw));
  const s = raw as Raw;
  need(isId(s.id) && isShortText(s.name) && oneOf(STAKEHOLDER_KINDS, s.kind) && isRating(s.influence) && isRating(s.interest));
  need(isObject(s.position));
  const p = s.position as Raw;
  need(isCoordinate(p.x) && isCoordinate(p.y));
  need(s.pinned === undefined || typeof s.pinned === 'boolean');
  return {
    ...s,
    position: { ...p },
    owner: withDefault(s.owner, '', isShortText),
    notes: withDefault(s.notes, '', isLongText),
    color: withDefault(s.color, null, (v) => v === null || isShortText(v)),
  };
}

function relationship(raw: unknown) {
  need(isObject(raw));
  const r = raw as Raw;
  need(isId(r.id) && isId(r.source) && isId(r.target));
  return {
    ...r,
    status: withDefault(r.status, 'neutral', (v) => oneOf(RELATIONSHIP_STATUSES, v)),
    label: withDefault(r.label, '', isShortText),
    notes: withDefault(r.notes, '', isLongText),
    otherSide: otherSide(r.otherSide),
  };
}

/** How the other side sees a relationship: null when absent or not recorded; an object needs its status. */
function otherSide(raw: unknown) {
  if (raw === undefined || raw === null) return null;
  need(isObject(raw));
  const o = raw as Raw;
  need(oneOf(RELATIONSHIP_STATUSES, o.status));
  return { ...o, notes: withDefault(o.notes, '', isLongText) };
}

function attachment(raw: unknown) {
  need(isObject(raw));
  const a = raw as Raw;
  need(oneOf(ATTACHMENT_TYPES, a.type) && isId(a.id));
  return { ...a };
}

const isNullableId = (v: unknown): boolean => v === null || isId(v);
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
const isIntIn = (min: number, max: number) => (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

function quote(raw: unknown) {
  need(isObject(raw));
  const q = raw as Raw;
  need(isLongText(q.text));
  return { ...q, voice: withDefault(q.voice, null, isNullableId) };
}

function addressed(raw: unknown): string {
  need(isId(raw));
  return raw as string;
}

function painPoint(raw: unknown) {
  need(isObject(raw));
  const p = raw as Raw;
  need(isId(p.id) && isShortText(p.title));
  return {
    ...p,
    description: withDefault(p.description, '', isLongText),
    categoryId: withDefault(p.categoryId, '', isShortText),
    quotes: list(p.quotes, quote),
    attachedTo: list(p.attachedTo, attachment),
    tally: withDefault(p.tally, 0, (v) => Number.isSafeInteger(v) && (v as number) >= 0),
    voice: withDefault(p.voice, null, isNullableId),
  };
}

function solution(raw: unknown) {
  need(isObject(raw));
  const s = raw as Raw;
  need(isId(s.id) && isShortText(s.title) && isRating(s.impact) && isRating(s.effort));
  return {
    ...s,
    description: withDefault(s.description, '', isLongText),
    addresses: list(s.addresses, addressed),
    status: withDefault(s.status, 'idea', (v) => oneOf(SOLUTION_STATUSES, v)),
    owner: withDefault(s.owner, '', isShortText),
    dueDate: withDefault(s.dueDate, null, (v) => v === null || calendarDate(v)),
  };
}

function calendarDate(value: unknown): boolean {
  // Rare and short: the schema's own check, so the two paths cannot disagree on what a date is.
  return typeof value === 'string' && value.length === 10 && solutionSchema.shape.dueDate.safeParse(value).success;
}

function stage(raw: unknown) {
  need(isObject(raw));
  const s = raw as Raw;
  need(isId(s.id) && isShortText(s.title) && isIntIn(1, MAX_STAGE_MINUTES)(s.minutes));
  return {
    ...s,
    goal: withDefault(s.goal, '', isLongText),
    view: withDefault(s.view, 'map', (v) => oneOf(STAGE_VIEWS, v)),
    voting: withDefault(s.voting, false, isBoolean),
  };
}

function agenda(raw: unknown) {
  if (raw === undefined) return { visible: true, currentStageId: null, stages: DEFAULT_STAGES.map((s) => ({ ...s })) };
  need(isObject(raw));
  const a = raw as Raw;
  return {
    ...a,
    visible: withDefault(a.visible, true, isBoolean),
    currentStageId: withDefault(a.currentStageId, null, isNullableId),
    stages: a.stages === undefined ? DEFAULT_STAGES.map((s) => ({ ...s })) : list(a.stages, stage),
  };
}

function participant(raw: unknown) {
  need(isObject(raw));
  const p = raw as Raw;
  need(isId(p.id) && isShortText(p.label));
  return { ...p, departmentId: withDefault(p.departmentId, null, isNullableId) };
}

function voting(raw: unknown) {
  if (raw === undefined) return { budget: DEFAULT_VOTING_BUDGET, hideResults: false, revealed: false };
  need(isObject(raw));
  const v = raw as Raw;
  return {
    ...v,
    budget: withDefault(v.budget, DEFAULT_VOTING_BUDGET, isIntIn(1, MAX_VOTING_BUDGET)),
    hideResults: withDefault(v.hideResults, false, isBoolean),
    revealed: withDefault(v.revealed, false, isBoolean),
  };
}

function ballot(raw: unknown) {
  need(isObject(raw));
  const b = raw as Raw;
  need(isId(b.participantId) && isId(b.painPointId));
  return { ...b };
}

function category(raw: unknown) {
  need(isObject(raw));
  const c = raw as Raw;
  need(isId(c.id) && isShortText(c.name) && isShortText(c.color));
  return { ...c };
}

function isoDate(value: unknown): boolean {
  // Rare and short: the schema's own check, so the two paths cannot disagree on what a date is.
  return value === undefined || isoDateSchema.safeParse(value).success;
}

/** The six default categories, fresh: what the schema fills in for a workspace or a snapshot that names none. */
const defaultCategories = () => DEFAULT_CATEGORIES.map((c) => ({ ...c }));

/**
 * The map a snapshot keeps: the same lists, with the same defaults, as the workspace's own, each record checked
 * as the workspace's are. Its references are not checked (a snapshot is history: see references.ts).
 */
function snapshotState(raw: unknown) {
  need(isObject(raw));
  const s = raw as Raw;
  return {
    ...s,
    stakeholders: list(s.stakeholders, stakeholder),
    relationships: list(s.relationships, relationship),
    painPoints: list(s.painPoints, painPoint),
    solutions: list(s.solutions, solution),
    categories: s.categories === undefined ? defaultCategories() : list(s.categories, category),
    ballots: list(s.ballots, ballot),
  };
}

function snapshot(raw: unknown) {
  need(isObject(raw));
  const s = raw as Raw;
  // takenAt is required: isoDate alone would let an absent one through.
  need(isId(s.id) && isShortText(s.name) && s.takenAt !== undefined && isoDate(s.takenAt));
  return { ...s, state: snapshotState(s.state) };
}

/**
 * The document the schema would produce for `raw`, built without zod, or null when `raw` is not plainly valid
 * (the schema then decides, and words any problem).
 */
export function fastValidate(raw: unknown): WorkspaceDocument | null {
  try {
    need(isObject(raw));
    const w = raw as Raw;
    need(w.format === FORMAT_ID && Number.isSafeInteger(w.version) && (w.version as number) >= 1);
    need(isoDate(w.createdAt) && isoDate(w.updatedAt));
    let viewport = { x: 0, y: 0, zoom: 1 } as Raw;
    if (w.viewport !== undefined) {
      need(isObject(w.viewport));
      const v = w.viewport as Raw;
      need(isFiniteNumber(v.x) && isFiniteNumber(v.y) && isFiniteNumber(v.zoom) && v.zoom > 0);
      viewport = { ...v };
    }
    return {
      ...w,
      title: withDefault(w.title, 'Untitled workspace', isShortText),
      stakeholders: list(w.stakeholders, stakeholder),
      relationships: list(w.relationships, relationship),
      painPoints: list(w.painPoints, painPoint),
      solutions: list(w.solutions, solution),
      categories: w.categories === undefined ? defaultCategories() : list(w.categories, category),
      viewport,
      agenda: agenda(w.agenda),
      participants: list(w.participants, participant),
      voting: voting(w.voting),
      ballots: list(w.ballots, ballot),
      snapshots: list(w.snapshots, snapshot),
    } as WorkspaceDocument;
  } catch (error) {
    if (error instanceof NotFast) return null;
    throw error;
  }
}
