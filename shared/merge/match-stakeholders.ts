import type { Stakeholder } from '../document/schema';
import { nameKey } from '../import/cell-text';
import { diceSimilarity, STOP_WORDS, wordSet, wordsOf } from './words';

/*
 * Which stakeholders of a breakout group's map (the incoming one) are stakeholders already on this map (the
 * current one). Two rooms drawing the same organisation name the same department a little differently, and the
 * merge must not put Legal on the map twice because one room typed "legal " and the other "Légal".
 *
 * A match is certain in two cases only: the names are the same by the spreadsheet import's rule (nameKey: case,
 * accents and spacing ignored), or the user confirmed an alias ("PR" there is "Press office" here). Everything
 * cleverer is only ever a SUGGESTION the user confirms: "Comms" may well be "Corporate communications", but
 * merging two departments by a guess would be a silent, hard-to-see mistake on the map.
 *
 * Several incoming stakeholders may match one current stakeholder (a room that drew "PR" and "Press office" as
 * two boxes, both confirmed as our "Press office"): they become that one stakeholder, and their relationships
 * and pain points go with it.
 */

/** A user-confirmed alias: the incoming stakeholder with the first id is the current one with the second. */
export type StakeholderAlias = readonly [incomingId: string, currentId: string];

/** One incoming stakeholder that is a current one: by the same name, or by an alias the user confirmed. */
export interface StakeholderMatch {
  readonly incomingId: string;
  readonly currentId: string;
  readonly by: 'name' | 'alias';
}

/**
 * Why two names may be the same stakeholder:
 * - `initials`: one name is the initials of the other ("PR" and "Public relations", "SLT" and "Senior leadership team");
 * - `contraction`: one name is a single word of 3 to 6 letters spelt with letters of a longer word of the other, in
 *   order and from its first letter ("Comms" and "Corporate communications", "Mktg" and "Marketing");
 * - `spelling`: the names differ by a few letters for their length ("Complience" and "Compliance");
 * - `shared-word`: the names share a significant word ("Press office" and "Press relations"): not a stop word and
 *   not a word many departments' names have ("team", "office", "relations" ...). The more of their words they
 *   share, the higher the score, so "Press relations" ranks above "Press office" for "Press relations team".
 */
export type AliasReason = 'initials' | 'contraction' | 'spelling' | 'shared-word';

/** A likely alias for the user to confirm or dismiss. */
export interface AliasSuggestion {
  readonly incomingId: string;
  readonly currentId: string;
  readonly reason: AliasReason;
  /** How likely, from 0 to 1 (see the SCORE_ constants); the list is sorted by it. */
  readonly score: number;
}

export interface StakeholderMatching {
  /** In the incoming map's order; at most one per incoming stakeholder. */
  readonly matches: readonly StakeholderMatch[];
  /** The incoming stakeholders matched to no current one, in the incoming map's order: the merge adds them. */
  readonly unmatched: readonly string[];
  /** Likely aliases for the unmatched ones, best first (at most MAX_ALIAS_SUGGESTIONS each). */
  readonly suggestions: readonly AliasSuggestion[];
  /** The current stakeholder each matched incoming one is, by incoming id. */
  readonly currentIdOf: ReadonlyMap<string, string>;
}

/** At most this many suggestions for one incoming stakeholder: the dialog offers a short list, not a ranking of the map. */
export const MAX_ALIAS_SUGGESTIONS = 3;

/**
 * Scores of the rules. Spelling scores 1 − distance / length (at least 0.8); shared-word 0.4 + 0.5 × the Dice
 * coefficient of the two names' words (stop words left out), so from 0.4 to 0.9.
 */
export const SCORE_INITIALS = 0.9;
export const SCORE_CONTRACTION = 0.7;

/**
 * Words in so many departments' names that sharing one says nothing ("IT services" and "Customer services",
 * "Brand management" and "Web management"). In singular form.
 */
const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  'team', 'department', 'dept', 'office', 'group', 'unit', 'division', 'function', 'service', 'management', 'manager',
  'relation', 'internal', 'external', 'media', 'central', 'global', 'local', 'regional', 'head', 'lead', 'staff',
]);

/** Words left out of a name's initials: "Head of legal" is "HL", "Research and development" is "RD". */
const NOT_IN_INITIALS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'the', 'to']);

/** Names this long (letters and digits) or longer are not compared letter by letter: the cost grows with the square. */
const LONGEST_SPELLING_COMPARED = 64;

/**
 * Matches the incoming stakeholders to the current ones: confirmed aliases first (an alias naming an id that is on
 * neither map is ignored), then by name. Of several current stakeholders with the same name, the first on the map
 * is the match (the user can choose another one with an alias). Pure; the lists are not changed.
 */
export function matchStakeholders(
  current: readonly Stakeholder[],
  incoming: readonly Stakeholder[],
  aliases: readonly StakeholderAlias[] = [],
): StakeholderMatching {
  const currentIds = new Set(current.map((s) => s.id));
  const incomingIds = new Set(incoming.map((s) => s.id));
  const aliasOf = new Map<string, string>();
  for (const [incomingId, currentId] of aliases) {
    if (incomingIds.has(incomingId) && currentIds.has(currentId) && !aliasOf.has(incomingId)) aliasOf.set(incomingId, currentId);
  }
  const byName = new Map<string, string>();
  for (const s of current) {
    const key = nameKey(s.name);
    if (key !== '' && !byName.has(key)) byName.set(key, s.id);
  }

  const matches: StakeholderMatch[] = [];
  const unmatched: string[] = [];
  const currentIdOf = new Map<string, string>();
  const seen = new Set<string>();
  for (const s of incoming) {
    // A valid map has unique ids; should one not, its first stakeholder with an id decides.
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const alias = aliasOf.get(s.id);
    const named = alias === undefined ? byName.get(nameKey(s.name)) : undefined;
    const currentId = alias ?? named;
    if (currentId === undefined) {
      unmatched.push(s.id);
      continue;
    }
    currentIdOf.set(s.id, currentId);
    matches.push({ incomingId: s.id, currentId, by: alias !== undefined ? 'alias' : 'name' });
  }
  const incomingById = new Map(incoming.map((s) => [s.id, s]));
  const lonely = unmatched.map((id) => incomingById.get(id)).filter((s) => s !== undefined);
  return { matches, unmatched, suggestions: suggestAliases(current, lonely), currentIdOf };
}

