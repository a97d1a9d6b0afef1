import { z } from 'zod';
import type { RelationshipStatus, StakeholderKind } from '@shared/document/format';
import { relationshipSchema, stakeholderSchema } from '@shared/document/schema';
import { extractFragment, FRAGMENT_FORMAT, type MapFragment } from '@shared/operations/clipboard';
import { painPointsAffectedByDeletion } from '@shared/operations/delete-items';
import { createId, ID_PREFIX } from '@shared/operations/ids';
import { findRelationshipBetween } from '@shared/operations/relationships';
import { fitMap, fitMapSettled } from '../canvas/fit-map';
import { withFlowInstance } from '../canvas/flow-instance';
import { DEFAULT_NODE_SIZE, measureStakeholderBox, notePlaced, placeStakeholder, revealBox } from '../canvas/placement';
import { announce, setSelection, startRename, useEditor, documentNow } from '../store/editor-store';
import { edit } from './edits';
import { closeOpenItem } from './navigate-commands';
import { deleteItem } from './pain-point-commands';

/**
 * Adds a stakeholder in free space around the selection or the team (placement.ts; "Add stakeholder here" passes
 * the spot), selects it, brings it into view and, if asked, starts renaming.
 */
export function addStakeholderNamed(name: string, kind: StakeholderKind, options: { rename?: boolean; near?: { x: number; y: number } } = {}): void {
  const doc = documentNow();
  if (!doc) return;
  const size = measureStakeholderBox(name, kind);
  const position = placeStakeholder(size, kind, options.near);
  const id = createId(ID_PREFIX.stakeholder, new Set(doc.stakeholders.map((s) => s.id)));
  if (!edit('stakeholder.add', { id, name, kind, position })) return;
  notePlaced(id);
  revealBox({ ...position, ...size });
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
  if (fragment.stakeholders.length === 0) return false;
  // The copies go, as a group, into free space around the selection (usually what was copied) or the team.
  const group = pastedGroupBox(fragment.stakeholders);
  const spot = placeStakeholder(group, 'department');
  const offset = { x: spot.x - group.x, y: spot.y - group.y };
  // The seed makes the pasted copies' ids, so the edit is plain data that replays to the same document.
  const pasted = edit('items.paste', {
    stakeholders: [...fragment.stakeholders],
    relationships: [...fragment.relationships],
    offset,
    seed: Math.floor(Math.random() * 2 ** 31),
  });
  if (pasted) revealBox({ ...spot, width: group.width, height: group.height });
  return pasted;
}

/** The box the pasted stakeholders cover, with the sizes measured for the originals where they are on the map. */
function pastedGroupBox(stakeholders: readonly { id: string; position: { x: number; y: number } }[]): { x: number; y: number; width: number; height: number } {
  const measured = new Map(useEditor.getState().nodes.map((n) => [n.id, n.measured]));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of stakeholders) {
    const size = measured.get(s.id);
    minX = Math.min(minX, s.position.x);
    minY = Math.min(minY, s.position.y);
    maxX = Math.max(maxX, s.position.x + (size?.width ?? DEFAULT_NODE_SIZE.width));
    maxY = Math.max(maxY, s.position.y + (size?.height ?? DEFAULT_NODE_SIZE.height));
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

// ----- view --------------------------------------------------------------------------------------------------

export function zoomIn(): void {
  withFlowInstance((instance) => void instance.zoomIn({ duration: 120 }));
}
export function zoomOut(): void {
  withFlowInstance((instance) => void instance.zoomOut({ duration: 120 }));
}
/** How long Fit glides: long enough to follow where the map went, short enough not to wait for. */
const FIT_GLIDE_MS = 200;
/** Fits the whole map to the window, clear of the legend, the filter bar and the minimap. */
export function fitView(): void {
  withFlowInstance((instance) => fitMap({ duration: FIT_GLIDE_MS, instance }));
}

/** Fit, resolving once the map has stopped moving (see fitMapSettled). */
export async function fitViewSettled(): Promise<void> {
  await fitMapSettled({ duration: FIT_GLIDE_MS });
}
