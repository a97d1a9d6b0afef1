import { useEffect } from 'react';
import { host } from '../host';
import { selectAgendaVisible } from '../store/agenda-selectors';
import { isDirty, useEditor } from '../store/editor-store';
import { moveFocusedCard } from './board-commands';
import { clearSelection, copySelection, cutSelection, pasteFromClipboard, renameSelected } from './edit-commands';
import { displayName } from './document-name';
import { handleCloseRequest, openPath, openSample } from './file-commands';
import { startRecoveryDrafts } from './recovery';
import { findResumableSession } from './live-session';
import { findRecoveryDrafts } from './restore-draft';
import { runCommand } from './run-command';
import { holdRenameKey } from '../store/rename-typeahead';
import { commandForKey, isTextField } from './shortcuts';

const isMac = /Mac/i.test(navigator.platform);


/** Keyboard shortcuts for the whole window (see shortcuts.ts for the map). */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('dialog[open]')) return; // a modal message owns the keyboard
      const inTextField = isTextField(event.target);
      // A rename was started but its field has not taken focus yet: what is typed is the new name.
      if (!inTextField && useEditor.getState().renamingId && holdRenameKey(event)) {
        event.preventDefault();
        return;
      }
      const command = commandForKey(event, { isMac, inTextField });
      if (!command) return;
      // While renaming in place, the field's own undo applies (the name is not committed yet).
      if ((command === 'edit.undo' || command === 'edit.redo') && inTextField && event.target.hasAttribute('data-native-undo')) return;
      event.preventDefault();
      if (command === 'edit.rename') renameSelected();
      else if (command === 'edit.clearSelection') clearSelection();
      else if (command === 'board.moveCardPrevious') moveFocusedCard(-1);
      else if (command === 'board.moveCardNext') moveFocusedCard(1);
      else runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Copy, cut and paste of stakeholders on the map. Text fields keep the browser's own clipboard behaviour. */
export function useMapClipboard(): void {
  useEffect(() => {
    const handle = (action: (data: DataTransfer) => boolean) => (event: ClipboardEvent) => {
      if (isTextField(event.target) || !event.clipboardData || !useEditor.getState().workspace) return;
      if (action(event.clipboardData)) event.preventDefault();
    };
    const onCopy = handle(copySelection);
    const onCut = handle(cutSelection);
    const onPaste = handle(pasteFromClipboard);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}

/** Menu commands, files handed over by the OS, and close requests from the host. */
export function useHostEvents(): void {
  useEffect(() => {
    const api = host();
    const unsubscribe = [
      api.onMenuCommand(runCommand),
      api.onOpenFile(({ filePath }) => void openPath(filePath)),
      api.onCloseRequested(() => void handleCloseRequest()),
    ];
    return () => unsubscribe.forEach((off) => off());
  }, []);
}

/** First run opens the sample; a file given on the command line opens; otherwise the start view shows. */
export function useLaunch(): void {
  useEffect(() => {
    let cancelled = false;
    void host()
      .getLaunchState()
      .then(async (launch) => {
        // Unsaved work and a live session cut off by a crash come first: the start view offers them before
        // anything else opens.
        const [hasDrafts, hasSession] = await Promise.all([findRecoveryDrafts(), findResumableSession()]);
        if (cancelled || hasDrafts || hasSession) return;
        if (launch.pendingFilePath) void openPath(launch.pendingFilePath);
        else if (launch.firstRun) void openSample();
      });
    return () => {
      cancelled = true;
    };
  }, []);
}

/** Writes recovery drafts while there are unsaved changes (see recovery.ts). */
export function useRecoveryDrafts(): void {
  useEffect(() => startRecoveryDrafts(), []);
}

/** Keeps the window title and the host's idea of "unsaved changes" in step with the document. */
export function useDocumentStateSync(): void {
  useEffect(() => {
    let last = '';
    const sync = () => {
      const state = useEditor.getState();
      const name = displayName(state);
      const dirty = isDirty(state.workspace);
      const filePath = state.workspace?.filePath ?? null;
      const agendaVisible = selectAgendaVisible(state);
      const key = JSON.stringify([name, dirty, filePath, agendaVisible]);
      if (key === last) return;
      last = key;
      document.title = state.workspace ? `${dirty ? '● ' : ''}${name} — Stakemap` : 'Stakemap';
      void host().setDocumentState({ displayName: name, filePath, dirty, agendaVisible });
    };
    sync();
    return useEditor.subscribe(sync);
  }, []);
}
