import type { Attachment, PainPoint, WorkspaceDocument } from '../document/schema';
import { patchRecord, replaceById } from './collections';

/*
 * Operations on pain points: what hurts, attached to stakeholders and/or relationships (none means
 * workspace-wide), with a category, the participants' own words (quotes) and votes. Every function returns the
 * same document when nothing changes or the change is refused, so the undo history records no empty steps.
 */

export interface NewPainPoint {
  readonly id: string;
  readonly title: string;
  readonly categoryId: string;
  readonly attachedTo?: readonly Attachment[];
  readonly description?: string;
  /** The participants' words it starts with (quick capture types one with the title); empty ones are left out. */
  readonly quotes?: readonly string[];
}

/**
 * Adds a pain point with no votes, and the quotes given (none by default). Refuses (returns the same document) a
 * taken id, a category that does not exist and an attachment to an item that does not exist: either would be a
 * broken reference the next time the file is opened. Repeated attachments are kept once; quotes with no text
 * are left out, as addQuote refuses them.
 */
export function addPainPoint(doc: WorkspaceDocument, input: NewPainPoint): WorkspaceDocument {
  if (doc.painPoints.some((p) => p.id === input.id)) return doc;
  if (!categoryExists(doc, input.categoryId)) return doc;
  const attachedTo = uniqueAttachments(input.attachedTo ?? []);
  if (!attachedTo.every((a) => attachmentTargetExists(doc, a))) return doc;
  const painPoint: PainPoint = {
    id: input.id,
    title: input.title,
    description: input.description ?? '',
    categoryId: input.categoryId,
    quotes: (input.quotes ?? []).filter((quote) => quote.trim() !== ''),
    attachedTo,
    votes: 0,
  };
  return { ...doc, painPoints: [...doc.painPoints, painPoint] };
}

/** The fields of a pain point the editor changes directly (quotes, votes and attachments have their own operations). */
export type PainPointPatch = Partial<Pick<PainPoint, 'title' | 'description' | 'categoryId'>>;

/**
 * Changes some fields of one pain point. Returns the same document when nothing changes; refuses a move to a
 * category that does not exist (a card dropped on a column that was deleted meanwhile).
 */
export function updatePainPoint(doc: WorkspaceDocument, id: string, patch: PainPointPatch): WorkspaceDocument {
  if (patch.categoryId !== undefined && !categoryExists(doc, patch.categoryId)) return doc;
  // Only the editable fields: a caller passing a whole pain point must not overwrite quotes or votes this way.
  const { title, description, categoryId } = patch;
  return withPainPoint(doc, id, (p) => patchRecord(p, { title, description, categoryId }));
}

/**
 * Attaches a pain point to a stakeholder or a relationship. Returns the same document when it is already
 * attached there, and refuses an item that does not exist.
 */
export function attachPainPoint(doc: WorkspaceDocument, id: string, attachment: Attachment): WorkspaceDocument {
  if (!attachmentTargetExists(doc, attachment)) return doc;
  return withPainPoint(doc, id, (p) =>
    p.attachedTo.some((a) => sameAttachment(a, attachment)) ? p : { ...p, attachedTo: [...p.attachedTo, { type: attachment.type, id: attachment.id }] },
  );
}

/**
 * Detaches a pain point from one item; with nothing left it becomes workspace-wide. Works for an attachment to
 * a missing item too, so the user can clean up a broken reference they were told about.
 */
export function detachPainPoint(doc: WorkspaceDocument, id: string, attachment: Attachment): WorkspaceDocument {
  return withPainPoint(doc, id, (p) =>
    p.attachedTo.some((a) => sameAttachment(a, attachment)) ? { ...p, attachedTo: p.attachedTo.filter((a) => !sameAttachment(a, attachment)) } : p,
  );
}

/**
 * Replaces everything a pain point is attached to (re-attaching from a picker in one undo step); an empty list
 * makes it workspace-wide. Repeats are kept once. Refuses a new attachment to an item that does not exist; an
 * attachment the pain point already had to a missing item may stay, so passing the current list plus one item
 * is never refused because of an old broken reference.
 */
export function setPainPointAttachments(doc: WorkspaceDocument, id: string, attachments: readonly Attachment[]): WorkspaceDocument {
  const current = doc.painPoints.find((p) => p.id === id);
  if (!current) return doc;
  // An attachment the pain point already has keeps its object, so properties another tool wrote on it survive.
  const next = uniqueAttachments(attachments).map((a) => current.attachedTo.find((b) => sameAttachment(a, b)) ?? a);
  const allowed = (a: Attachment) => attachmentTargetExists(doc, a) || current.attachedTo.some((b) => sameAttachment(a, b));
  if (!next.every(allowed)) return doc;
  const unchanged = next.length === current.attachedTo.length && next.every((a, i) => a === current.attachedTo[i]);
  return unchanged ? doc : withPainPoint(doc, id, (p) => ({ ...p, attachedTo: next }));
}

