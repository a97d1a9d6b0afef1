import type { Attachment, PainPoint, Quote, WorkspaceDocument } from '../document/schema';
import { patchRecord, replaceById } from './collections';

/*
 * Operations on pain points: what hurts, attached to stakeholders and/or relationships (none means
 * workspace-wide), with a category, the participants' own words (quotes), the department whose voice it came
 * from, and a tally of votes entered as a count (ballots cast for participants are in ballots.ts). Every function
 * returns the same document when nothing changes or the change is refused, so the undo history records no empty
 * steps.
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
    quotes: (input.quotes ?? []).filter((quote) => quote.trim() !== '').map((text) => ({ text, voice: null })),
    attachedTo,
    tally: 0,
    voice: null,
  };
  return { ...doc, painPoints: [...doc.painPoints, painPoint] };
}

/**
 * The fields of a pain point the editor changes directly (quotes, the tally and attachments have their own
 * operations). `voice` is a stakeholder id, or null for none.
 */
export type PainPointPatch = Partial<Pick<PainPoint, 'title' | 'description' | 'categoryId' | 'voice'>>;

/**
 * Changes some fields of one pain point. Returns the same document when nothing changes; refuses a move to a
 * category that does not exist (a card dropped on a column that was deleted meanwhile).
 */
export function updatePainPoint(doc: WorkspaceDocument, id: string, patch: PainPointPatch): WorkspaceDocument {
  if (patch.categoryId !== undefined && !categoryExists(doc, patch.categoryId)) return doc;
  if (patch.voice !== undefined && !voiceExists(doc, patch.voice)) return doc;
  // Only the editable fields: a caller passing a whole pain point must not overwrite quotes or the tally this way.
  const { title, description, categoryId, voice } = patch;
  return withPainPoint(doc, id, (p) => patchRecord(p, { title, description, categoryId, voice }));
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

/**
 * Adds a quote at the end, optionally with the department (stakeholder id) whose voice it was. Refuses a quote
 * with no text (an empty quote says nothing and would print as a blank line) and a voice that names no stakeholder.
 */
export function addQuote(doc: WorkspaceDocument, id: string, text: string, voice: string | null = null): WorkspaceDocument {
  if (text.trim() === '' || !voiceExists(doc, voice)) return doc;
  const quote: Quote = { text, voice };
  return withPainPoint(doc, id, (p) => ({ ...p, quotes: [...p.quotes, quote] }));
}

/** Changes the text of one quote. Refuses an index that names no quote and empty text (remove the quote instead). */
export function updateQuote(doc: WorkspaceDocument, id: string, index: number, text: string): WorkspaceDocument {
  if (text.trim() === '') return doc;
  return withPainPoint(doc, id, (p) => {
    const current = p.quotes[index];
    if (!isIndexOf(p.quotes, index) || current === undefined || current.text === text) return p;
    const quotes = p.quotes.slice();
    // The quote's other properties (its voice, anything another tool wrote) stay.
    quotes[index] = { ...current, text };
    return { ...p, quotes };
  });
}

/**
 * Records whose voice one quote was: a stakeholder (department) id, or null for none. Refuses an index that
 * names no quote and a stakeholder that does not exist.
 */
export function setQuoteVoice(doc: WorkspaceDocument, id: string, index: number, voice: string | null): WorkspaceDocument {
  if (!voiceExists(doc, voice)) return doc;
  return withPainPoint(doc, id, (p) => {
    const current = p.quotes[index];
    if (!isIndexOf(p.quotes, index) || current === undefined || current.voice === voice) return p;
    const quotes = p.quotes.slice();
    quotes[index] = { ...current, voice };
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
    quotes.splice(to, 0, moved as Quote);
    return { ...p, quotes };
  });
}

/** Adds one vote to the tally (votes entered as a count, such as sticker dots counted in the room). */
export function voteUp(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  return withPainPoint(doc, id, (p) => ({ ...p, tally: p.tally + 1 }));
}

/**
 * Takes one vote away from the tally (ballots cast for participants are withdrawn in ballots.ts). At zero nothing
 * changes (and no undo step is recorded): the file format allows no negative count, and a room takes back votes
 * it gave, it does not vote against.
 */
export function voteDown(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  return withPainPoint(doc, id, (p) => (p.tally > 0 ? { ...p, tally: p.tally - 1 } : p));
}

/**
 * Deletes a pain point, removes it from every solution that addresses it and removes the ballots cast for it, so
 * nothing is left pointing at nothing (and no participant's budget stays spent on it). The solutions themselves
 * stay, even with nothing left to address: they are the room's ideas.
 */
export function deletePainPoint(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  if (!doc.painPoints.some((p) => p.id === id)) return doc;
  let solutionsChanged = false;
  const solutions = doc.solutions.map((s) => {
    if (!s.addresses.includes(id)) return s;
    solutionsChanged = true;
    return { ...s, addresses: s.addresses.filter((a) => a !== id) };
  });
  const ballots = doc.ballots.some((b) => b.painPointId === id) ? doc.ballots.filter((b) => b.painPointId !== id) : doc.ballots;
  return {
    ...doc,
    painPoints: doc.painPoints.filter((p) => p.id !== id),
    solutions: solutionsChanged ? solutions : doc.solutions,
    ballots,
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

/** A voice is no one (null) or a stakeholder that exists. */
function voiceExists(doc: WorkspaceDocument, voice: string | null): boolean {
  return voice === null || doc.stakeholders.some((s) => s.id === voice);
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
