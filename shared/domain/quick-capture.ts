import type { Category } from '../document/schema';
import { fold } from './search';

/*
 * The quick capture line: what the facilitator types to add a pain point while the room talks, e.g.
 *
 *   Legal sign-off takes days > By the time it's approved the moment has passed #processes
 *
 * A title, optionally " > " and a participant's quote, optionally "#" and a category at the end: its name (any
 * unique beginning of it, in any case and without accents: "#gov", "#knowledge", "#Knowledge & Training") or
 * its number in the workspace's category order ("#3"). Pure, so every rule is tested without a browser.
 *
 * Nothing is silently dropped: a "#" that names no category is a problem the user is told about (the text stays
 * in the field), never text quietly cut off the title or taken as a category it was not meant to be.
 */

/** A capture line understood: what the new pain point gets. */
export interface CapturedPainPoint {
  readonly title: string;
  /** The participant's words, when a " > " part was typed (never empty). */
  readonly quote?: string;
  /** The category named with "#"; absent when none was typed (the caller picks the default). */
  readonly categoryId?: string;
}

/** Why a capture line cannot be added as it is. */
export type CaptureProblem =
  /** Nothing before " > " or "#": a pain point needs a title. */
  | { readonly kind: 'emptyTitle' }
  /**
   * A "#" followed by something that names no category. `name` is what was typed after it (possibly empty),
   * `valid` the categories that could be meant, in order.
   */
  | { readonly kind: 'unknownCategory'; readonly name: string; readonly valid: readonly CategoryChoice[] }
  /** A "#" followed by the beginning of several category names ("#r" with Roles and Risks). */
  | { readonly kind: 'ambiguousCategory'; readonly name: string; readonly matches: readonly CategoryChoice[] }
  /** A category was named, but inside the title: it goes at the end of the line. */
  | { readonly kind: 'categoryNotAtEnd'; readonly name: string; readonly category: CategoryChoice };

/** A category as the user can type it: its number (1-based, in the workspace's order) and its name. */
export interface CategoryChoice {
  readonly number: number;
  readonly id: string;
  readonly name: string;
}

export type CaptureResult = { readonly ok: true; readonly value: CapturedPainPoint } | { readonly ok: false; readonly problem: CaptureProblem };

/** How a category is looked up from the text after a "#". */
type Lookup =
  | { readonly kind: 'found'; readonly category: CategoryChoice }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly matches: readonly CategoryChoice[] };

/** The separator of title and quote: a ">" with white space (or the end) on both sides, so "A->B" stays text. */
const QUOTE_SEPARATOR = /\s>(?:\s|$)|^>(?:\s|$)/;

/** Quotation marks around a whole quote ("…", “…”, ‘…’, «…»): the quote is stored without them. */
const SURROUNDING_QUOTES: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ["'", "'"],
  ['‘', '’'],
  ['«', '»'],
];

/**
 * Reads one capture line against the workspace's categories (in their order: "#1" is the first).
 *
 * - The category is the last part: the first "#" (from the left) whose whole remainder names exactly one
 *   category. So a quote may contain "#" when the line ends with a category ("… we can't even say #ad #3"), and a
 *   category name may itself contain "#".
 * - Before it, the first " > " separates the title from the quote; the quote may contain ">".
 * - Title and quote are trimmed (white space inside is kept); quotation marks around the whole quote are dropped.
 * - Problems: an empty title; a "#" in the title (a misplaced or mistyped category: "Legal #3 > …", "#govrnance");
 *   a "#" in the quote when the line names no category (most likely a mistyped category at the end); a "#"
 *   that could be several categories.
 */
export function parseCapture(text: string, categories: readonly Pick<Category, 'id' | 'name'>[]): CaptureResult {
  const choices = categoryChoices(categories);
  const line = text.trim();

  let body = line;
  let categoryId: string | undefined;
  let ambiguous: { name: string; matches: readonly CategoryChoice[] } | null = null;
  for (let at = line.indexOf('#'); at !== -1; at = line.indexOf('#', at + 1)) {
    const name = line.slice(at + 1).trim();
    const found = lookUp(name, choices);
    if (found.kind === 'found') {
      body = line.slice(0, at);
      categoryId = found.category.id;
      break;
    }
    if (found.kind === 'ambiguous' && ambiguous === null) ambiguous = { name, matches: found.matches };
  }

  const separator = QUOTE_SEPARATOR.exec(body);
  const title = (separator ? body.slice(0, separator.index) : body).trim();
  const quote = separator ? unquote(body.slice(separator.index + separator[0].length).trim()) : '';

  const hashInTitle = title.indexOf('#');
  if (hashInTitle !== -1) return { ok: false, problem: problemAt(title.slice(hashInTitle + 1), choices, separator !== null) };
  if (categoryId === undefined) {
    if (ambiguous) return { ok: false, problem: { kind: 'ambiguousCategory', ...ambiguous } };
    const hashInQuote = quote.lastIndexOf('#');
    if (hashInQuote !== -1) return { ok: false, problem: { kind: 'unknownCategory', name: quote.slice(hashInQuote + 1).trim(), valid: choices } };
  }
  if (title === '') return { ok: false, problem: { kind: 'emptyTitle' } };

  return {
    ok: true,
    value: { title, ...(quote === '' ? {} : { quote }), ...(categoryId === undefined ? {} : { categoryId }) },
  };
}

