import { createId } from '@shared/operations/ids';
import { defaultSnapshotName } from '@shared/operations/snapshots';
import { announce, documentNow, useEditor } from '../store/editor-store';
import { showReview, type ReviewSide } from '../store/review-store';
import { edit } from './edits';
import { chooseOtherWorkspace } from './other-workspace';

/*
 * Snapshots and comparisons (issue 19): take one in one click (Map > Take Snapshot, the toolbar's camera), open
 * one read-only, restore one as one undo step, compare two states of the map.
 */

/** Keeps the map as it is now as a snapshot named "Snapshot N" (renamed in the Timeline), and says so. */
export function takeSnapshotNow(): void {
  const doc = documentNow();
  const readOnly = useEditor.getState().workspace?.readOnly;
  if (readOnly) return announce(readOnly);
  if (!doc) return;
  const name = defaultSnapshotName(doc);
  const id = createId('snap', new Set(doc.snapshots.map((s) => s.id)));
  if (edit('snapshot.take', { id, name, takenAt: new Date().toISOString() })) {
    announce(`Snapshot “${name}” taken. View > Timeline… lists it.`);
  }
}

/** Brings the map back to a snapshot (one undo step) and shows the map. */
export function restoreSnapshotNow(id: string): void {
  const snapshot = documentNow()?.snapshots.find((s) => s.id === id);
  if (!snapshot) return;
  edit('snapshot.restore', { id });
  showReview(null);
  announce(`The map is back to the snapshot “${snapshot.name}”. Undo brings the changes back.`);
}

export function openSnapshot(id: string): void {
  showReview({ kind: 'snapshot', id });
}

export function compare(before: ReviewSide, after: ReviewSide): void {
  showReview({ kind: 'compare', before, after });
}

/** Compares another workspace file (as before) with this workspace now (after). */
export async function compareWithFile(): Promise<void> {
  const other = await chooseOtherWorkspace('compare');
  if (other) compare({ kind: 'file', fileName: other.fileName, doc: other.doc }, { kind: 'now' });
}
