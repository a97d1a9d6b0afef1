import type { WorkspaceDocument } from '@shared/document/schema';

/** One state of the document in the undo history. `revision` identifies it, so "unsaved" is a comparison. */
export interface HistoryEntry {
  readonly doc: WorkspaceDocument;
  readonly revision: number;
}

/** The undo/redo stacks of one open workspace. Entries are whole immutable documents (structural sharing). */
export interface History {
  readonly past: readonly HistoryEntry[];
  readonly present: HistoryEntry;
  readonly future: readonly HistoryEntry[];
  /**
   * Consecutive commits with the same key (typing in one inspector field) replace the present entry
   * instead of adding one, so Undo reverts the whole edit rather than one keystroke.
   */
  readonly coalesceKey: string | null;
}

/** Most steps kept; older ones are dropped. Generous, since entries share structure. */
export const HISTORY_LIMIT = 500;

let lastRevision = 0;
/** A revision number never used before in this page, so two documents never share one by accident. */
export function nextRevision(): number {
  lastRevision += 1;
  return lastRevision;
}

export function startHistory(doc: WorkspaceDocument): History {
  return { past: [], present: { doc, revision: nextRevision() }, future: [], coalesceKey: null };
}

export function pushHistory(history: History, doc: WorkspaceDocument, coalesceKey: string | null = null): History {
  if (doc === history.present.doc) return history;
  const entry = { doc, revision: nextRevision() };
  if (coalesceKey !== null && coalesceKey === history.coalesceKey) {
    return { ...history, present: entry, future: [], coalesceKey };
  }
  const past = [...history.past, history.present];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, present: entry, future: [], coalesceKey };
}

export function undoHistory(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], coalesceKey: null };
}

export function redoHistory(history: History): History {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1), coalesceKey: null };
}
