import {
  useDocumentStateSync,
  useHostEvents,
  useKeyboardShortcuts,
  useLaunch,
  useMapClipboard,
  useRecoveryDrafts,
} from './commands/use-app-events';
import { MessageDialog } from './dialogs/MessageDialog';
import { Notice } from './dialogs/Notice';
import { useEditor } from './store/editor-store';
import { EditorView } from './views/EditorView';
import { StartView } from './views/StartView';

export function App() {
  const hasWorkspace = useEditor((s) => s.workspace !== null);
  useHostEvents();
  useKeyboardShortcuts();
  useMapClipboard();
  useDocumentStateSync();
  useLaunch();
  useRecoveryDrafts();
  return (
    <>
      {hasWorkspace ? <EditorView /> : <StartView />}
      <MessageDialog />
      <Notice />
    </>
  );
}
