import { RELATIONSHIP_STATUSES, type AttachmentType, type RelationshipStatus, type SolutionStatus, type StakeholderKind } from '../document/format';
import type { Attachment, Category, PainPoint, Relationship, Solution, Stakeholder, WorkspaceDocument } from '../document/schema';
import { RELATIONSHIP_STATUS_LABELS, SOLUTION_STATUS_LABELS, STAKEHOLDER_KIND_LABELS } from '../document/vocabulary';
import { attachmentKey, stakeholderName } from './pain-point-index';
import { voteTotals } from './votes';

/*
 * "What changed" between two states of a workspace (a snapshot and now, or this workspace and another file): the
 * one structured diff that the comparison view, the map's marks, the PDF report and the Markdown export all read,
 * so they all say the same thing. Only changes a room would talk about are listed: a stakeholder dragged across
 * the map, pinned or recoloured has not changed in any way that matters to the workshop, so position, pinned and
 * colour are ignored.
 *
 * Items are matched by id. Relationships are also matched by their two stakeholders (in either direction): the
 * usual way to "fix" a line is to delete it and draw it again, and the room sees the same relationship with a new
 * status, not one removed and another added. Every entry carries the names it needs to be described, taken from
 * the side it belongs to (the removed ones from `before`), so a reader never has to look anything up; a broken
 * reference is named as missing, never skipped, and never throws.
 *
 * Entries come in the document order of `after` (added and changed items interleaved), then the removed ones in
 * the order of `before`, so the same two states always give the same diff. Everything is indexed by Maps: maps of
 * 10,000 stakeholders are compared in linear time.
 */

/** The parts of a workspace compared. Ballots are optional (a snapshot may hold tallies only): missing counts as none. */
export type DiffParts = Pick<WorkspaceDocument, 'stakeholders' | 'relationships' | 'painPoints' | 'solutions' | 'categories'> &
  Partial<Pick<WorkspaceDocument, 'ballots'>>;

/** What happened to an item: there only in `after`, only in `before`, or in both but different. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** Whether a relationship's status moved toward healthy (improved) or toward problematic (worsened). */
export type StatusDirection = 'improved' | 'worsened';

/** A field that changed, with its value before and after. */
export interface FieldChange<F extends string, T> {
  readonly field: F;
  readonly from: T;
  readonly to: T;
}

/** A stakeholder field the room cares about. Ratings not given are null ("not scored"). */
export type StakeholderFieldChange =
  | FieldChange<'name', string>
  | FieldChange<'kind', StakeholderKind>
  | FieldChange<'influence' | 'interest', number | null>
  | FieldChange<'owner' | 'notes', string>;

export interface StakeholderChange {
  readonly subject: 'stakeholder';
  readonly change: ChangeKind;
  readonly id: string;
  /** The name shown (`after`'s, `before`'s when removed), `Unnamed stakeholder` when empty. */
  readonly name: string;
  /** For 'changed': what changed, in the order name, kind, influence, interest, owner, notes; else empty. */
  readonly fields: readonly StakeholderFieldChange[];
}

/** The other side's view as compared: null when not recorded. */
export interface OtherSideView {
  readonly status: RelationshipStatus;
  readonly notes: string;
}

/** Both ends of a relationship, by id and by the name shown. */
export interface RelationshipEnds {
  readonly sourceId: string;
  readonly targetId: string;
  readonly sourceName: string;
  readonly targetName: string;
}

export type RelationshipFieldChange =
  | (FieldChange<'status', RelationshipStatus> & { readonly direction: StatusDirection })
  | FieldChange<'label', string>
  | FieldChange<'otherSide', OtherSideView | null>
  /** The relationship (same id) now joins a different pair of stakeholders. */
  | FieldChange<'ends', RelationshipEnds>;

export interface RelationshipChange extends RelationshipEnds {
  readonly subject: 'relationship';
  readonly change: ChangeKind;
  /** `after`'s id (`before`'s when removed). */
  readonly id: string;
  /**
   * The id in `before` when the relationship was deleted and drawn again between the same two stakeholders
   * (matched by its ends, so a different id); null otherwise.
   */
  readonly redrawnFrom: string | null;
  /** Its status (how the source side sees it) in `after`, in `before` when removed. */
  readonly status: RelationshipStatus;
  /** For 'changed': the status field's direction, null when the status did not change (and for added/removed). */
  readonly direction: StatusDirection | null;
  /** For 'changed': what changed, in the order status, label, otherSide, ends; else empty. */
  readonly fields: readonly RelationshipFieldChange[];
}

