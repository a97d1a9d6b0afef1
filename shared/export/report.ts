import { SOLUTION_STATUSES, type SolutionStatus } from '../document/format';
import { diffWorkspaces, type WorkspaceDiff } from '../domain/workspace-diff';
import { buildOrganisationReport, type OrganisationReport } from './organisation-report';
import type { PainPoint, Solution, WorkspaceDocument } from '../document/schema';
import { SOLUTION_STATUS_LABELS } from '../document/vocabulary';
import { attachmentKey, describeAttachments, painPointsByAttachment, stakeholderNameById } from '../domain/pain-point-index';
import { isLiveSolution, solutionsByPainPoint, unaddressedPainPointIds } from '../domain/unaddressed';
import { voteTotals } from '../domain/votes';

/*
 * The workshop report (journey 7): what the PDF export prints after the map, and what the Markdown export writes.
 * Both render this one plain structure, so the two can never disagree about an order, a count or a name. Every
 * choice a reader would notice (what is sorted how, what an empty title is called, how a broken reference reads)
 * is made here, once, and tested without a browser.
 *
 * Broken references are reported, never skipped: a solution addressing a pain point that no longer exists lists
 * `missing pain point "id"`, and a pain point whose category is gone is shown under "Uncategorised", because
 * the product promise is that nothing disappears silently.
 */

/**
 * The order solutions are listed in: work under way first, then what the room agreed, then open ideas, then
 * what is finished, and what was rejected last. Leadership reads from the top; what needs them is there.
 */
export const REPORT_STATUS_ORDER: readonly SolutionStatus[] = Object.freeze(['in-progress', 'agreed', 'idea', 'done', 'dropped'] as const);

/** Name of the trailing group of pain points whose category id names no category. */
export const UNCATEGORISED_NAME = 'Uncategorised';

/** Colour of the "Uncategorised" group: a neutral grey, the board's colour for the same column. */
export const UNCATEGORISED_COLOR = '#868e96';

/** The counts at the top of the report. */
export interface ReportSummary {
  readonly stakeholders: number;
  readonly relationships: number;
  /** Relationships whose status is `problematic`. */
  readonly problematic: number;
  readonly painPoints: number;
  /** Pain points no live (not dropped) solution addresses. */
  readonly unaddressed: number;
  readonly solutions: number;
  /** Solutions per status; every status is present, zero when none. */
  readonly solutionsByStatus: Readonly<Record<SolutionStatus, number>>;
  /** Votes cast over all pain points. */
  readonly votes: number;
}

/** One problematic relationship, its ends named. */
export interface ReportRelationship {
  readonly id: string;
  /** The source stakeholder's name (`Unnamed stakeholder`, or `missing stakeholder "id"` for a broken end). */
  readonly source: string;
  /** The target stakeholder's name, named like `source`. */
  readonly target: string;
  readonly label: string;
  readonly notes: string;
  /** How many pain points are attached to this relationship itself (not to its ends). */
  readonly painPointCount: number;
}

/** One pain point as the report tells it. */
export interface ReportPainPoint {
  readonly id: string;
  /** The title, or `Untitled pain point` when it is empty. */
  readonly title: string;
  readonly description: string;
  /** The category's name, or `Uncategorised` when the category id names no category. */
  readonly categoryName: string;
  /** Total votes: the tally plus the ballots cast for participants. */
  readonly votes: number;
  /** The quotes' text (who said them is not part of the report). */
  readonly quotes: readonly string[];
  /** What it is attached to, in words (`Legal, Social media team – Brand`, or `Whole workspace`). */
  readonly attachedTo: string;
  /** No live (not dropped) solution addresses it. */
  readonly unaddressed: boolean;
  /**
   * The titles of the solutions addressing it, in document order. A dropped one is listed with ` (dropped)`
   * after its title: it is part of the story (the room considered and rejected it), but it does not address
   * anything any more, which is why such a pain point can be listed as unaddressed next to it.
   */
  readonly solutions: readonly string[];
}

/** One category and its pain points, most votes first. */
export interface ReportCategory {
  /** The category id; empty for the trailing "Uncategorised" group. */
  readonly id: string;
  /** The category's name (`Unnamed category` when empty), or `Uncategorised`. */
  readonly name: string;
  readonly color: string;
  readonly painPoints: readonly ReportPainPoint[];
}

/** One candidate solution as the report tells it. */
export interface ReportSolution {
  readonly id: string;
  /** The title, or `Untitled solution` when it is empty. */
  readonly title: string;
  readonly description: string;
  readonly status: SolutionStatus;
  /** The status in words: `Idea`, `Agreed`, `In progress`, `Done` or `Dropped`. */
  readonly statusLabel: string;
  readonly owner: string;
  readonly impact: number | null;
  readonly effort: number | null;
  /** Titles of the pain points it addresses, in the solution's order; `missing pain point "id"` for a broken one. */
  readonly addresses: readonly string[];
}

