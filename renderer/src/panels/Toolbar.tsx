import { LiveMark } from '../live/LiveMark';
import { MAX_SHORT_TEXT } from '@shared/document/format';
import {
  Camera,
  Columns3,
  Download,
  FilePlus2,
  Grid2x2,
  History,
  Lightbulb,
  Network,
  FolderOpen,
  Map as MapIcon,
  Maximize,
  Presentation,
  Redo2,
  Save,
  SaveAll,
  Sparkles,
  Undo2,
  ZoomIn,
  ZoomOut,
  type LucideIcon,
} from 'lucide-react';
import type { MenuCommand } from '@shared/host/menu-commands';
import { runCommand } from '../commands/run-command';
import { displayName } from '../commands/document-name';
import { edit } from '../commands/edits';
import { isDirty, showView, useEditor, type MainView, selectDocument } from '../store/editor-store';
import { SearchBox } from './SearchBox';

const VIEWS: ReadonlyArray<{ view: MainView; label: string; shortcut: string; Icon: LucideIcon }> = [
  { view: 'map', label: 'Map', shortcut: 'Ctrl+1', Icon: Network },
  { view: 'board', label: 'Pain points', shortcut: 'Ctrl+2', Icon: Columns3 },
  { view: 'solutions', label: 'Solutions', shortcut: 'Ctrl+3', Icon: Lightbulb },
  { view: 'grid', label: 'Grid', shortcut: 'Ctrl+4', Icon: Grid2x2 },
];

/** Switches between the map, the pain point board and the solutions list (selection and undo carry over). */
function ViewTabs() {
  const current = useEditor((s) => s.view);
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {VIEWS.map(({ view, label, shortcut, Icon }) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={`view-tab-${view}`}
          aria-selected={current === view}
          aria-controls="main-view"
          className="view-tabs__tab"
          title={`${label} (${shortcut})`}
          onClick={() => showView(view)}
        >
          <Icon size={16} aria-hidden="true" />
          {/* Visually hidden below 1400 px (app.css): the tab keeps its name, and its tooltip says it. */}
          <span className="view-tabs__label">{label}</span>
        </button>
      ))}
    </div>
  );
}

function ToolButton({ command, label, shortcut, Icon, disabled, pressed }: {
  command: MenuCommand;
  label: string;
  shortcut?: string;
  Icon: LucideIcon;
  disabled?: boolean;
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={() => runCommand(command)}
    >
      <Icon size={18} aria-hidden="true" />
    </button>
  );
}

/** The editor's top bar: file and edit actions, the workspace title, the file name and its unsaved mark. */
export function Toolbar() {
  const title = useEditor((s) => selectDocument(s)?.title ?? '');
  const fileName = useEditor((s) => (s.workspace?.filePath ? displayName(s) : null));
  const filePath = useEditor((s) => s.workspace?.filePath ?? null);
  const dirty = useEditor((s) => isDirty(s.workspace));
  const canUndo = useEditor((s) => (s.workspace?.history.past.length ?? 0) > 0);
  const canRedo = useEditor((s) => (s.workspace?.history.future.length ?? 0) > 0);
  const showMinimap = useEditor((s) => s.showMinimap);
  const focusMode = useEditor((s) => s.focusMode);

  return (
    <header className="toolbar">
      <div className="toolbar__group" role="toolbar" aria-label="File">
        <ToolButton command="file.new" label="New workspace" shortcut="Ctrl+N" Icon={FilePlus2} />
        <ToolButton command="file.open" label="Open…" shortcut="Ctrl+O" Icon={FolderOpen} />
        <ToolButton command="file.save" label="Save" shortcut="Ctrl+S" Icon={Save} />
        <ToolButton command="file.saveAs" label="Save As…" shortcut="Ctrl+Shift+S" Icon={SaveAll} />
        <ToolButton command="file.export" label="Export…" shortcut="Ctrl+E" Icon={Download} />
      </div>
      <div className="toolbar__group" role="toolbar" aria-label="Edit">
        <ToolButton command="edit.undo" label="Undo" shortcut="Ctrl+Z" Icon={Undo2} disabled={!canUndo} />
        <ToolButton command="edit.redo" label="Redo" shortcut="Ctrl+Shift+Z" Icon={Redo2} disabled={!canRedo} />
        {/* Over time: a snapshot in one click, and the timeline of them (issue 19). */}
        <ToolButton command="map.takeSnapshot" label="Take snapshot" Icon={Camera} />
        <ToolButton command="view.timeline" label="Timeline" Icon={History} />
      </div>
      <ViewTabs />
      <div className="toolbar__title">
        <input
          maxLength={MAX_SHORT_TEXT}
          className="toolbar__title-input"
          aria-label="Workspace title"
          // A long title is cut with an ellipsis in the toolbar; the tooltip has all of it.
          title={title || undefined}
          value={title}
          onChange={(event) => edit('workspace.setTitle', { title: event.target.value })}
        />
        <span className="toolbar__file" aria-live="polite">
          <span className="toolbar__filename" title={filePath ?? undefined}>
            {fileName ?? 'Not saved yet'}
          </span>
          {dirty && (
            <span className="toolbar__dirty" title="Unsaved changes">
              {' '}● <span className="visually-hidden">unsaved changes</span>
              <span aria-hidden="true">Unsaved</span>
            </span>
          )}{' '}
          <LiveMark />
        </span>
      </div>
      <SearchBox />
      <div className="toolbar__group" role="toolbar" aria-label="View">
        <ToolButton command="view.zoomOut" label="Zoom out" shortcut="Ctrl+-" Icon={ZoomOut} />
        <ToolButton command="view.zoomIn" label="Zoom in" shortcut="Ctrl+=" Icon={ZoomIn} />
        <ToolButton command="view.fit" label="Fit map to window" shortcut="Ctrl+0" Icon={Maximize} />
        <ToolButton command="view.tidyLayout" label="Tidy layout" Icon={Sparkles} />
        <ToolButton command="view.toggleMinimap" label="Minimap" Icon={MapIcon} pressed={showMinimap} />
        <ToolButton command="view.toggleFocus" label="Focus on the map" shortcut="Ctrl+." Icon={Presentation} pressed={focusMode} />
      </div>
    </header>
  );
}