/** What a pain point is attached to, with the name shown for it (`missing ... "id"` for a broken reference). */
export interface NamedAttachment {
  readonly type: AttachmentType;
  readonly id: string;
  readonly name: string;
}

/** A category by id and the name shown (`Uncategorised` for none, `missing category "id"` for a broken one). */
export interface NamedCategory {
  readonly id: string;
  readonly name: string;
}

export type PainPointFieldChange =
  | FieldChange<'title', string>
  | FieldChange<'category', NamedCategory>
  /** Total votes: tally plus ballots (votes.ts). */
  | FieldChange<'votes', number>
  | FieldChange<'attachedTo', readonly NamedAttachment[]>;

/** A solution by id and the title shown (`Untitled solution` when empty). */
export interface NamedSolution {
  readonly id: string;
  readonly title: string;
}

export interface PainPointChange {
  readonly subject: 'painPoint';
  readonly change: ChangeKind;
  readonly id: string;
  /** The title shown (`after`'s, `before`'s when removed), `Untitled pain point` when empty. */
  readonly title: string;
  /**
   * Non-empty when the pain point was resolved: for 'changed', the `done` solutions addressing it in `after` when
   * none addressing it was done in `before`; for 'removed', the `done` solutions addressing it in `before` (it was
   * resolved and then removed, not dropped unanswered). Empty otherwise.
   */
  readonly resolvedBy: readonly NamedSolution[];
  /** For 'changed': what changed, in the order title, category, votes, attachedTo; else empty. */
  readonly fields: readonly PainPointFieldChange[];
}

export type SolutionFieldChange = FieldChange<'status', SolutionStatus> | FieldChange<'title' | 'owner', string> | FieldChange<'dueDate', string | null>;

export interface SolutionChange {
  readonly subject: 'solution';
  readonly change: ChangeKind;
  readonly id: string;
  /** The title shown (`after`'s, `before`'s when removed), `Untitled solution` when empty. */
  readonly title: string;
  /** Its status in `after`, in `before` when removed. */
  readonly status: SolutionStatus;
  /** For 'changed': what changed, in the order status, title, owner, dueDate; else empty. */
  readonly fields: readonly SolutionFieldChange[];
}

export type DiffEntry = StakeholderChange | RelationshipChange | PainPointChange | SolutionChange;

export interface WorkspaceDiff {
  readonly stakeholders: readonly StakeholderChange[];
  readonly relationships: readonly RelationshipChange[];
  readonly painPoints: readonly PainPointChange[];
  readonly solutions: readonly SolutionChange[];
}

/** Everything listed in a diff, group by group (stakeholders, relationships, pain points, solutions). */
export function diffEntries(diff: WorkspaceDiff): DiffEntry[] {
  return [...diff.stakeholders, ...diff.relationships, ...diff.painPoints, ...diff.solutions];
}

/** How many changes a diff lists (one per item, however many of its fields changed). */
export function changeCount(diff: WorkspaceDiff): number {
  return diff.stakeholders.length + diff.relationships.length + diff.painPoints.length + diff.solutions.length;
}

/** Whether nothing worth listing changed. */
export function isEmpty(diff: WorkspaceDiff): boolean {
  return changeCount(diff) === 0;
}

