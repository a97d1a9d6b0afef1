import { useEffect } from 'react';
import {
  useDocumentStateSync,
  useHostEvents,
  useKeyboardShortcuts,
  useLaunch,
  useMapClipboard,
  useRecoveryDrafts,
} from './commands/use-app-events';
import { LiveSessionDialog } from './dialogs/LiveSessionDialog';
import { MessageDialog } from './dialogs/MessageDialog';
import { Notice } from './dialogs/Notice';
import { ShortcutsDialog } from './dialogs/ShortcutsDialog';
import { showShortcuts, useEditor, useUi } from './store/editor-store';
import { listenToLiveSession } from './commands/live-session';
import { EditorView } from './views/EditorView';
import { StartView } from './views/StartView';

const closeShortcuts = () => showShortcuts(false);

export function App() {
  const hasWorkspace = useEditor((s) => s.workspace !== null);
  const shortcutsOpen = useUi((s) => s.shortcutsOpen);
  useHostEvents();
  useKeyboardShortcuts();
  useMapClipboard();
  useDocumentStateSync();
  useLaunch();
  useRecoveryDrafts();
  useEffect(() => listenToLiveSession(), []);
  return (
    <>
      {hasWorkspace ? <EditorView /> : <StartView />}
      <LiveSessionDialog />
      <MessageDialog />
      {shortcutsOpen && <ShortcutsDialog onClose={closeShortcuts} />}
      <Notice />
    </>
  );
}