/**
 * The categories as they can be typed: numbered from 1 in the workspace's order. A repeated id (possible in a
 * file written by another tool) keeps its first place, as the board shows it.
 */
export function categoryChoices(categories: readonly Pick<Category, 'id' | 'name'>[]): CategoryChoice[] {
  const seen = new Set<string>();
  const choices: CategoryChoice[] = [];
  for (const c of categories) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    choices.push({ number: choices.length + 1, id: c.id, name: c.name });
  }
  return choices;
}

/**
 * The problem with a "#" inside the title: a category in the wrong place (before the quote), or a name that is
 * no category. With no quote after the title, the "#" is at the end already, so what follows it is taken as a
 * category name gone wrong ("#Knowledge & Trainig"), not as a category followed by more title.
 */
function problemAt(afterHash: string, choices: readonly CategoryChoice[], quoteFollows: boolean): CaptureProblem {
  const name = afterHash.trim();
  if (quoteFollows) {
    // "Legal #3 > it takes a week": the whole rest, or its first word, names a category that belongs at the end.
    const word = name.split(/\s/, 1)[0] ?? '';
    for (const candidate of [name, word]) {
      const found = lookUp(candidate, choices);
      if (found.kind === 'found') return { kind: 'categoryNotAtEnd', name: candidate, category: found.category };
    }
  }
  const found = lookUp(name, choices);
  if (found.kind === 'ambiguous') return { kind: 'ambiguousCategory', name, matches: found.matches };
  return { kind: 'unknownCategory', name, valid: choices };
}

/**
 * The category `name` names: a number 1..N, or the unique category whose name begins with it (case, accents and
 * repeated spaces ignored). A name that is a whole category name wins over longer names it begins ("Role" with
 * Role and Roles).
 */
function lookUp(name: string, choices: readonly CategoryChoice[]): Lookup {
  if (name === '') return { kind: 'none' };
  if (/^\d+$/.test(name)) {
    const category = choices[Number(name) - 1];
    return category ? { kind: 'found', category } : { kind: 'none' };
  }
  const wanted = comparable(name);
  const matches = choices.filter((c) => comparable(c.name).startsWith(wanted));
  if (matches.length === 1) return { kind: 'found', category: matches[0]! };
  if (matches.length === 0) return { kind: 'none' };
  const exact = matches.filter((c) => comparable(c.name) === wanted);
  if (exact.length === 1) return { kind: 'found', category: exact[0]! };
  return { kind: 'ambiguous', matches };
}

function comparable(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

function unquote(quote: string): string {
  for (const [open, close] of SURROUNDING_QUOTES) {
    if (quote.length >= 2 && quote.startsWith(open) && quote.endsWith(close)) return quote.slice(open.length, -close.length).trim();
  }
  return quote;
}

/** The name a category is typed and shown by; an empty name would leave nothing to read. */
function shownName(choice: CategoryChoice): string {
  return choice.name.trim() === '' ? 'Unnamed category' : choice.name;
}

/** Categories listed for the user: "1 Workflows, 2 Roles, 3 Processes". */
export function listCategoryChoices(choices: readonly CategoryChoice[]): string {
  return choices.map((c) => `${c.number} ${shownName(c)}`).join(', ');
}

/** What to tell the user about a problem, in one or two sentences (shown under the field). */
export function describeCaptureProblem(problem: CaptureProblem): string {
  switch (problem.kind) {
    case 'emptyTitle':
      return 'Type a title first; then, optionally, " > " and a quote, and "#" and a category.';
    case 'unknownCategory': {
      const valid = problem.valid.length === 0 ? 'This workspace has no categories yet.' : `Categories: ${listCategoryChoices(problem.valid)}.`;
      if (problem.name === '') return `Type a category after "#" (its name or number). ${valid}`;
      return `There is no category "${problem.name}". ${valid}`;
    }
    case 'ambiguousCategory':
      return `"#${problem.name}" could be ${problem.matches.map((c) => `${shownName(c)} (#${c.number})`).join(' or ')}: type more of the name, or its number.`;
    case 'categoryNotAtEnd':
      return `Put the category at the end of the line: "… #${problem.name}" (${shownName(problem.category)}).`;
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}
