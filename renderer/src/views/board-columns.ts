import type { Ballot, Category, PainPoint, WorkspaceDocument } from '@shared/document/schema';
import { describeAttachments } from '@shared/domain/pain-point-index';
import { fold } from '@shared/domain/search';
import { unaddressedPainPointIds } from '@shared/domain/unaddressed';
import { voteTotals } from '@shared/domain/votes';

/*
 * What the pain point board shows: one column per category, in the categories' order, with the pain points that
 * pass the text filter, sorted. Pure, so the rules (ties, the "Uncategorised" column, accent-insensitive
 * matching) are tested without a browser.
 */

/** How cards are ordered within a column: most votes first, or as they were added (document order). */
export type BoardSort = 'votes' | 'document';

export interface BoardOptions {
  readonly sort: BoardSort;
  /** Free text; every word must occur in the title, the description or a quote. Empty shows everything. */
  readonly query: string;
}

export interface BoardColumn {
  /**
   * The column's category, or null for pain points whose category id names no category (a file written by
   * another tool, or a category deleted outside the app): they are shown rather than silently hidden.
   */
  readonly category: Category | null;
  /** The cards shown: filtered and sorted. */
  readonly cards: PainPoint[];
  /** How many pain points the column holds before filtering ("2 of 5", and "No matches" rather than "No pain points yet"). */
  readonly total: number;
}

/**
 * The board's columns. Every category gets a column, empty or not (it is a place to drop cards); the
 * "Uncategorised" column comes last and only when it has cards to show. Sorting by votes keeps document order
 * among equal votes, so cards with the same count do not jump around as others are voted on.
 */
export function boardColumns(
  doc: { readonly categories: readonly Category[]; readonly painPoints: readonly PainPoint[]; readonly ballots: readonly Ballot[] },
  options: BoardOptions,
): BoardColumn[] {
  const words = queryWords(options.query);
  const byCategory = new Map<string, PainPoint[]>(doc.categories.map((c) => [c.id, []]));
  const uncategorised: PainPoint[] = [];
  for (const p of doc.painPoints) (byCategory.get(p.categoryId) ?? uncategorised).push(p);
  // The total (tally + ballots), as the cards show it.
  const totals = options.sort === 'votes' ? voteTotals(doc) : new Map<string, number>();

  const column = (category: Category | null, all: readonly PainPoint[]): BoardColumn => {
    const cards = words.length === 0 ? all.slice() : all.filter((p) => matchesWords(p, words));
    // Array.prototype.sort is stable (ES2019), which gives "ties in document order".
    if (options.sort === 'votes') cards.sort((a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0));
    return { category, cards, total: all.length };
  };

  // A file may repeat a category id; the first one gets the cards and the column, like the lookup above.
  const seen = new Set<string>();
  const columns: BoardColumn[] = [];
  for (const category of doc.categories) {
    if (seen.has(category.id)) continue;
    seen.add(category.id);
    columns.push(column(category, byCategory.get(category.id) ?? []));
  }
  const rest = column(null, uncategorised);
  if (rest.cards.length > 0) columns.push(rest);
  return columns;
}

/** The name a pain point is shown under; an empty title would leave nothing to read or click. */
export function painPointTitle(p: Pick<PainPoint, 'title'>): string {
  return p.title.trim() === '' ? 'Untitled pain point' : p.title;
}

/** Whether a pain point passes the board's text filter (an empty query passes everything). */
export function matchesBoardQuery(painPoint: PainPoint, query: string): boolean {
  const words = queryWords(query);
  return words.length === 0 || matchesWords(painPoint, words);
}

function queryWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Every word somewhere in the pain point, not necessarily in one field: "legal days" finds a title and a quote. */
function matchesWords(p: PainPoint, words: readonly string[]): boolean {
  const fields = [p.title, p.description, ...p.quotes.map((q) => q.text)].map(fold);
  return words.every((w) => fields.some((f) => f.includes(w)));
}

/**
 * Memoizes a derivation of the document on the identity of the collections it reads (operations return new
 * arrays only for the collections they change). A zustand selector built on it returns the same object until
 * one of those collections changes, so a view does not re-render when, say, a stakeholder is renamed, and the
 * derivation does not run again on every store update (selection, notices).
 */
export function memoOnParts<R>(
  parts: (doc: WorkspaceDocument) => readonly unknown[],
  derive: (doc: WorkspaceDocument) => R,
): (doc: WorkspaceDocument) => R {
  let lastParts: readonly unknown[] | null = null;
  let last: R;
  return (doc) => {
    const next = parts(doc);
    if (lastParts && next.length === lastParts.length && next.every((part, i) => part === lastParts?.[i])) return last;
    last = derive(doc);
    lastParts = next;
    return last;
  };
}

/** Each pain point's total votes (tally + ballots), by id (shared by the board and the solutions view). */
export const voteTotalsOf = memoOnParts((doc) => [doc.painPoints, doc.ballots], voteTotals);

/** Ids of the pain points no live solution addresses (shared by the board and the solutions view). */
export const unaddressedOf = memoOnParts((doc) => [doc.painPoints, doc.solutions], unaddressedPainPointIds);

/** What each pain point is attached to, in words ("Legal, Social media team – Brand" or "Whole workspace"), by id. */
export const attachmentTextsOf = memoOnParts(
  (doc) => [doc.painPoints, doc.stakeholders, doc.relationships],
  (doc): ReadonlyMap<string, string> => new Map(doc.painPoints.map((p) => [p.id, describeAttachments(doc, p)])),
);
