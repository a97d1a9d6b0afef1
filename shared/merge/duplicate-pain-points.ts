import type { PainPoint } from '../document/schema';
import { nameKey } from '../import/cell-text';
import { diceSimilarity, STOP_WORDS, wordSet } from './words';

/*
 * Which pain points of a breakout group's map are likely the same as pain points already on this map. Rooms hear
 * the same complaints and write them on sticky notes in their own words ("Legal sign-off takes days", "Legal
 * sign-offs take too many days"): merging both maps as they are would split one pain point's quotes and votes
 * over two cards, and the ranking would be wrong.
 *
 * The rule is plain enough to explain in the dialog: two titles are alike when they share most of their words,
 * measured by the Dice coefficient of their word sets (2 · shared / (words in one + words in the other)), words
 * compared without case, accents and plural "s" (words.ts), and small words ("the", "not", "too") left out.
 * The same title (by the import's name key) is certain. These are only suggestions: the user confirms each one,
 * since "Brand guidelines do not cover social" and "Brand guidelines cover social well" share every word that
 * counts and are not the same pain point.
 */

/** Titles at least this alike (Dice coefficient of their word sets) are suggested as duplicates. */
export const DUPLICATE_THRESHOLD = 0.6;

/** A likely pair of duplicates: the incoming pain point is the current one. */
export interface DuplicateSuggestion {
  readonly incomingId: string;
  readonly currentId: string;
  /** From DUPLICATE_THRESHOLD to 1. */
  readonly score: number;
  /** The titles are the same (ignoring case, accents and spacing): the dialog may tick it in advance. */
  readonly certain: boolean;
}

/** How alike two titles are, from 0 to 1: 1 for the same title; the Dice coefficient of their significant words otherwise. */
export function titleSimilarity(a: string, b: string): number {
  if (nameKey(a) !== '' && nameKey(a) === nameKey(b)) return 1;
  return diceSimilarity(wordSet(a, STOP_WORDS), wordSet(b, STOP_WORDS));
}

/**
 * Likely duplicates between the two maps' pain points, best first: certain ones first, then by score, ties in the
 * incoming, then the current order. Each incoming pain point is in at most one pair, with its best match; a current
 * pain point may be in several (a room that wrote the same complaint twice). Pure.
 */
export function suggestDuplicatePainPoints(current: readonly PainPoint[], incoming: readonly PainPoint[]): DuplicateSuggestion[] {
  const currentTitles = current.map((p) => ({ id: p.id, key: nameKey(p.title), words: wordSet(p.title, STOP_WORDS) }));
  // Only pain points sharing a word can reach the threshold: an index by word keeps a large board from costing n × m.
  const byWord = new Map<string, number[]>();
  currentTitles.forEach((c, index) => {
    for (const word of c.words) {
      const list = byWord.get(word);
      if (list) list.push(index);
      else byWord.set(word, [index]);
    }
  });
  const byKey = new Map<string, number>();
  currentTitles.forEach((c, index) => {
    if (c.key !== '' && !byKey.has(c.key)) byKey.set(c.key, index);
  });

  const found: Array<DuplicateSuggestion & { readonly order: number }> = [];
  incoming.forEach((p, incomingIndex) => {
    const key = nameKey(p.title);
    const exact = key === '' ? undefined : byKey.get(key);
    if (exact !== undefined) {
      found.push({ incomingId: p.id, currentId: currentTitles[exact]!.id, score: 1, certain: true, order: incomingIndex });
      return;
    }
    const words = wordSet(p.title, STOP_WORDS);
    const candidates = new Set<number>();
    for (const word of words) for (const index of byWord.get(word) ?? []) candidates.add(index);
    let best: { index: number; score: number } | null = null;
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const score = diceSimilarity(words, currentTitles[index]!.words);
      if (score >= DUPLICATE_THRESHOLD && (best === null || score > best.score)) best = { index, score };
    }
    if (best) found.push({ incomingId: p.id, currentId: currentTitles[best.index]!.id, score: Math.round(best.score * 100) / 100, certain: false, order: incomingIndex });
  });
  found.sort((a, b) => Number(b.certain) - Number(a.certain) || b.score - a.score || a.order - b.order);
  return found.map(({ incomingId, currentId, score, certain }) => ({ incomingId, currentId, score, certain }));
}