/** What changed between two states of a workspace. Pure; `before` and `after` are not modified. */
export function diffWorkspaces(before: DiffParts, after: DiffParts): WorkspaceDiff {
  const names = { before: stakeholderNames(before), after: stakeholderNames(after) };
  return {
    stakeholders: diffStakeholders(before.stakeholders, after.stakeholders),
    relationships: diffRelationships(before.relationships, after.relationships, names),
    painPoints: diffPainPoints(before, after, names),
    solutions: diffSolutions(before.solutions, after.solutions),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching

/**
 * Pairs each item of `after` with the item of `before` with the same id: `match[i]` is the index in `before` of
 * `after[i]`'s counterpart. One to one: where a file repeats an id (another tool wrote it), the repeats are paired
 * in document order, and the ones left over are added or removed.
 */
function matchById(before: readonly { readonly id: string }[], after: readonly { readonly id: string }[]): (number | undefined)[] {
  const queues = new Queues();
  before.forEach((item, i) => queues.push(item.id, i));
  return after.map((item) => queues.take(item.id));
}

/** Indices of `before` waiting to be matched, by key, each taken once, in document order. */
class Queues {
  private readonly queues = new Map<string, { readonly indices: number[]; next: number }>();

  push(key: string, index: number): void {
    const queue = this.queues.get(key);
    if (queue) queue.indices.push(index);
    else this.queues.set(key, { indices: [index], next: 0 });
  }

  /** The next index waiting under the key, or undefined; it is not handed out again. */
  take(key: string): number | undefined {
    const queue = this.queues.get(key);
    const index = queue?.indices[queue.next];
    if (queue && index !== undefined) queue.next += 1;
    return index;
  }
}

/** The items of `before` no item of `after` was matched with, in `before` order. */
function unmatched<T>(before: readonly T[], match: readonly (number | undefined)[]): T[] {
  const taken = new Set<number>();
  for (const i of match) if (i !== undefined) taken.add(i);
  return before.filter((_, i) => !taken.has(i));
}

// ---------------------------------------------------------------------------------------------------------------
// Stakeholders

interface NameMaps {
  readonly before: ReadonlyMap<string, string>;
  readonly after: ReadonlyMap<string, string>;
}

function stakeholderNames(doc: DiffParts): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of doc.stakeholders) if (!names.has(s.id)) names.set(s.id, stakeholderName(s.name));
  return names;
}

function nameIn(names: ReadonlyMap<string, string>, id: string): string {
  return names.get(id) ?? `missing stakeholder "${id}"`;
}

