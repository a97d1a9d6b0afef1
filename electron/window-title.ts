import type { DocumentState } from '../shared/host/channels';

export const APP_NAME = 'Stakemap';

/** The mark in front of the document name while it has unsaved changes (as VS Code and Sublime Text do). */
export const UNSAVED_MARK = '● ';

/**
 * The window title for the renderer's document: "Workshop.stakemap — Stakemap", with "● " in front while there
 * are unsaved changes ("● Workshop.stakemap — Stakemap"), and just "Stakemap" before any document is shown.
 * The mark is used on every platform so the title reads the same everywhere; macOS also gets the native dot
 * in the close button (setDocumentEdited).
 */
export function formatWindowTitle(state: Pick<DocumentState, 'displayName' | 'dirty'> | null): string {
  const name = state?.displayName.trim() ?? '';
  if (name === '') return APP_NAME;
  return `${state?.dirty ? UNSAVED_MARK : ''}${name} — ${APP_NAME}`;
}
