import { nameKey } from '../import/cell-text';

/*
 * The words two names or titles are compared by when merging maps (match-stakeholders.ts, duplicate-pain-points.ts).
 * Both start from the import's name key (shared/import/cell-text.ts: case, accents and spacing ignored), so a
 * name the merge calls "the same" is exactly a name the spreadsheet import calls the same, and then cut that key
 * into words at anything that is not a letter or a digit ("sign-off" is "sign" and "off", "R&D" is "r" and "d").
 *
 * Stemming is deliberately tiny: only the English plural is taken off ("approvals" is "approval", "policies" is
 * "policy", "processes" is "process"), because that is the difference two rooms writing the same sticky note
 * most often make. Anything cleverer (a real stemmer) would make suggestions harder to predict and to explain.
 */

/** A name or title cut into normalised words, in order, repeats kept. */
export function wordsOf(text: string): string[] {
  return nameKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A word without its English plural ending: "-sses" → "-ss", "-ies" → "-y", "-s" → "" (not "-ss", "-us", "-is"). */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The distinct singular words of `text`, without those in `ignored` and without one-character words (the "t" of
 * "don't", the "r" and "d" of "R&D"), which say nothing on their own.
 */
export function wordSet(text: string, ignored: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const word of wordsOf(text)) {
    if (word.length < 2) continue;
    const stem = singular(word);
    if (!ignored.has(stem) && !ignored.has(word)) words.add(stem);
  }
  return words;
}

/** The Dice coefficient of two word sets: 2·|shared| / (|a| + |b|); 1 for equal sets, 0 when either is empty. */
export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** English words that carry no meaning of their own in a short title or a department's name. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'about', 'after', 'all', 'also', 'always', 'am', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'before',
  'being', 'but', 'by', 'can', 'cannot', 'could', 'did', 'do', 'does', 'don', 'each', 'for', 'from', 'get', 'got',
  'had', 'has', 'have', 'how', 'if', 'in', 'into', 'is', 'it', 'its', 'just', 'll', 'more', 'most', 'much', 'never',
  'no', 'nor', 'not', 'of', 'on', 'or', 'our', 'out', 'over', 're', 'so', 'some', 'such', 'than', 'that', 'the',
  'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'too', 'up', 'us', 've', 'very', 'was',
  'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'why', 'will', 'with', 'without', 'would', 'you',
  'your',
]);
