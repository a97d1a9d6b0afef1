import { DEFAULT_CATEGORIES } from '../document/format';
import type { Category, WorkspaceDocument } from '../document/schema';
import { patchRecord, replaceById } from './collections';

/*
 * Operations on the categories pain points are clustered into (the columns of the board, the colours of the
 * badges). Every function returns the same document when nothing changes or the change is refused, so the undo
 * history records no empty steps. A pain point never ends up in a category that does not exist: deleting a
 * category that is in use moves its pain points elsewhere in the same step.
 */

export interface NewCategory {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

/**
 * Colours offered for new categories: the six default colours first (so a room that deleted a default category
 * and adds one back gets the familiar colour), then six more of clearly different hues. All are dark enough for
 * white text on a badge or a column header; the added ones reach the 4.5:1 contrast of normal text.
 */
export const CATEGORY_PALETTE: readonly string[] = Object.freeze([
  ...DEFAULT_CATEGORIES.map((c) => c.color),
  '#0b7285', // teal
  '#862e9c', // grape
  '#5c6f00', // olive
  '#8d5524', // brown
  '#364fc7', // indigo
  '#495057', // slate
]);

/**
 * Adds a category at the end. Refuses (returns the same document) a taken id, and an empty id, which the file
 * format does not allow (the next open would fail).
 */
export function addCategory(doc: WorkspaceDocument, input: NewCategory): WorkspaceDocument {
  if (input.id === '' || doc.categories.some((c) => c.id === input.id)) return doc;
  // A fresh object: the caller's may carry other properties or be changed later.
  const category: Category = { id: input.id, name: input.name, color: input.color };
  return { ...doc, categories: [...doc.categories, category] };
}

/** The fields of a category the editor changes. */
export type CategoryPatch = { readonly name?: string; readonly color?: string };

/** Renames and/or recolours one category. Returns the same document when nothing changes or the id is missing. */
export function updateCategory(doc: WorkspaceDocument, id: string, patch: CategoryPatch): WorkspaceDocument {
  // Only the editable fields: a caller passing a whole category must not change its id this way.
  const { name, color } = patch;
  const categories = replaceById(doc.categories, id, (c) => patchRecord(c, { name, color }));
  return categories === doc.categories ? doc : { ...doc, categories };
}

/**
 * Moves a category to another position (the others shift). `toIndex` is clamped to the list, so dragging a
 * column past either end puts it first or last. Returns the same document for a missing id, a position that is
 * not a number, or when the category is already there.
 */
export function moveCategory(doc: WorkspaceDocument, id: string, toIndex: number): WorkspaceDocument {
  const from = doc.categories.findIndex((c) => c.id === id);
  if (from < 0 || Number.isNaN(toIndex)) return doc;
  const to = Math.min(Math.max(Math.trunc(toIndex), 0), doc.categories.length - 1);
  if (to === from) return doc;
  const categories = doc.categories.slice();
  const [moved] = categories.splice(from, 1);
  categories.splice(to, 0, moved as Category);
  return { ...doc, categories };
}

/**
 * Deletes a category. When pain points are in it, they move to `reassignTo` in the same step (one undo brings
 * both back); `reassignTo` must then name another category that exists, otherwise the deletion is refused
 * (returns the same document) rather than leaving pain points in a category that is gone. When no pain point is
 * in it, `reassignTo` is ignored. The last remaining category is never deleted: a new pain point needs one.
 */
export function deleteCategory(doc: WorkspaceDocument, id: string, reassignTo: string | null): WorkspaceDocument {
  if (!doc.categories.some((c) => c.id === id)) return doc;
  if (doc.categories.length <= 1) return doc;
  const categories = doc.categories.filter((c) => c.id !== id);
  if (painPointsInCategory(doc, id) === 0) return { ...doc, categories };
  if (reassignTo === null || reassignTo === id || !categories.some((c) => c.id === reassignTo)) return doc;
  const painPoints = doc.painPoints.map((p) => (p.categoryId === id ? { ...p, categoryId: reassignTo } : p));
  return { ...doc, categories, painPoints };
}

/** How many pain points are in a category (to say what deleting it would move). */
export function painPointsInCategory(doc: WorkspaceDocument, id: string): number {
  let count = 0;
  for (const p of doc.painPoints) if (p.categoryId === id) count++;
  return count;
}

/**
 * The colour to offer for a new category: the first palette colour no category uses yet. When every one is in
 * use, the palette starts over with the colour used least (the earliest of those), so colours repeat evenly
 * rather than all new categories getting the same one. Colours are compared without regard to case, since a
 * file written by hand may say `#1971C2`.
 */
export function nextCategoryColor(doc: WorkspaceDocument): string {
  const uses = new Map<string, number>();
  for (const c of doc.categories) {
    const key = c.color.trim().toLowerCase();
    uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  let best = CATEGORY_PALETTE[0] as string;
  let bestUses = Infinity;
  for (const color of CATEGORY_PALETTE) {
    const n = uses.get(color) ?? 0;
    if (n < bestUses) {
      best = color;
      bestUses = n;
    }
  }
  return best;
}
