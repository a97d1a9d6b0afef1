import type { WorkspaceDocument } from '../document/schema';
import { stakeholderName } from './pain-point-index';

/*
 * Finding anything in a workspace by what it says: names, labels, titles, notes, descriptions, owners and the
 * participants' quotes. Workshop notes are typed fast and in many languages, so matching ignores case and
 * accents ("resume" finds "Résumé"). Runs on every keystroke over maps with thousands of items: matching is one
 * pass with plain substring tests, and only the results actually returned get a snippet.
 */

export type SearchResultType = 'stakeholder' | 'relationship' | 'painPoint' | 'solution';

export interface SearchResult {
  readonly type: SearchResultType;
  readonly id: string;
  /** The item's display name: the stakeholder's name, `Source – Target` for a relationship, or the title. */
  readonly title: string;
  /** Where the match is, in plain words: `name`, `notes`, `owner`, `label`, `title`, `description` or `quote`. */
  readonly field: string;
  /** About 90 characters of that field around the match, on one line, with "…" where the text was cut. */
  readonly snippet: string;
}

/** Roughly how many characters of the matching field a snippet shows. */
export const SNIPPET_LENGTH = 90;

/** Order of the types among results whose name or title matches equally well (people look for parties first). */
const TYPE_ORDER: Record<SearchResultType, number> = { stakeholder: 0, painPoint: 1, solution: 2, relationship: 3 };

interface Field {
  readonly field: string;
  readonly text: string;
}

interface Match {
  readonly type: SearchResultType;
  readonly id: string;
  /** 0: the name/title holds every word; 1: some of them; 2: none (the words are in other fields). */
  readonly rank: number;
  readonly index: number;
  readonly best: Field;
  readonly title: () => string;
}

/**
 * Searches stakeholders (name, notes, owner), relationships (label, notes), pain points (title, description,
 * quotes) and solutions (title, description, owner). Every whitespace-separated word of the trimmed query must
 * occur, ignoring case and accents, somewhere in the same item, not necessarily in the same field. Each item
 * is one result, shown by its best field (the one holding the most words; the name or title on a tie).
 *
 * Results whose name or title holds every word come first, then those whose name or title holds some, then the
 * rest; within each group stakeholders, pain points, solutions, then relationships (whose label stands for a
 * name), each in document order. At most `limit` results; an empty query finds nothing.
 */
export function searchWorkspace(doc: WorkspaceDocument, query: string, limit = 50): SearchResult[] {
  const words = [...new Set(fold(query).split(/\s+/).filter((w) => w !== ''))];
  if (words.length === 0 || !(limit >= 1)) return [];

  const matches: Match[] = [];
  const consider = (type: SearchResultType, id: string, index: number, fields: readonly Field[], title: () => string) => {
    const folded = fields.map((f) => fold(f.text));
    if (!words.every((w) => folded.some((text) => text.includes(w)))) return;
    const counts = folded.map((text) => words.reduce((n, w) => (text.includes(w) ? n + 1 : n), 0));
    let best = 0;
    counts.forEach((n, i) => {
      if (n > (counts[best] as number)) best = i;
    });
    const inTitle = counts[0] as number;
    matches.push({ type, id, index, rank: inTitle === words.length ? 0 : inTitle > 0 ? 1 : 2, best: fields[best] as Field, title });
  };

  doc.stakeholders.forEach((s, i) => {
    const fields = [
      { field: 'name', text: s.name },
      { field: 'notes', text: s.notes },
      { field: 'owner', text: s.owner },
    ];
    consider('stakeholder', s.id, i, fields, () => stakeholderName(s.name));
  });
  // Relationship titles name both ends; the lookup is built once, and only when a relationship is returned.
  let names: Map<string, string> | null = null;
  const nameOf = (id: string) => {
    names ??= new Map(doc.stakeholders.map((s) => [s.id, stakeholderName(s.name)]));
    return names.get(id) ?? `missing stakeholder "${id}"`;
  };
  doc.relationships.forEach((r, i) => {
    const fields = [
      { field: 'label', text: r.label },
      { field: 'notes', text: r.notes },
    ];
    consider('relationship', r.id, i, fields, () => `${nameOf(r.source)} – ${nameOf(r.target)}`);
  });
  doc.painPoints.forEach((p, i) => {
    const fields = [
      { field: 'title', text: p.title },
      { field: 'description', text: p.description },
      ...p.quotes.map((q) => ({ field: 'quote', text: q.text })),
    ];
    consider('painPoint', p.id, i, fields, () => p.title || 'Untitled pain point');
  });
  doc.solutions.forEach((s, i) => {
    const fields = [
      { field: 'title', text: s.title },
      { field: 'description', text: s.description },
      { field: 'owner', text: s.owner },
    ];
    consider('solution', s.id, i, fields, () => s.title || 'Untitled solution');
  });

  matches.sort((a, b) => a.rank - b.rank || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.index - b.index);
  return matches.slice(0, Math.floor(limit)).map((m) => ({
    type: m.type,
    id: m.id,
    title: m.title(),
    field: m.best.field,
    snippet: snippetOf(m.best.text, words),
  }));
}

/**
 * Text folded for matching: accents stripped (decomposed, combining marks removed), lower case, and the final
 * sigma written like the other, so "ΟΔΟΣ" finds "οδος". Folding a string equals folding each of its code points
 * and joining the results, which is what lets snippetOf map a match back to the original text.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ');
}

/**
 * About SNIPPET_LENGTH characters of `text` around the earliest occurrence of any of the (folded) words, on one
 * line, cut at a space where one is near and marked with "…" where cut. Works in code points, so a cut never
 * splits an emoji or another character outside the basic plane.
 */
export function snippetOf(text: string, words: readonly string[]): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= SNIPPET_LENGTH) return chars.join('');

  // The folded text, and for each of its UTF-16 units the code point of the original it came from.
  let folded = '';
  const origin: number[] = [];
  chars.forEach((c, i) => {
    const f = fold(c);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  });
  let matchStart = 0;
  let matchEnd = 0;
  let earliest = Infinity;
  for (const w of words) {
    const at = folded.indexOf(w);
    if (at >= 0 && at < earliest) {
      earliest = at;
      matchStart = origin[at] as number;
      matchEnd = (origin[at + w.length - 1] as number) + 1;
    }
  }

  // Centre the match, then slide the window back inside the text.
  let from = Math.max(0, matchStart - Math.max(0, Math.floor((SNIPPET_LENGTH - (matchEnd - matchStart)) / 2)));
  let to = Math.min(chars.length, from + SNIPPET_LENGTH);
  from = Math.max(0, to - SNIPPET_LENGTH);
  // Prefer cutting at a space close by, never into the match itself.
  const near = 12;
  if (from > 0 && chars[from - 1] !== ' ') {
    for (let i = from; i < Math.min(from + near, matchStart); i++) {
      if (chars[i] === ' ') {
        from = i + 1;
        break;
      }
    }
  }
  if (to < chars.length) {
    for (let i = to; i > Math.max(to - near, matchEnd); i--) {
      if (chars[i] === ' ') {
        to = i;
        break;
      }
    }
  }
  const piece = chars.slice(from, to).join('').trim();
  return `${from > 0 ? '…' : ''}${piece}${to < chars.length ? '…' : ''}`;
}