function diffStakeholders(before: readonly Stakeholder[], after: readonly Stakeholder[]): StakeholderChange[] {
  const match = matchById(before, after);
  const entries: StakeholderChange[] = [];
  after.forEach((s, i) => {
    const j = match[i];
    const old = j === undefined ? undefined : before[j];
    const base = { subject: 'stakeholder', id: s.id, name: stakeholderName(s.name) } as const;
    if (!old) {
      entries.push({ ...base, change: 'added', fields: [] });
      return;
    }
    const fields: StakeholderFieldChange[] = [];
    if (old.name !== s.name) fields.push({ field: 'name', from: old.name, to: s.name });
    if (old.kind !== s.kind) fields.push({ field: 'kind', from: old.kind, to: s.kind });
    for (const field of ['influence', 'interest'] as const) {
      const from = old[field] ?? null;
      const to = s[field] ?? null;
      if (from !== to) fields.push({ field, from, to });
    }
    for (const field of ['owner', 'notes'] as const) if (old[field] !== s[field]) fields.push({ field, from: old[field], to: s[field] });
    if (fields.length > 0) entries.push({ ...base, change: 'changed', fields });
  });
  for (const s of unmatched(before, match)) entries.push({ subject: 'stakeholder', change: 'removed', id: s.id, name: stakeholderName(s.name), fields: [] });
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Relationships

/** The two stakeholders of a relationship, whichever way it was drawn. JSON keeps ids with any characters apart. */
function pairKey(r: Pick<Relationship, 'source' | 'target'>): string {
  return JSON.stringify(r.source < r.target ? [r.source, r.target] : [r.target, r.source]);
}

function endsOf(r: Relationship, names: ReadonlyMap<string, string>): RelationshipEnds {
  return { sourceId: r.source, targetId: r.target, sourceName: nameIn(names, r.source), targetName: nameIn(names, r.target) };
}

function otherSideView(r: Relationship): OtherSideView | null {
  return r.otherSide ? { status: r.otherSide.status, notes: r.otherSide.notes } : null;
}

function sameOtherSide(a: OtherSideView | null, b: OtherSideView | null): boolean {
  if (a === null || b === null) return a === b;
  return a.status === b.status && a.notes === b.notes;
}

/** improved: moved toward healthy (healthy < neutral < strained < problematic); null: the same status. */
export function statusDirection(from: RelationshipStatus, to: RelationshipStatus): StatusDirection | null {
  const delta = RELATIONSHIP_STATUSES.indexOf(to) - RELATIONSHIP_STATUSES.indexOf(from);
  return delta === 0 ? null : delta < 0 ? 'improved' : 'worsened';
}

function diffRelationships(before: readonly Relationship[], after: readonly Relationship[], names: NameMaps): RelationshipChange[] {
  const match = matchById(before, after);
  // Then the ones left on both sides by their two stakeholders, in document order: a line deleted and drawn
  // again between the same two stakeholders. Only after every id has been matched, so a relationship that kept
  // its id is never taken by another drawn between the same pair.
  const waiting = new Queues();
  const taken = new Set<number>();
  for (const i of match) if (i !== undefined) taken.add(i);
  before.forEach((r, i) => {
    if (!taken.has(i)) waiting.push(pairKey(r), i);
  });
  const redrawn = new Set<number>();
  after.forEach((r, i) => {
    if (match[i] !== undefined) return;
    const j = waiting.take(pairKey(r));
    if (j !== undefined) {
      match[i] = j;
      redrawn.add(i);
    }
  });

  const entries: RelationshipChange[] = [];
  after.forEach((r, i) => {
    const j = match[i];
    const old = j === undefined ? undefined : before[j];
    const base = { subject: 'relationship', id: r.id, status: r.status, ...endsOf(r, names.after) } as const;
    if (!old) {
      entries.push({ ...base, change: 'added', redrawnFrom: null, direction: null, fields: [] });
      return;
    }
    const fields: RelationshipFieldChange[] = [];
    const direction = statusDirection(old.status, r.status);
    if (direction !== null) fields.push({ field: 'status', from: old.status, to: r.status, direction });
    if (old.label !== r.label) fields.push({ field: 'label', from: old.label, to: r.label });
    const fromView = otherSideView(old);
    const toView = otherSideView(r);
    if (!sameOtherSide(fromView, toView)) fields.push({ field: 'otherSide', from: fromView, to: toView });
    if (pairKey(old) !== pairKey(r)) fields.push({ field: 'ends', from: endsOf(old, names.before), to: endsOf(r, names.after) });
    if (fields.length > 0) entries.push({ ...base, change: 'changed', redrawnFrom: redrawn.has(i) ? old.id : null, direction, fields });
  });
  for (const r of unmatched(before, match)) {
    entries.push({ subject: 'relationship', change: 'removed', id: r.id, status: r.status, ...endsOf(r, names.before), redrawnFrom: null, direction: null, fields: [] });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Pain points

function painPointTitle(p: Pick<PainPoint, 'title'>): string {
  return p.title.trim() === '' ? 'Untitled pain point' : p.title;
}

function solutionTitle(s: Pick<Solution, 'title'>): string {
  return s.title.trim() === '' ? 'Untitled solution' : s.title;
}

function categoryNames(categories: readonly Category[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of categories) if (!names.has(c.id)) names.set(c.id, c.name.trim() === '' ? 'Unnamed category' : c.name);
  return names;
}

function namedCategory(names: ReadonlyMap<string, string>, id: string): NamedCategory {
  const name = names.get(id);
  if (name !== undefined) return { id, name };
  return { id, name: id === '' ? 'Uncategorised' : `missing category "${id}"` };
}

/** The `done` solutions addressing each pain point, in document order (each solution once per pain point). */
function doneSolutionsByPainPoint(solutions: readonly Solution[]): Map<string, NamedSolution[]> {
  const result = new Map<string, NamedSolution[]>();
  for (const s of solutions) {
    if (s.status !== 'done') continue;
    const named = { id: s.id, title: solutionTitle(s) };
    for (const painPointId of new Set(s.addresses)) {
      const list = result.get(painPointId);
      if (list) list.push(named);
      else result.set(painPointId, [named]);
    }
  }
  return result;
}

/** Names attachments the way describeAttachment (pain-point-index.ts) does, from Maps instead of searches. */
function attachmentNamer(doc: DiffParts, names: ReadonlyMap<string, string>): (a: Attachment) => NamedAttachment {
  const relationships = new Map<string, Relationship>();
  for (const r of doc.relationships) if (!relationships.has(r.id)) relationships.set(r.id, r);
  return (a) => {
    if (a.type === 'stakeholder') return { type: a.type, id: a.id, name: names.get(a.id) ?? `missing stakeholder "${a.id}"` };
    const r = relationships.get(a.id);
    if (!r) return { type: a.type, id: a.id, name: `missing relationship "${a.id}"` };
    const ends = `${nameIn(names, r.source)} – ${nameIn(names, r.target)}`;
    const label = r.label.trim();
    return { type: a.type, id: a.id, name: label ? `${ends} (${label})` : ends };
  };
}

/** A pain point's attachments without repeats, in document order. */
function distinctAttachments(p: PainPoint): Attachment[] {
  const seen = new Set<string>();
  return p.attachedTo.filter((a) => {
    const key = attachmentKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether two attachment lists name the same items; the order they were attached in does not matter. */
function sameAttachments(a: readonly Attachment[], b: readonly Attachment[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(attachmentKey));
  return b.every((x) => keys.has(attachmentKey(x)));
}

function diffPainPoints(before: DiffParts, after: DiffParts, names: NameMaps): PainPointChange[] {
  const votes = {
    before: voteTotals({ painPoints: before.painPoints, ballots: before.ballots ?? [] }),
    after: voteTotals({ painPoints: after.painPoints, ballots: after.ballots ?? [] }),
  };
  const categories = { before: categoryNames(before.categories), after: categoryNames(after.categories) };
  const done = { before: doneSolutionsByPainPoint(before.solutions), after: doneSolutionsByPainPoint(after.solutions) };
  const attachment = { before: attachmentNamer(before, names.before), after: attachmentNamer(after, names.after) };

  const match = matchById(before.painPoints, after.painPoints);
  const entries: PainPointChange[] = [];
  after.painPoints.forEach((p, i) => {
    const j = match[i];
    const old = j === undefined ? undefined : before.painPoints[j];
    const base = { subject: 'painPoint', id: p.id, title: painPointTitle(p) } as const;
    if (!old) {
      entries.push({ ...base, change: 'added', resolvedBy: [], fields: [] });
      return;
    }
    const fields: PainPointFieldChange[] = [];
    if (old.title !== p.title) fields.push({ field: 'title', from: old.title, to: p.title });
    if (old.categoryId !== p.categoryId) {
      fields.push({ field: 'category', from: namedCategory(categories.before, old.categoryId), to: namedCategory(categories.after, p.categoryId) });
    }
    const fromVotes = votes.before.get(old.id) ?? 0;
    const toVotes = votes.after.get(p.id) ?? 0;
    if (fromVotes !== toVotes) fields.push({ field: 'votes', from: fromVotes, to: toVotes });
    const fromAttached = distinctAttachments(old);
    const toAttached = distinctAttachments(p);
    if (!sameAttachments(fromAttached, toAttached)) {
      fields.push({ field: 'attachedTo', from: fromAttached.map(attachment.before), to: toAttached.map(attachment.after) });
    }
    const resolvedBy = done.before.has(old.id) ? [] : (done.after.get(p.id) ?? []);
    if (fields.length > 0 || resolvedBy.length > 0) entries.push({ ...base, change: 'changed', resolvedBy, fields });
  });
  for (const p of unmatched(before.painPoints, match)) {
    entries.push({ subject: 'painPoint', change: 'removed', id: p.id, title: painPointTitle(p), resolvedBy: done.before.get(p.id) ?? [], fields: [] });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Solutions

function diffSolutions(before: readonly Solution[], after: readonly Solution[]): SolutionChange[] {
  const match = matchById(before, after);
  const entries: SolutionChange[] = [];
  after.forEach((s, i) => {
    const j = match[i];
    const old = j === undefined ? undefined : before[j];
    const base = { subject: 'solution', id: s.id, title: solutionTitle(s), status: s.status } as const;
    if (!old) {
      entries.push({ ...base, change: 'added', fields: [] });
      return;
    }
    const fields: SolutionFieldChange[] = [];
    if (old.status !== s.status) fields.push({ field: 'status', from: old.status, to: s.status });
    for (const field of ['title', 'owner'] as const) if (old[field] !== s[field]) fields.push({ field, from: old[field], to: s[field] });
    if (old.dueDate !== s.dueDate) fields.push({ field: 'dueDate', from: old.dueDate, to: s.dueDate });
    if (fields.length > 0) entries.push({ ...base, change: 'changed', fields });
  });
  for (const s of unmatched(before, match)) entries.push({ subject: 'solution', change: 'removed', id: s.id, title: solutionTitle(s), status: s.status, fields: [] });
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Marks on the map

/**
 * How an item on the map is marked in a comparison. A relationship whose status moved is marked by the direction,
 * not just as changed: "better" and "worse" is what the room looks for.
 */
export type ChangeMark = 'added' | 'removed' | 'changed' | 'improved' | 'worsened';

/** The word beside each mark (a badge, a tooltip, the legend), so a mark never relies on colour alone. */
export const CHANGE_MARK_LABELS: Readonly<Record<ChangeMark, string>> = Object.freeze({
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  improved: 'Improved',
  worsened: 'Worsened',
});

export interface ChangeMarks {
  readonly stakeholders: ReadonlyMap<string, ChangeMark>;
  readonly relationships: ReadonlyMap<string, ChangeMark>;
}

/**
 * The mark of every stakeholder and relationship the diff lists, by id; unlisted items have no entry. Ids of
 * removed items are `before`'s, the others `after`'s, and the two never collide (an id in both sides is matched,
 * not removed), so the same Maps decorate either map. A redrawn relationship is marked under both its ids.
 */
export function changeMarks(diff: WorkspaceDiff): ChangeMarks {
  const stakeholders = new Map<string, ChangeMark>();
  for (const e of diff.stakeholders) stakeholders.set(e.id, e.change);
  const relationships = new Map<string, ChangeMark>();
  for (const e of diff.relationships) {
    const mark: ChangeMark = e.change === 'changed' ? (e.direction ?? 'changed') : e.change;
    relationships.set(e.id, mark);
    if (e.redrawnFrom !== null) relationships.set(e.redrawnFrom, mark);
  }
  return { stakeholders, relationships };
}

// ---------------------------------------------------------------------------------------------------------------
// Words

export interface DescribeOptions {
  /**
   * Applied to every piece of text that comes from the documents (names, titles, labels, owners, dates, ids in
   * "missing" names) and to nothing else: the Markdown export escapes user text this way. Default: as it is.
   */
  readonly userText?: (text: string) => string;
}

/**
 * One change as one line of English, e.g. `Social media team – Legal: problematic → strained (improved)`,
 * `New pain point: Sign-off takes days`, `Solution Pre-approved responses: Idea → Done`. Several fields of one
 * item are joined with "; ". Notes are long text: only the fact that they were edited is said.
 */
export function describeChange(entry: DiffEntry, options: DescribeOptions = {}): string {
  const t = options.userText ?? ((text: string) => text);
  switch (entry.subject) {
    case 'stakeholder':
      return describeStakeholder(entry, t);
    case 'relationship':
      return describeRelationship(entry, t);
    case 'painPoint':
      return describePainPoint(entry, t);
    case 'solution':
      return describeSolution(entry, t);
  }
}

type Text = (text: string) => string;

const arrow = (from: string, to: string) => `${from} → ${to}`;
/** Optional text ('' = none given): user text, or the word `none`. */
const orNone = (text: string, t: Text) => (text.trim() === '' ? 'none' : t(text));
const rating = (value: number | null) => (value === null ? 'not scored' : String(value));
const relationshipWord = (s: RelationshipStatus) => RELATIONSHIP_STATUS_LABELS[s].toLowerCase();
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function describeStakeholder(e: StakeholderChange, t: Text): string {
  if (e.change === 'added') return `New stakeholder: ${t(e.name)}`;
  if (e.change === 'removed') return `Removed stakeholder: ${t(e.name)}`;
  const parts = e.fields.map((f) => {
    switch (f.field) {
      case 'name':
        return `renamed from ${t(stakeholderName(f.from))}`;
      case 'kind':
        return `kind ${arrow(STAKEHOLDER_KIND_LABELS[f.from].toLowerCase(), STAKEHOLDER_KIND_LABELS[f.to].toLowerCase())}`;
      case 'influence':
      case 'interest':
        return `${f.field} ${arrow(rating(f.from), rating(f.to))}`;
      case 'owner':
        return `owner ${arrow(orNone(f.from, t), orNone(f.to, t))}`;
      case 'notes':
        return 'notes edited';
    }
  });
  return `Stakeholder ${t(e.name)}: ${parts.join('; ')}`;
}

function describeOtherSide(from: OtherSideView | null, to: OtherSideView | null): string {
  const word = (v: OtherSideView | null) => (v === null ? 'not recorded' : relationshipWord(v.status));
  const said: string[] = [];
  if (from?.status !== to?.status) said.push(arrow(word(from), word(to)));
  // A note added with a first view, or dropped with the last, goes with it; otherwise an edited note is said.
  if (from !== null && to !== null && from.notes !== to.notes) said.push('note edited');
  return said.join(', ');
}

function describeRelationship(e: RelationshipChange, t: Text): string {
  const ends = (x: RelationshipEnds) => `${t(x.sourceName)} – ${t(x.targetName)}`;
  if (e.change === 'added') return `New relationship: ${ends(e)}, ${relationshipWord(e.status)}`;
  if (e.change === 'removed') return `Removed relationship: ${ends(e)}`;
  const parts = e.fields.map((f) => {
    switch (f.field) {
      case 'status':
        return `${arrow(relationshipWord(f.from), relationshipWord(f.to))} (${f.direction})`;
      case 'label':
        return `label ${arrow(orNone(f.from, t), orNone(f.to, t))}`;
      case 'otherSide':
        return `other side's view (${t(e.targetName)}): ${describeOtherSide(f.from, f.to)}`;
      case 'ends':
        return `was between ${ends(f.from)}`;
    }
  });
  return `${ends(e)}: ${parts.join('; ')}`;
}

function describePainPoint(e: PainPointChange, t: Text): string {
  const resolved = e.resolvedBy.map((s) => t(s.title)).join(', ');
  if (e.change === 'added') return `New pain point: ${t(e.title)}`;
  if (e.change === 'removed') return `Removed pain point: ${t(e.title)}${resolved ? ` (resolved by ${resolved})` : ''}`;
  const attached = (list: readonly NamedAttachment[]) => (list.length === 0 ? 'whole workspace' : list.map((a) => t(a.name)).join(', '));
  const parts = resolved ? [`resolved by ${resolved}`] : [];
  for (const f of e.fields) {
    switch (f.field) {
      case 'title':
        parts.push(`renamed from ${t(painPointTitle({ title: f.from }))}`);
        break;
      case 'category':
        parts.push(`category ${arrow(t(f.from.name), t(f.to.name))}`);
        break;
      case 'votes':
        parts.push(`votes ${arrow(String(f.from), String(f.to))} (${signed(f.to - f.from)})`);
        break;
      case 'attachedTo':
        parts.push(`attached to ${arrow(attached(f.from), attached(f.to))}`);
        break;
    }
  }
  return `Pain point ${t(e.title)}: ${parts.join('; ')}`;
}

function describeSolution(e: SolutionChange, t: Text): string {
  if (e.change === 'added') return `New solution: ${t(e.title)}`;
  if (e.change === 'removed') return `Removed solution: ${t(e.title)}`;
  const parts = e.fields.map((f) => {
    switch (f.field) {
      case 'status':
        return arrow(SOLUTION_STATUS_LABELS[f.from], SOLUTION_STATUS_LABELS[f.to]);
      case 'title':
        return `renamed from ${t(solutionTitle({ title: f.from }))}`;
      case 'owner':
        return `owner ${arrow(orNone(f.from, t), orNone(f.to, t))}`;
      case 'dueDate':
        return `due date ${arrow(orNone(f.from ?? '', t), orNone(f.to ?? '', t))}`;
    }
  });
  return `Solution ${t(e.title)}: ${parts.join('; ')}`;
}
