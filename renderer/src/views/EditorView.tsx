import { ReactFlowProvider } from '@xyflow/react';
import { MapCanvas } from '../canvas/MapCanvas';
import { Inspector } from '../panels/Inspector';
import { Palette } from '../panels/Palette';
import { Toolbar } from '../panels/Toolbar';
import { useEditor } from '../store/editor-store';

/** The editor: toolbar on top, palette left, the map in the middle, the inspector right. */
export function EditorView() {
  const focusMode = useEditor((s) => s.focusMode);
  return (
    <ReactFlowProvider>
      <div className={`editor${focusMode ? ' editor--focus' : ''}`}>
        <Toolbar />
        {!focusMode && <Palette />}
        <main className="editor__map">
          <MapCanvas />
        </main>
        {!focusMode && <Inspector />}
      </div>
    </ReactFlowProvider>
  );
}
