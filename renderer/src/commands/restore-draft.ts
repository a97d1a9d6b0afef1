import { host } from '../host';
import { announce, setRecoveryDrafts, showMessage, useUi } from '../store/editor-store';
import { confirmUnsavedChanges } from './file-commands';
import { loadWorkspaceText } from './load-workspace';
import { adoptRestoredDraft } from './recovery';

/*
 * After a crash: the drafts an earlier run left behind (recovery.ts writes them), offered on the start view until
 * they are restored or discarded. Apart from recovery.ts because restoring asks about unsaved changes (which may
 * save), and saving removes drafts: one module for each direction keeps the imports one way.
 */

/** Looks for drafts left by an earlier run; true when there are some (the start view then offers them). */
export async function findRecoveryDrafts(): Promise<boolean> {
  try {
    const drafts = await host().listRecoveryDrafts();
    setRecoveryDrafts(drafts);
    return drafts.length > 0;
  } catch {
    return false;
  }
}

/**
 * Opens a draft as it was when the app stopped, marked unsaved (it is not in its file yet). It keeps its draft
 * until the restored work is saved or discarded, so a second crash loses nothing either.
 */
export async function restoreDraft(draftId: string): Promise<void> {
  const draft = useUi.getState().recoveryDrafts.find((d) => d.draftId === draftId);
  if (!draft || !(await confirmUnsavedChanges())) return;
  let read: Awaited<ReturnType<ReturnType<typeof host>['readRecoveryDraft']>>;
  try {
    read = await host().readRecoveryDraft(draftId);
  } catch (error) {
    // Unreadable (permissions, a failing disk): say so and keep the draft, the user may fix it and try again.
    const reason = error instanceof Error ? error.message : String(error);
    showMessage({ tone: 'error', title: 'The unsaved work could not be restored', summary: `The draft of “${draft.displayName}” could not be read: ${reason}` });
    return;
  }
  if (read.kind !== 'read') {
    showMessage({ tone: 'error', title: 'The unsaved work could not be restored', summary: `The draft of “${draft.displayName}” is no longer there.` });
    setRecoveryDrafts(useUi.getState().recoveryDrafts.filter((d) => d.draftId !== draftId));
    return;
  }
  // Adopted before loading: the new session keeps this draft's id, so the draft stays until the work is saved.
  adoptRestoredDraft(draftId);
  // Main lets the work be saved back to its file only if it can tell whether the file changed since the draft was
  // made; otherwise Save asks where (Save As), rather than failing.
  const restored = loadWorkspaceText(read.content, draft.displayName, {
    kind: 'session',
    filePath: read.writable ? draft.filePath : null,
    fitOnOpen: false,
    unsaved: true,
  });
  if (!restored) {
    adoptRestoredDraft(null);
    return;
  }
  setRecoveryDrafts(useUi.getState().recoveryDrafts.filter((d) => d.draftId !== draftId));
  announce(
    read.writable || draft.filePath === null
      ? `Restored the unsaved work of “${draft.displayName}”. Save it to keep it.`
      : `Restored the unsaved work of “${draft.displayName}”. Save it with Save As: Stakemap cannot confirm that its file is still the one this work came from.`,
  );
}

/** Throws a draft away for good (the user said so). */
export async function discardDraft(draftId: string): Promise<void> {
  await host().discardRecoveryDraft(draftId);
  setRecoveryDrafts(useUi.getState().recoveryDrafts.filter((d) => d.draftId !== draftId));
}
