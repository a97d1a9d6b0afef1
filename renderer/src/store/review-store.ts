import { create } from 'zustand';
import type { WorkspaceDocument } from '@shared/document/schema';
import { useEditor } from './editor-store';

/*
 * Looking back (issue 19): the Timeline dialog, and what the main area shows instead of the editable view while
 * a snapshot is open read-only or two states are compared. Kept apart from the editor's store: nothing here is
 * part of the document or of its undo history.
 */

/** One side of a comparison: the workspace as it is now, one of its snapshots, or another workspace file. */
export type ReviewSide =
  | { readonly kind: 'now' }
  | { readonly kind: 'snapshot'; readonly id: string }
  | { readonly kind: 'file'; readonly fileName: string; readonly doc: WorkspaceDocument };

export type Review =
  | { readonly kind: 'snapshot'; readonly id: string }
  | { readonly kind: 'compare'; readonly before: ReviewSide; readonly after: ReviewSide };

interface ReviewState {
  readonly timelineOpen: boolean;
  readonly review: Review | null;
}

export const useReview = create<ReviewState>()(() => ({ timelineOpen: false, review: null }));

export function showTimeline(open: boolean): void {
  useReview.setState({ timelineOpen: open });
}

export function showReview(review: Review | null): void {
  useReview.setState({ review, ...(review ? { timelineOpen: false } : {}) });
}

// Another workspace opened, or the one open closed: what was being looked at belonged to the one before. (A review
// whose snapshot is gone shows nothing and closes itself: ReviewView.)
let openFile: string | null | undefined;
useEditor.subscribe((s) => {
  const file = s.workspace === null ? undefined : s.workspace.filePath;
  if (file === openFile) return;
  openFile = file;
  const { review, timelineOpen } = useReview.getState();
  if (review || timelineOpen) useReview.setState({ review: null, timelineOpen: false });
});

// A view tab (Map, Pain points, Solutions, Grid) chosen while looking back goes to that view of the workspace.
let shownView = useEditor.getState().view;
useEditor.subscribe((s) => {
  if (s.view === shownView) return;
  shownView = s.view;
  if (useReview.getState().review) useReview.setState({ review: null });
});