/** Everything the PDF report and the Markdown export show, in the order they show it. */
export interface WorkshopReport {
  /** The workspace title, or `Untitled workspace` when it is empty. */
  readonly title: string;
  /** When the report was made, as an ISO 8601 UTC timestamp. */
  readonly generatedAt: string;
  /** The local calendar date it was made, in English words, e.g. `23 November 2026`. */
  readonly dateLabel: string;
  readonly summary: ReportSummary;
  /** Problematic relationships, by source name then target name. */
  readonly problematicRelationships: readonly ReportRelationship[];
  /**
   * Every category in the workspace's order, empty ones included (an empty category says something too), then an
   * `Uncategorised` group (id `''`) only when some pain point's category is unknown.
   */
  readonly categories: readonly ReportCategory[];
  /** Solutions by status (in progress, agreed, idea, done, dropped), then impact, highest first, unrated last. */
  readonly solutions: readonly ReportSolution[];
  /** Pain points no live solution addresses, most votes first. */
  readonly unaddressed: readonly ReportPainPoint[];
  /** The power/interest grid and the bridges and bottlenecks (organisation-report.ts). */
  readonly organisation: OrganisationReport;
  /**
   * What changed between two states of the map: the comparison asked for, or else since the newest snapshot;
   * null when the workspace has no snapshots and no comparison was asked for.
   */
  readonly whatChanged: ReportComparison | null;
}

/** Two states of the map compared, named as the report's sentence names them. */
export interface ReportComparison {
  readonly beforeLabel: string;
  readonly afterLabel: string;
  readonly diff: WorkspaceDiff;
}

/** The comparison a report shows by default: the newest snapshot against the workspace as it is. */
export function sinceNewestSnapshot(doc: WorkspaceDocument): ReportComparison | null {
  const newest = doc.snapshots.at(-1);
  if (!newest) return null;
  return {
    beforeLabel: `the snapshot “${newest.name}” (${formatReportDate(new Date(newest.takenAt))})`,
    afterLabel: 'this workspace now',
    diff: diffWorkspaces(newest.state, doc),
  };
}

/**
 * Month names for dateLabel. A fixed table rather than Intl.DateTimeFormat, whose output depends on the ICU data
 * the runtime ships with: the report reads the same on every machine, and tests can compare it exactly.
 */
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A date as `23 November 2026`, from its local calendar date: the date on the clock of the person exporting, which
 * is the day they would write on the report themselves (a report made at 00:30 in Paris is not dated the day before).
 */
export function formatReportDate(date: Date): string {
  return `${date.getDate()} ${MONTH_NAMES[date.getMonth()]} ${date.getFullYear()}`;
}

/**
 * Builds the workshop report of a workspace. Pure: the same document and date always give an equal report, and
 * the document is not modified. `generatedAt` must be a valid date (an invalid one throws a RangeError, as
 * Date.prototype.toISOString does).
 */
export function buildReport(doc: WorkspaceDocument, generatedAt: Date, options: { comparison?: ReportComparison | null } = {}): WorkshopReport {
  const painPoints = reportPainPoints(doc);
  const solutions = reportSolutions(doc);

  return {
    title: doc.title.trim() === '' ? 'Untitled workspace' : doc.title,
    generatedAt: generatedAt.toISOString(),
    dateLabel: formatReportDate(generatedAt),
    summary: summarise(doc, painPoints),
    problematicRelationships: problematicRelationships(doc),
    categories: groupByCategory(doc, painPoints),
    solutions: sortSolutions(solutions),
    unaddressed: byVotes(painPoints.filter((p) => p.unaddressed)),
    organisation: buildOrganisationReport(doc),
    whatChanged: options.comparison === undefined ? sinceNewestSnapshot(doc) : options.comparison,
  };
}

/**
 * Every pain point as the report tells it, in document order (the CSV export lists them so). buildReport sorts
 * and groups these; no other wording of a pain point exists.
 */
export function reportPainPoints(doc: WorkspaceDocument): ReportPainPoint[] {
  const unaddressed = unaddressedPainPointIds(doc);
  const solutionsOf = solutionsByPainPoint(doc);
  const categoryNames = categoryNameById(doc);
  // Total votes: the tally plus the ballots cast for participants.
  const totals = voteTotals(doc);
  return doc.painPoints.map((p) => ({
    id: p.id,
    title: painPointTitle(p),
    description: p.description,
    categoryName: categoryNames.get(p.categoryId) ?? UNCATEGORISED_NAME,
    votes: totals.get(p.id) ?? 0,
    quotes: p.quotes.map((q) => q.text),
    attachedTo: describeAttachments(doc, p),
    unaddressed: unaddressed.has(p.id),
    solutions: (solutionsOf.get(p.id) ?? []).map((s) => (isLiveSolution(s) ? solutionTitle(s) : `${solutionTitle(s)} (dropped)`)),
  }));
}