/** Adds a quote at the end. Refuses a quote with no text: an empty quote says nothing and would print as a blank line. */
export function addQuote(doc: WorkspaceDocument, id: string, text: string): WorkspaceDocument {
  if (text.trim() === '') return doc;
  return withPainPoint(doc, id, (p) => ({ ...p, quotes: [...p.quotes, text] }));
}

/** Changes the text of one quote. Refuses an index that names no quote and empty text (remove the quote instead). */
export function updateQuote(doc: WorkspaceDocument, id: string, index: number, text: string): WorkspaceDocument {
  if (text.trim() === '') return doc;
  return withPainPoint(doc, id, (p) => {
    if (!isIndexOf(p.quotes, index) || p.quotes[index] === text) return p;
    const quotes = p.quotes.slice();
    quotes[index] = text;
    return { ...p, quotes };
  });
}

/** Removes one quote. Returns the same document for an index that names no quote. */
export function removeQuote(doc: WorkspaceDocument, id: string, index: number): WorkspaceDocument {
  return withPainPoint(doc, id, (p) => (isIndexOf(p.quotes, index) ? { ...p, quotes: p.quotes.filter((_, i) => i !== index) } : p));
}

/**
 * Moves a quote from one position to another (the quotes after it shift). Returns the same document when
 * either index names no quote or they are equal.
 */
export function moveQuote(doc: WorkspaceDocument, id: string, from: number, to: number): WorkspaceDocument {
  return withPainPoint(doc, id, (p) => {
    if (from === to || !isIndexOf(p.quotes, from) || !isIndexOf(p.quotes, to)) return p;
    const quotes = p.quotes.slice();
    const [moved] = quotes.splice(from, 1);
    quotes.splice(to, 0, moved as string);
    return { ...p, quotes };
  });
}

/** Adds one vote. */
export function voteUp(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  return withPainPoint(doc, id, (p) => ({ ...p, votes: p.votes + 1 }));
}

/**
 * Takes one vote away. At zero nothing changes (and no undo step is recorded): the file format allows no
 * negative count, and a room takes back votes it gave, it does not vote against.
 */
export function voteDown(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  return withPainPoint(doc, id, (p) => (p.votes > 0 ? { ...p, votes: p.votes - 1 } : p));
}

/**
 * Deletes a pain point and removes it from every solution that addresses it, so no solution is left pointing
 * at nothing. The solutions themselves stay, even with nothing left to address: they are the room's ideas.
 */
export function deletePainPoint(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  if (!doc.painPoints.some((p) => p.id === id)) return doc;
  let solutionsChanged = false;
  const solutions = doc.solutions.map((s) => {
    if (!s.addresses.includes(id)) return s;
    solutionsChanged = true;
    return { ...s, addresses: s.addresses.filter((a) => a !== id) };
  });
  return {
    ...doc,
    painPoints: doc.painPoints.filter((p) => p.id !== id),
    solutions: solutionsChanged ? solutions : doc.solutions,
  };
}

/** Whether two attachments name the same item. */
export function sameAttachment(a: Attachment, b: Attachment): boolean {
  return a.type === b.type && a.id === b.id;
}

/** Whether the stakeholder or relationship an attachment names exists. */
export function attachmentTargetExists(doc: WorkspaceDocument, attachment: Attachment): boolean {
  const items = attachment.type === 'stakeholder' ? doc.stakeholders : attachment.type === 'relationship' ? doc.relationships : [];
  return items.some((item) => item.id === attachment.id);
}

function withPainPoint(doc: WorkspaceDocument, id: string, update: (p: PainPoint) => PainPoint): WorkspaceDocument {
  const painPoints = replaceById(doc.painPoints, id, update);
  return painPoints === doc.painPoints ? doc : { ...doc, painPoints };
}

function categoryExists(doc: WorkspaceDocument, categoryId: string): boolean {
  return doc.categories.some((c) => c.id === categoryId);
}

/** Fresh copies, first occurrence kept: the caller's objects are never stored (they may be mutated later). */
function uniqueAttachments(attachments: readonly Attachment[]): Attachment[] {
  const result: Attachment[] = [];
  for (const a of attachments) {
    if (!result.some((b) => sameAttachment(a, b))) result.push({ type: a.type, id: a.id });
  }
  return result;
}

function isIndexOf(items: readonly unknown[], index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < items.length;
}
