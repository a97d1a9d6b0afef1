import type { Attachment } from '@shared/document/schema';
import { createId, ID_PREFIX } from '@shared/operations/ids';
import { announce, useEditor, type OpenItem, documentNow } from '../store/editor-store';
import { edit } from './edits';

/*
 * Commands that create and delete pain points and candidate solutions. Each is one undoable step and opens
 * what it created in the inspector, with its title ready to type over.
 */

/** The id of the item created last, so its editor can focus and select the title once it appears. */
let freshItemId: string | null = null;

/** True once for the item just created: its editor focuses the title field. */
export function takeFreshItem(id: string): boolean {
  if (freshItemId !== id) return false;
  freshItemId = null;
  return true;
}

/** What the P key and "Add pain point" attach to: the selected stakeholders and relationships, else nothing. */
export function attachmentsOfSelection(): Attachment[] {
  const { selection } = useEditor.getState();
  return [
    ...selection.stakeholderIds.map((id) => ({ type: 'stakeholder' as const, id })),
    ...selection.relationshipIds.map((id) => ({ type: 'relationship' as const, id })),
  ];
}

/**
 * Adds a pain point attached to `attachedTo` (by default the map selection; nothing means workspace-wide) in
 * `categoryId` (by default the first category) and opens it.
 */
export function addPainPointTo(attachedTo: readonly Attachment[] = attachmentsOfSelection(), categoryId?: string): string | null {
  const doc = documentNow();
  if (!doc) return null;
  const id = createId(ID_PREFIX.painPoint, new Set(doc.painPoints.map((p) => p.id)));
  const created = edit('painPoint.add', { id, title: 'New pain point', attachedTo: [...attachedTo], ...(categoryId === undefined ? {} : { categoryId }) });
  if (!created) return null;
  freshItemId = id;
  const where = attachedTo.length === 0 ? 'to the whole workspace' : attachedTo.length === 1 ? '' : `to ${attachedTo.length} items`;
  announce(`Pain point added ${where}. Type its title.`.replace('  ', ' '));
  return id;
}

/** Adds a candidate solution addressing `painPointIds` (possibly none) and opens it. */
export function proposeSolution(painPointIds: readonly string[] = []): string | null {
  const doc = documentNow();
  if (!doc) return null;
  const id = createId(ID_PREFIX.solution, new Set(doc.solutions.map((s) => s.id)));
  const created = edit('solution.add', { id, title: 'New solution', addresses: [...painPointIds] });
  if (!created) return null;
  freshItemId = id;
  announce('Candidate solution added. Type its title.');
  return id;
}

/** Deletes a pain point or solution (solutions that addressed a deleted pain point stay). */
export function deleteItem(item: OpenItem): void {
  const doc = documentNow();
  if (!doc) return;
  if (item.type === 'painPoint') {
    const title = doc.painPoints.find((p) => p.id === item.id)?.title ?? 'Pain point';
    if (edit('painPoint.delete', { id: item.id })) announce(`Deleted pain point "${title}". Undo brings it back.`);
  } else {
    const title = doc.solutions.find((s) => s.id === item.id)?.title ?? 'Solution';
    if (edit('solution.delete', { id: item.id })) announce(`Deleted solution "${title}". Undo brings it back.`);
  }
}