/** Every solution as the report tells it, in document order (the CSV export lists them so; the report sorts them). */
export function reportSolutions(doc: WorkspaceDocument): ReportSolution[] {
  const painPointTitles = new Map<string, string>();
  // A file may repeat an id (it then fails to open, but stay safe): the first pain point names it, as elsewhere.
  for (const p of doc.painPoints) if (!painPointTitles.has(p.id)) painPointTitles.set(p.id, painPointTitle(p));
  return doc.solutions.map((s) => ({
    id: s.id,
    title: solutionTitle(s),
    description: s.description,
    status: s.status,
    statusLabel: SOLUTION_STATUS_LABELS[s.status],
    owner: s.owner,
    impact: s.impact ?? null,
    effort: s.effort ?? null,
    // A file written by another tool may repeat an id in `addresses`; the pain point is listed once.
    addresses: [...new Set(s.addresses)].map((id) => painPointTitles.get(id) ?? `missing pain point "${id}"`),
  }));
}

function summarise(doc: WorkspaceDocument, painPoints: readonly ReportPainPoint[]): ReportSummary {
  const solutionsByStatus = Object.fromEntries(SOLUTION_STATUSES.map((status) => [status, 0])) as Record<SolutionStatus, number>;
  for (const s of doc.solutions) solutionsByStatus[s.status] += 1;
  return {
    stakeholders: doc.stakeholders.length,
    relationships: doc.relationships.length,
    problematic: doc.relationships.filter((r) => r.status === 'problematic').length,
    painPoints: painPoints.length,
    unaddressed: painPoints.filter((p) => p.unaddressed).length,
    solutions: doc.solutions.length,
    solutionsByStatus,
    votes: painPoints.reduce((sum, p) => sum + p.votes, 0),
  };
}

function problematicRelationships(doc: WorkspaceDocument): ReportRelationship[] {
  const attached = painPointsByAttachment(doc);
  return doc.relationships
    .filter((r) => r.status === 'problematic')
    .map((r) => ({
      id: r.id,
      source: stakeholderNameById(doc, r.source),
      target: stakeholderNameById(doc, r.target),
      label: r.label,
      notes: r.notes,
      painPointCount: attached.get(attachmentKey({ type: 'relationship', id: r.id }))?.length ?? 0,
    }))
    .sort((a, b) => compareNames(a.source, b.source) || compareNames(a.target, b.target) || compareNames(a.id, b.id));
}

function groupByCategory(doc: WorkspaceDocument, painPoints: readonly ReportPainPoint[]): ReportCategory[] {
  const byCategory = new Map<string, ReportPainPoint[]>();
  const categories: { id: string; name: string; color: string }[] = [];
  for (const c of doc.categories) {
    // A file may repeat a category id; the first one gets the group, as on the board.
    if (byCategory.has(c.id)) continue;
    byCategory.set(c.id, []);
    categories.push({ id: c.id, name: categoryName(c.name), color: c.color });
  }
  const uncategorised: ReportPainPoint[] = [];
  doc.painPoints.forEach((p, i) => (byCategory.get(p.categoryId) ?? uncategorised).push(painPoints[i]!));

  const groups: ReportCategory[] = categories.map((c) => ({ ...c, painPoints: byVotes(byCategory.get(c.id) ?? []) }));
  if (uncategorised.length > 0) {
    groups.push({ id: '', name: UNCATEGORISED_NAME, color: UNCATEGORISED_COLOR, painPoints: byVotes(uncategorised) });
  }
  return groups;
}

function sortSolutions(solutions: readonly ReportSolution[]): ReportSolution[] {
  const rank = (s: ReportSolution) => REPORT_STATUS_ORDER.indexOf(s.status);
  // Unrated solutions come after rated ones of the same status: nobody has said they matter yet.
  // Array.prototype.sort is stable (ES2019): ties keep document order.
  return [...solutions].sort((a, b) => rank(a) - rank(b) || (b.impact ?? 0) - (a.impact ?? 0));
}

/** Most votes first; Array.prototype.sort is stable (ES2019), so equal votes keep document order. */
function byVotes(painPoints: readonly ReportPainPoint[]): ReportPainPoint[] {
  return [...painPoints].sort((a, b) => b.votes - a.votes);
}

function categoryNameById(doc: WorkspaceDocument): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of doc.categories) if (!names.has(c.id)) names.set(c.id, categoryName(c.name));
  return names;
}

function painPointTitle(p: Pick<PainPoint, 'title'>): string {
  return p.title.trim() === '' ? 'Untitled pain point' : p.title;
}

function solutionTitle(s: Pick<Solution, 'title'>): string {
  return s.title.trim() === '' ? 'Untitled solution' : s.title;
}

function categoryName(name: string): string {
  return name.trim() === '' ? 'Unnamed category' : name;
}

/**
 * Orders names the way a reader expects (case and accents ignored: "brand" next to "Brand", "Équipe" among the
 * Es), then by code units, so that names equal to a reader still sort the same way on every run.
 */
function compareNames(a: string, b: string): number {
  const byReader = a.localeCompare(b, 'en', { sensitivity: 'base' });
  if (byReader !== 0) return byReader;
  return a < b ? -1 : a > b ? 1 : 0;
}
