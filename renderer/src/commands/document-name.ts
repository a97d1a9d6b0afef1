import { fileNameOf, useEditor } from '../store/editor-store';

/** The name shown in the title bar and dialogs: the file name, or the workspace title before the first save. */
export function displayName(state = useEditor.getState()): string {
  const ws = state.workspace;
  if (!ws) return 'Stakemap';
  return ws.filePath ? fileNameOf(ws.filePath) : ws.history.present.doc.title || 'Untitled workspace';
}
