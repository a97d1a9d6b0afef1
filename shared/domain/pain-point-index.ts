import type { PainPoint, WorkspaceDocument } from '../document/schema';

/*
 * Looking pain points up by what they are attached to (the badges on the map) and describing attachments in
 * words (the inspector, the board, the PDF report). An attachment to an item that does not exist is described as
 * missing rather than skipped: the product promise is that the user is told exactly what is broken.
 */

/** What a pain point can be attached to. */
export interface AttachmentRef {
  readonly type: 'stakeholder' | 'relationship';
  readonly id: string;
}

/** A key that names one stakeholder or relationship across both collections, e.g. `stakeholder:s-1`. */
export function attachmentKey(a: AttachmentRef): string {
  return `${a.type}:${a.id}`;
}

/**
 * The pain points attached to each stakeholder and relationship, keyed by attachmentKey, in document order.
 * Items without pain points have no entry. A pain point attached twice to the same item (possible in a file
 * written by another tool) is listed there once, so badge counts stay true.
 */
export function painPointsByAttachment(doc: WorkspaceDocument): Map<string, PainPoint[]> {
  const result = new Map<string, PainPoint[]>();
  for (const p of doc.painPoints) {
    for (const a of p.attachedTo) {
      const key = attachmentKey(a);
      const list = result.get(key);
      if (!list) result.set(key, [p]);
      else if (list[list.length - 1] !== p) list.push(p);
    }
  }
  return result;
}

/**
 * One attachment in words: the stakeholder's name, or `Source – Target` for a relationship with its label in
 * parentheses when it has one, or `missing stakeholder "id"` / `missing relationship "id"` for an item that
 * does not exist.
 */
export function describeAttachment(doc: WorkspaceDocument, a: AttachmentRef): string {
  if (a.type === 'stakeholder') {
    const s = doc.stakeholders.find((x) => x.id === a.id);
    return s ? stakeholderName(s.name) : `missing stakeholder "${a.id}"`;
  }
  const r = doc.relationships.find((x) => x.id === a.id);
  if (!r) return `missing relationship "${a.id}"`;
  const ends = `${stakeholderNameById(doc, r.source)} – ${stakeholderNameById(doc, r.target)}`;
  const label = r.label.trim();
  return label ? `${ends} (${label})` : ends;
}

/** Everything a pain point is attached to, joined with ", ", or `Whole workspace` when it is workspace-wide. */
export function describeAttachments(doc: WorkspaceDocument, p: PainPoint): string {
  if (p.attachedTo.length === 0) return 'Whole workspace';
  return p.attachedTo.map((a) => describeAttachment(doc, a)).join(', ');
}

/** The name a stakeholder is shown under; an empty name would leave nothing to read. */
export function stakeholderName(name: string): string {
  return name.trim() === '' ? 'Unnamed stakeholder' : name;
}

/** The name of the stakeholder with this id, or `missing stakeholder "id"` (one end of a broken relationship). */
export function stakeholderNameById(doc: WorkspaceDocument, id: string): string {
  const s = doc.stakeholders.find((x) => x.id === id);
  return s ? stakeholderName(s.name) : `missing stakeholder "${id}"`;
}
