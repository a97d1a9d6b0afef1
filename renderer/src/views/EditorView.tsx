import { ReactFlowProvider } from '@xyflow/react';
import { MapCanvas } from '../canvas/MapCanvas';
import { Inspector } from '../panels/Inspector';
import { Palette } from '../panels/Palette';
import { Toolbar } from '../panels/Toolbar';

/** The editor: toolbar on top, palette left, the map in the middle, the inspector right. */
export function EditorView() {
  return (
    <ReactFlowProvider>
      <div className="editor">
        <Toolbar />
        <Palette />
        <main className="editor__map">
          <MapCanvas />
        </main>
        <Inspector />
      </div>
    </ReactFlowProvider>
  );
}
