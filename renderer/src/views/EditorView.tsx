import { ReactFlowProvider } from '@xyflow/react';
import { BadgeList } from '../canvas/BadgeList';
import { MapCanvas } from '../canvas/MapCanvas';
import { MapContextMenu } from '../canvas/MapContextMenu';
import { AgendaDialog } from '../dialogs/AgendaDialog';
import { CategoriesDialog } from '../dialogs/CategoriesDialog';
import { ExportDialog } from '../dialogs/ExportDialog';
import { ImportDialog } from '../dialogs/ImportDialog';
import { MergeDialog } from '../dialogs/MergeDialog';
import { TimelineDialog } from '../dialogs/TimelineDialog';
import { ParticipantsDialog } from '../dialogs/ParticipantsDialog';
import { VersionsDialog } from '../dialogs/VersionsDialog';
import { PrintPortal } from '../export/PrintPortal';
import { Inspector } from '../panels/Inspector';
import { Palette } from '../panels/Palette';
import { QuickCapture } from '../panels/QuickCapture';
import { StageBar } from '../panels/StageBar';
import { Toolbar } from '../panels/Toolbar';
import { useEditor } from '../store/editor-store';
import { BoardView } from './BoardView';
import { GridView } from './GridView';
import { ReviewView } from './ReviewView';
import { SolutionsView } from './SolutionsView';

/**
 * The editor: toolbar on top, the map (with the palette) or the pain point board or the solutions list in the
 * middle (under the workshop's stage bar, and the quick capture bar on the map and the board), the inspector
 * right. The map stays mounted behind the other views, so switching back keeps its pan, zoom and measured nodes
 * without redrawing thousands of items.
 */
export function EditorView() {
  const focusMode = useEditor((s) => s.focusMode);
  const view = useEditor((s) => s.view);
  return (
    <ReactFlowProvider>
      <div className={`editor editor--${view}${focusMode ? ' editor--focus' : ''}`}>
        <Toolbar />
        {!focusMode && view === 'map' && <Palette />}
        {/* The main landmark stays a landmark; the tab panel of the view tabs is inside it (axe landmark-one-main). */}
        <main className="editor__main">
          {/* The workshop's stage and timer, on every view and in Focus on the map (hidden with the agenda). */}
          <StageBar />
          {/* Outside the view's tab panel: one capture bar serves the map and the board, in Focus mode too. Hidden,
              not unmounted, on the solutions list, so a line being typed is still there on the way back. */}
          <QuickCapture hidden={view === 'solutions' || view === 'grid'} />
          <div className="editor__panel" id="main-view" role="tabpanel" aria-labelledby={`view-tab-${view}`}>
            {/* Hidden with visibility, not display: React Flow keeps its measured sizes while another view shows. */}
            <div className={`editor__map${view === 'map' ? '' : ' is-covered'}`} aria-hidden={view !== 'map'} inert={view !== 'map'}>
              <MapCanvas />
            </div>
            {view === 'board' && <BoardView />}
            {view === 'solutions' && <SolutionsView />}
            {view === 'grid' && <GridView />}
            {/* A snapshot or a comparison, over whichever view was showing (views/ReviewView.tsx). */}
            <ReviewView />
          </div>
        </main>
        {!focusMode && <Inspector />}
        <BadgeList />
        <MapContextMenu />
        <CategoriesDialog />
        <AgendaDialog />
        <ParticipantsDialog />
        <ExportDialog />
        <VersionsDialog />
        <ImportDialog />
        <TimelineDialog />
        <MergeDialog />
        <PrintPortal />
      </div>
    </ReactFlowProvider>
  );
}
