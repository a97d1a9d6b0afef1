import { z } from 'zod';
import type { RelationshipStatus, StakeholderKind } from '@shared/document/format';
import { relationshipSchema, stakeholderSchema } from '@shared/document/schema';
import { extractFragment, FRAGMENT_FORMAT, type MapFragment } from '@shared/operations/clipboard';
import { painPointsAffectedByDeletion } from '@shared/operations/delete-items';
import { createId, ID_PREFIX } from '@shared/operations/ids';
import { findRelationshipBetween } from '@shared/operations/relationships';
import { FIT_VIEW_OPTIONS, flowInstance, viewportCentre } from '../canvas/flow-instance';
import { DEFAULT_NODE_SIZE, findFreeSpot } from '../canvas/placement';
import { announce, setSelection, startRename, useEditor, documentNow } from '../store/editor-store';
import { edit } from './edits';
import { closeOpenItem } from './navigate-commands';
import { deleteItem } from './pain-point-commands';

/** Adds a stakeholder in a free spot near the middle of the view, selects it and, if asked, starts renaming. */
export function addStakeholderNamed(name: string, kind: StakeholderKind, options: { rename?: boolean; near?: { x: number; y: number } } = {}): void {
  const state = useEditor.getState();
  const doc = documentNow(state);
  if (!doc) return;
  const occupied = state.nodes.map((n) => ({
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
    height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
  }));
  const position = findFreeSpot(options.near ?? viewportCentre(), occupied);
  const id = createId(ID_PREFIX.stakeholder, new Set(doc.stakeholders.map((s) => s.id)));
  edit('stakeholder.add', { id, name, kind, position });
  if (options.rename) startRename(id);
  else announce(`Added ${name}`);
}

/** The N key and Map > Add Stakeholder: a new internal department, named in place right away. */
export function addNewStakeholder(): void {
  addStakeholderNamed('New stakeholder', 'department', { rename: true });
}

/** Connects two stakeholders; if they are already connected, selects that relationship and says so. */
export function connect(source: string, target: string): void {
  const doc = documentNow();
  if (!doc || source === target) return;
  const existing = findRelationshipBetween(doc, source, target);
  if (existing) {
    setSelection({ relationshipIds: [existing.id] });
    announce('These two are already connected: their relationship is selected.');
    return;
  }
  const id = createId(ID_PREFIX.relationship, new Set(doc.relationships.map((r) => r.id)));
  edit('relationship.connect', { id, source, target });
}

/**
 * Deletes the selected stakeholders and relationships (or, with nothing selected on the map, the open pain
 * point or solution). Pain points attached to deleted items are kept, and the message says what became of them.
 */
export function deleteSelection(): void {
  const { selection, openItem, workspace } = useEditor.getState();
  const doc = workspace?.history.present.doc ?? null;
  const count = selection.stakeholderIds.length + selection.relationshipIds.length;
  if (!doc) return;
  if (count === 0) {
    if (openItem) deleteItem(openItem);
    return;
  }
  const affected = painPointsAffectedByDeletion(doc, selection);
  if (!edit('items.delete', { stakeholderIds: [...selection.stakeholderIds], relationshipIds: [...selection.relationshipIds] })) return;
  const after = documentNow() ?? doc;
  const parts = [`Deleted ${count === 1 ? 'one item' : `${count} items`}.`];
  if (affected.length > 0) {
    const nowWorkspaceWide = affected.filter((id) => after.painPoints.find((p) => p.id === id)?.attachedTo.length === 0).length;
    parts.push(
      `${affected.length === 1 ? 'Its pain point was' : `${affected.length} pain points attached to it were`} kept` +
        (nowWorkspaceWide > 0 ? `; ${nowWorkspaceWide === affected.length ? (affected.length === 1 ? 'it is' : 'they are') : `${nowWorkspaceWide} are`} now workspace-wide.` : '.'),
    );
  }
  parts.push(`Undo brings ${count === 1 ? 'it' : 'them'} back.`);
  announce(parts.join(' '));
}

export function selectAll(): void {
  const { nodes, edges } = useEditor.getState();
  setSelection({ stakeholderIds: nodes.map((n) => n.id), relationshipIds: edges.map((e) => e.id) });
}

/** Escape on the map: nothing selected, and an open pain point or solution closes. */
export function clearSelection(): void {
  setSelection({});
  if (useEditor.getState().openItem) closeOpenItem();
}

/** Sets the status of every selected relationship in one undoable step. */
export function setSelectedRelationshipStatus(status: RelationshipStatus): void {
  const ids = useEditor.getState().selection.relationshipIds;
  edit('relationship.setStatus', { ids: [...ids], status });
}

export function renameSelected(): void {
  const [id] = useEditor.getState().selection.stakeholderIds;
  if (id) startRename(id);
}

// ----- clipboard ---------------------------------------------------------------------------------------------

const fragmentSchema = z.object({
  format: z.literal(FRAGMENT_FORMAT),
  stakeholders: z.array(stakeholderSchema).max(10_000),
  relationships: z.array(relationshipSchema).max(50_000),
});

/** Puts the selected stakeholders (and the relationships among them) on the clipboard as text. */
export function copySelection(clipboard: DataTransfer): boolean {
  const state = useEditor.getState();
  const doc = documentNow(state);
  if (!doc || state.selection.stakeholderIds.length === 0) return false;
  const fragment = extractFragment(doc, state.selection.stakeholderIds);
  clipboard.setData('text/plain', JSON.stringify({ format: FRAGMENT_FORMAT, ...fragment }));
  return true;
}

export function cutSelection(clipboard: DataTransfer): boolean {
  if (!copySelection(clipboard)) return false;
  deleteSelection();
  return true;
}

/** Pastes stakeholders copied from Stakemap, offset so they do not cover the originals. Other text is ignored. */
export function pasteFromClipboard(clipboard: DataTransfer): boolean {
  let fragment: MapFragment;
  try {
    // Clipboard text can come from anywhere: validate it like a file.
    const parsed = fragmentSchema.safeParse(JSON.parse(clipboard.getData('text/plain')));
    if (!parsed.success) return false;
    fragment = parsed.data;
  } catch {
    return false;
  }
  // The seed makes the pasted copies' ids, so the edit is plain data that replays to the same document.
  return edit('items.paste', {
    stakeholders: [...fragment.stakeholders],
    relationships: [...fragment.relationships],
    offset: { x: 40, y: 40 },
    seed: Math.floor(Math.random() * 2 ** 31),
  });
}

// ----- view --------------------------------------------------------------------------------------------------

export function zoomIn(): void {
  void flowInstance()?.zoomIn({ duration: 120 });
}
export function zoomOut(): void {
  void flowInstance()?.zoomOut({ duration: 120 });
}
export function fitView(): void {
  void flowInstance()?.fitView(FIT_VIEW_OPTIONS);
}