/**
 * Likely aliases of each of `incoming` among `current`, best first (ties in the incoming, then the current order),
 * at most MAX_ALIAS_SUGGESTIONS per incoming stakeholder. A pair whose names are the same (by nameKey) is a match,
 * not a suggestion, and is not listed.
 */
export function suggestAliases(current: readonly Stakeholder[], incoming: readonly Stakeholder[]): AliasSuggestion[] {
  const currentNames = current.map((s) => ({ id: s.id, name: nameFeatures(s.name) }));
  const found: Array<AliasSuggestion & { readonly order: number }> = [];
  incoming.forEach((s, incomingIndex) => {
    const name = nameFeatures(s.name);
    const candidates: Array<AliasSuggestion & { readonly order: number }> = [];
    currentNames.forEach((c, currentIndex) => {
      const likeness = aliasLikeness(name, c.name);
      if (likeness) candidates.push({ incomingId: s.id, currentId: c.id, ...likeness, order: incomingIndex * current.length + currentIndex });
    });
    candidates.sort((a, b) => b.score - a.score || a.order - b.order);
    found.push(...candidates.slice(0, MAX_ALIAS_SUGGESTIONS));
  });
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  return found.map(({ incomingId, currentId, reason, score }) => ({ incomingId, currentId, reason, score }));
}

/** What the rules look at in one name, worked out once per stakeholder. */
interface NameFeatures {
  readonly key: string;
  /** Every word of the name, in order. */
  readonly words: readonly string[];
  /** The key with letters and digits only: "E-commerce" and "Ecommerce" are spelt alike. */
  readonly compact: string;
  readonly initials: string;
  /** The words without stop words, singular: what the shared-word score compares. */
  readonly meaningful: ReadonlySet<string>;
  /** Those that say something about the department (3+ letters, no generic word): one must be shared. */
  readonly significant: ReadonlySet<string>;
}

function nameFeatures(name: string): NameFeatures {
  const words = wordsOf(name);
  return {
    key: nameKey(name),
    words,
    compact: words.join(''),
    initials: words
      .filter((w) => !NOT_IN_INITIALS.has(w))
      .map((w) => w[0] ?? '')
      .join(''),
    meaningful: wordSet(name, STOP_WORDS),
    significant: new Set([...wordSet(name, GENERIC_NAME_WORDS)].filter((w) => w.length >= 3)),
  };
}

/** The strongest rule two names meet, with its score; null when they meet none (or are simply the same name). */
function aliasLikeness(a: NameFeatures, b: NameFeatures): { reason: AliasReason; score: number } | null {
  if (a.key === b.key || a.compact === '' || b.compact === '') return null;
  const candidates: Array<{ reason: AliasReason; score: number }> = [];
  if (isInitialsOf(a, b) || isInitialsOf(b, a)) candidates.push({ reason: 'initials', score: SCORE_INITIALS });
  const spelling = spellingLikeness(a.compact, b.compact);
  if (spelling !== null) candidates.push({ reason: 'spelling', score: spelling });
  if (isContractionOf(a, b) || isContractionOf(b, a)) candidates.push({ reason: 'contraction', score: SCORE_CONTRACTION });
  if ([...a.significant].some((w) => b.significant.has(w))) {
    candidates.push({ reason: 'shared-word', score: round(0.4 + 0.5 * diceSimilarity(a.meaningful, b.meaningful)) });
  }
  candidates.sort((p, q) => q.score - p.score);
  return candidates[0] ?? null;
}

/** "PR" is the initials of "Public relations": a one-word name of 2 to 6 letters, the other of as many words. */
function isInitialsOf(short: NameFeatures, long: NameFeatures): boolean {
  return short.words.length === 1 && short.compact.length >= 2 && short.compact.length <= 6 && long.initials.length >= 2 && short.compact === long.initials;
}

/** "Comms" is a contraction of "communications": a one-word name of 3 to 6 letters spelt, in order, within a longer word. */
function isContractionOf(short: NameFeatures, long: NameFeatures): boolean {
  if (short.words.length !== 1 || short.compact.length < 3 || short.compact.length > 6) return false;
  const abbreviation = short.compact;
  return long.words.some((word) => word.length > abbreviation.length && word[0] === abbreviation[0] && isSubsequence(abbreviation, word));
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const letter of haystack) if (letter === needle[i]) i += 1;
  return i === needle.length;
}

/**
 * 1 − distance / length when two compact names of 4 letters or more differ by at most a fifth of the longer one's
 * letters (at least 1): "Complience" is one letter from "Compliance". Short names are left out: "HR" and "PR" differ
 * by one letter and are different departments.
 */
function spellingLikeness(a: string, b: string): number | null {
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shorter < 4 || longer > LONGEST_SPELLING_COMPARED) return null;
  const allowed = Math.max(1, Math.floor(longer / 5));
  if (longer - shorter > allowed) return null;
  const distance = editDistance(a, b);
  return distance <= allowed ? round(1 - distance / longer) : null;
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each count 1. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length]!;
}

const round = (n: number) => Math.round(n * 100) / 100;
