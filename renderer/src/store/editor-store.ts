import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { Attachment, Viewport, WorkspaceDocument } from '@shared/document/schema';
import { NO_FILTER, type MapFilter } from '@shared/domain/map-filter';
import type { HostApi } from '@shared/host/host-api';
import { moveStakeholders } from '@shared/operations/stakeholders';
import { markUpdated } from '@shared/operations/workspace';
import { pushHistory, redoHistory, startHistory, undoHistory, type History } from './history';
import { reconcileEdges, reconcileNodes, type RelationshipFlowEdge, type StakeholderFlowNode } from './flow-elements';
import { mapDecorations, type MapDecorations, type OpenItem } from './map-decorations';

export type { OpenItem } from './map-decorations';

/** What fills the middle of the window. Switching keeps the selection, the open item and the undo history. */
export type MainView = 'map' | 'board' | 'solutions';

/** A floating list or menu anchored at a point on screen (client coordinates). */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/** The pain points of one item, listed when its badge on the map is clicked. */
export interface BadgeList {
  readonly attachment: Attachment;
  readonly at: ScreenPoint;
}

/** A recovery draft as main lists it. */
export type RecoveryDraftInfo = Awaited<ReturnType<HostApi['listRecoveryDrafts']>>[number];

export interface ExportJob {
  readonly step: string;
  readonly cancel: (() => void) | null;
}

/** Everything the printed report needs, measured before printing starts. */
export interface PrintJob {
  readonly pageSize: 'A4' | 'Letter' | 'A3';
  readonly landscape: boolean;
  readonly generatedAt: string;
  readonly frameSize: { readonly width: number; readonly height: number };
}

/** What was right-clicked on the map, and where. */
export interface ContextMenuState {
  readonly target:
    | { readonly type: 'stakeholder'; readonly id: string }
    | { readonly type: 'relationship'; readonly id: string }
    | { readonly type: 'pane'; readonly flowPosition: ScreenPoint };
  readonly at: ScreenPoint;
}

/** The workspace open in the window: its undo history and where it lives on disk. */
export interface OpenWorkspace {
  /** Changes whenever another workspace is opened, so the canvas starts afresh. */
  readonly sessionId: number;
  readonly history: History;
  /** Revision last written to disk (or the one it was opened at); the workspace is unsaved when they differ. */
  readonly savedRevision: number;
  readonly filePath: string | null;
  /** Shown before the first change; a new or sample workspace fits the view instead of using its viewport. */
  readonly fitOnOpen: boolean;
  /** Pan and zoom. Kept outside the undo history: moving the view is not an edit to undo. */
  readonly viewport: Viewport;
}

export interface Selection {
  readonly stakeholderIds: readonly string[];
  readonly relationshipIds: readonly string[];
}

/** A message for the user in a modal dialog: a failed open or save, broken references, About. */
export interface AppMessage {
  readonly tone: 'error' | 'warning' | 'info';
  readonly title: string;
  readonly summary: string;
  readonly details?: readonly string[];
  /** Extra buttons besides OK, e.g. "Save As…" after a failed save. */
  readonly actions?: ReadonlyArray<{ label: string; run: () => void }>;
}

export interface EditorState {
  readonly workspace: OpenWorkspace | null;
  readonly nodes: StakeholderFlowNode[];
  readonly edges: RelationshipFlowEdge[];
  readonly selection: Selection;
  readonly renamingId: string | null;
  readonly showMinimap: boolean;
  readonly showLegend: boolean;
  /** Side panels hidden so the map gets the whole window (presenting on a projector). */
  readonly focusMode: boolean;
  readonly view: MainView;
  /** The pain point or solution being edited in the inspector (the map selection is empty meanwhile). */
  readonly openItem: OpenItem | null;
  readonly filter: MapFilter;
  /** Badges, dimming and highlights, derived from the document, the filter and the open item. */
  readonly decorations: MapDecorations;
  readonly badgeList: BadgeList | null;
  readonly contextMenu: ContextMenuState | null;
  /** The categories dialog (add, rename, recolour, reorder, delete) is open. */
  readonly categoriesOpen: boolean;
  /** The Export dialog is open. */
  readonly exportOpen: boolean;
  /** The "Restore previous version" dialog is open. */
  readonly versionsOpen: boolean;
  /** An export under way: what it is doing now, and how to stop it. */
  readonly exportJob: ExportJob | null;
  /** The report being printed to PDF (rendered into #print-root while set). */
  readonly printJob: PrintJob | null;
  /** Unsaved work left by a crash, found at start: offered back on the start view until restored or discarded. */
  readonly recoveryDrafts: readonly RecoveryDraftInfo[];
  readonly message: AppMessage | null;
  /** A short, polite status line ("Saved", "Already connected"), announced to screen readers. */
  readonly notice: { text: string; id: number } | null;
}

const EMPTY_SELECTION: Selection = { stakeholderIds: [], relationshipIds: [] };

const initialState: EditorState = {
  workspace: null,
  nodes: [],
  edges: [],
  selection: EMPTY_SELECTION,
  renamingId: null,
  showMinimap: true,
  showLegend: true,
  focusMode: false,
  view: 'map',
  openItem: null,
  filter: NO_FILTER,
  decorations: { stakeholders: new Map(), relationships: new Map() },
  badgeList: null,
  contextMenu: null,
  categoriesOpen: false,
  exportOpen: false,
  versionsOpen: false,
  exportJob: null,
  printJob: null,
  recoveryDrafts: [],
  message: null,
  notice: null,
};

export const useEditor = create<EditorState>()(() => initialState);

let sessionCounter = 0;
let noticeCounter = 0;
/** Injected clock, so tests of the store can pin `updatedAt`. */
let now: () => Date = () => new Date();
export function setClock(clock: () => Date): void {
  now = clock;
}

// ----- reading -----------------------------------------------------------------------------------------------

/** The document as it is now (with the current viewport), or null on the start view. */
export function currentDocument(state: EditorState = useEditor.getState()): WorkspaceDocument | null {
  const ws = state.workspace;
  if (!ws) return null;
  return { ...ws.history.present.doc, viewport: ws.viewport };
}

export function isDirty(ws: OpenWorkspace | null): boolean {
  return ws !== null && ws.history.present.revision !== ws.savedRevision;
}

/** Name of a path's last segment, for either separator (the renderer never sees Node's path module). */
export function fileNameOf(filePath: string): string {
  return filePath.split(/[\\/]/).pop() || filePath;
}

// ----- opening and closing -----------------------------------------------------------------------------------

export function loadWorkspace(doc: WorkspaceDocument, options: { filePath: string | null; fitOnOpen: boolean; unsaved?: boolean }): void {
  const history = startHistory(doc);
  sessionCounter += 1;
  const decorations = mapDecorations(doc, NO_FILTER, null);
  useEditor.setState({
    workspace: {
      sessionId: sessionCounter,
      history,
      // Restored work (a recovery draft) is not on disk yet: no revision is the saved one.
      savedRevision: options.unsaved ? -1 : history.present.revision,
      filePath: options.filePath,
      fitOnOpen: options.fitOnOpen,
      viewport: doc.viewport,
    },
    nodes: reconcileNodes([], doc, decorations),
    edges: reconcileEdges([], doc, decorations),
    selection: EMPTY_SELECTION,
    renamingId: null,
    // Another workspace starts on its map with nothing filtered: a filter from the last one would hide things.
    view: 'map',
    openItem: null,
    filter: NO_FILTER,
    decorations,
    badgeList: null,
    contextMenu: null,
  });
}

export function closeWorkspace(): void {
  useEditor.setState({
    workspace: null,
    nodes: [],
    edges: [],
    selection: EMPTY_SELECTION,
    renamingId: null,
    openItem: null,
    filter: NO_FILTER,
    badgeList: null,
    contextMenu: null,
  });
}

/** Records that `revision` is now on disk at `filePath`. Later edits (made while saving) stay unsaved. */
export function markSaved(revision: number, filePath: string): void {
  useEditor.setState((s) => (s.workspace ? { workspace: { ...s.workspace, savedRevision: revision, filePath } } : {}));
}

// ----- editing -----------------------------------------------------------------------------------------------

export interface CommitOptions {
  /** Merge with the previous commit of the same key into one undo step (typing in a field). */
  readonly coalesceKey?: string;
  /** Select these items after the change (e.g. the stakeholder just added). */
  readonly select?: Partial<Selection>;
  /** Open this pain point or solution in the inspector after the change (e.g. the one just created). */
  readonly open?: OpenItem;
}

/**
 * Applies one pure operation to the document as one undoable step. An operation that returns the same
 * document is a no-op: nothing is recorded and the workspace does not become unsaved.
 */
export function commit(operation: (doc: WorkspaceDocument) => WorkspaceDocument, options: CommitOptions = {}): boolean {
  const state = useEditor.getState();
  const ws = state.workspace;
  if (!ws) return false;
  const before = ws.history.present.doc;
  const changed = operation(before);
  if (changed === before) return false;
  const doc = markUpdated(changed, now());
  const history = pushHistory(ws.history, doc, options.coalesceKey ?? null);
  showDocument({ ...ws, history }, options.open ? { openItem: options.open } : options.select);
  return true;
}

export function undo(): void {
  const ws = useEditor.getState().workspace;
  if (ws && ws.history.past.length > 0) showDocument({ ...ws, history: undoHistory(ws.history) });
}

export function redo(): void {
  const ws = useEditor.getState().workspace;
  if (ws && ws.history.future.length > 0) showDocument({ ...ws, history: redoHistory(ws.history) });
}

/**
 * Puts a new present document on screen, keeping React Flow state for unchanged items. `change` selects items
 * on the map or opens a pain point or solution (which clears the map selection: one thing is edited at a time).
 */
function showDocument(workspace: OpenWorkspace, change?: Partial<Selection> | { openItem: OpenItem }): void {
  useEditor.setState((s) => {
    const doc = workspace.history.present.doc;
    let openItem = s.openItem;
    if (change && 'openItem' in change) openItem = change.openItem;
    else if (change) openItem = null;
    // An undo may take away the open item: the inspector then shows the workspace again.
    if (openItem && !itemExists(doc, openItem)) openItem = null;
    const select = change && 'openItem' in change ? {} : change;
    return { workspace, ...redraw(s, doc, { openItem, select }) };
  });
}

function itemExists(doc: WorkspaceDocument, item: OpenItem): boolean {
  return (item.type === 'painPoint' ? doc.painPoints : doc.solutions).some((x) => x.id === item.id);
}

/**
 * Derives React Flow's nodes and edges (with their decorations) for `doc`, reusing every object that did not
 * change, and the selection that goes with them.
 */
function redraw(
  s: EditorState,
  doc: WorkspaceDocument,
  next: { openItem?: OpenItem | null; filter?: MapFilter; select?: Partial<Selection> },
): Pick<EditorState, 'nodes' | 'edges' | 'selection' | 'renamingId' | 'openItem' | 'filter' | 'decorations'> {
  const previousDoc = s.workspace?.history.present.doc;
  const openItem = next.openItem === undefined ? s.openItem : next.openItem;
  const filter = next.filter ?? s.filter;
  const decorations = mapDecorations(doc, filter, openItem);
  const sameDecorations = decorations === s.decorations;
  let nodes = previousDoc?.stakeholders === doc.stakeholders && sameDecorations ? s.nodes : reconcileNodes(s.nodes, doc, decorations);
  let edges =
    previousDoc?.relationships === doc.relationships && previousDoc?.stakeholders === doc.stakeholders && sameDecorations
      ? s.edges
      : reconcileEdges(s.edges, doc, decorations);
  let selection: Selection;
  if (next.select) {
    selection = { stakeholderIds: next.select.stakeholderIds ?? [], relationshipIds: next.select.relationshipIds ?? [] };
    ({ nodes, edges } = withSelectedFlags(nodes, edges, selection));
  } else {
    selection = selectionOf(nodes, edges);
  }
  const renamingId = s.renamingId && nodes.some((n) => n.id === s.renamingId) ? s.renamingId : null;
  return {
    nodes,
    edges,
    selection: sameSelection(selection, s.selection) ? s.selection : selection,
    renamingId,
    openItem,
    filter,
    decorations,
  };
}

/** Redraws the current document after a change of view state (filter, open item). */
function redrawCurrent(next: { openItem?: OpenItem | null; filter?: MapFilter; select?: Partial<Selection> }): void {
  useEditor.setState((s) => {
    const doc = s.workspace?.history.present.doc;
    if (!doc) return { openItem: next.openItem ?? s.openItem, filter: next.filter ?? s.filter };
    return redraw(s, doc, next);
  });
}

// ----- React Flow changes ------------------------------------------------------------------------------------

/**
 * Handles React Flow's node changes. Sizes and selection are React Flow state; positions are document state:
 * while dragging they only move the node on screen, and the final position is committed once, so a whole
 * drag (of one node or of a selection) is one undo step.
 */
export function onNodesChange(changes: NodeChange<StakeholderFlowNode>[]): void {
  const state = useEditor.getState();
  const finishedMoves: { id: string; position: { x: number; y: number } }[] = [];
  let selectionChanged = false;
  for (const change of changes) {
    if (change.type === 'position' && change.position && !change.dragging) finishedMoves.push({ id: change.id, position: change.position });
    if (change.type === 'select') selectionChanged = true;
  }
  const nodes = applyNodeChanges(
    changes.filter((c) => c.type !== 'remove'),
    state.nodes,
  );
  const patch: { nodes: StakeholderFlowNode[]; selection?: Selection } = { nodes };
  if (selectionChanged) {
    const selection = selectionOf(nodes, state.edges);
    patch.selection = sameSelection(selection, state.selection) ? state.selection : selection;
  }
  useEditor.setState(patch);
  if (patch.selection && hasItems(patch.selection)) closeOpenItem();
  if (finishedMoves.length > 0) {
    const rounded = finishedMoves.map((m) => ({ id: m.id, position: { x: Math.round(m.position.x), y: Math.round(m.position.y) } }));
    commit((doc) => moveStakeholders(doc, rounded));
  }
}

export function onEdgesChange(changes: EdgeChange<RelationshipFlowEdge>[]): void {
  const state = useEditor.getState();
  const edges = applyEdgeChanges(
    changes.filter((c) => c.type === 'select'),
    state.edges,
  );
  const selection = selectionOf(state.nodes, edges);
  useEditor.setState({ edges, selection: sameSelection(selection, state.selection) ? state.selection : selection });
  if (hasItems(selection)) closeOpenItem();
}

/** Selects items on the map; selecting something closes the open pain point or solution. */
export function setSelection(selection: Partial<Selection>): void {
  const next = { stakeholderIds: selection.stakeholderIds ?? [], relationshipIds: selection.relationshipIds ?? [] };
  if (hasItems(next) && useEditor.getState().openItem) {
    redrawCurrent({ openItem: null, select: next });
    return;
  }
  useEditor.setState((s) => ({ ...withSelectedFlags(s.nodes, s.edges, next), selection: next }));
}

/** Opens a pain point or solution in the inspector (or closes it with null); the map highlights what it concerns. */
export function openItem(item: OpenItem | null): void {
  const s = useEditor.getState();
  if (item === null ? s.openItem === null : s.openItem?.type === item.type && s.openItem.id === item.id) return;
  redrawCurrent({ openItem: item, select: item ? {} : undefined });
}

function closeOpenItem(): void {
  if (useEditor.getState().openItem) redrawCurrent({ openItem: null });
}

export function setFilter(filter: MapFilter): void {
  redrawCurrent({ filter });
}

export function clearFilter(): void {
  redrawCurrent({ filter: NO_FILTER });
}

export function showView(view: MainView): void {
  useEditor.setState({ view, badgeList: null, contextMenu: null });
}

export function showBadgeList(list: BadgeList | null): void {
  useEditor.setState({ badgeList: list, contextMenu: null });
}

export function showVersionsDialog(open: boolean): void {
  useEditor.setState({ versionsOpen: open });
}

export function showExportDialog(open: boolean): void {
  useEditor.setState({ exportOpen: open });
}

export function setExportJob(job: ExportJob | null): void {
  useEditor.setState({ exportJob: job });
}

export function setRecoveryDrafts(drafts: readonly RecoveryDraftInfo[]): void {
  useEditor.setState({ recoveryDrafts: drafts });
}

export function setPrintJob(job: PrintJob | null): void {
  useEditor.setState({ printJob: job });
}

export function showCategories(open: boolean): void {
  useEditor.setState({ categoriesOpen: open });
}

export function showContextMenu(menu: ContextMenuState | null): void {
  useEditor.setState({ contextMenu: menu, badgeList: null });
}

export function setViewport(viewport: Viewport): void {
  useEditor.setState((s) => (s.workspace ? { workspace: { ...s.workspace, viewport: { ...viewport } } } : {}));
}

// ----- view state --------------------------------------------------------------------------------------------

export function startRename(id: string): void {
  useEditor.setState({ renamingId: id });
}
export function endRename(): void {
  useEditor.setState({ renamingId: null });
}
export function toggleMinimap(): void {
  useEditor.setState((s) => ({ showMinimap: !s.showMinimap }));
}
export function toggleLegend(): void {
  useEditor.setState((s) => ({ showLegend: !s.showLegend }));
}
export function toggleFocus(): void {
  useEditor.setState((s) => ({ focusMode: !s.focusMode }));
}
export function showMessage(message: AppMessage): void {
  useEditor.setState({ message });
}
export function dismissMessage(): void {
  useEditor.setState({ message: null });
}
export function announce(text: string): void {
  noticeCounter += 1;
  useEditor.setState({ notice: { text, id: noticeCounter } });
}

// ----- helpers -----------------------------------------------------------------------------------------------

function selectionOf(nodes: readonly StakeholderFlowNode[], edges: readonly RelationshipFlowEdge[]): Selection {
  return {
    stakeholderIds: nodes.filter((n) => n.selected).map((n) => n.id),
    relationshipIds: edges.filter((e) => e.selected).map((e) => e.id),
  };
}

function hasItems(selection: Selection): boolean {
  return selection.stakeholderIds.length + selection.relationshipIds.length > 0;
}

function sameSelection(a: Selection, b: Selection): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.stakeholderIds, b.stakeholderIds) && same(a.relationshipIds, b.relationshipIds);
}

function withSelectedFlags(nodes: StakeholderFlowNode[], edges: RelationshipFlowEdge[], selection: Selection) {
  const s = new Set(selection.stakeholderIds);
  const r = new Set(selection.relationshipIds);
  return {
    nodes: nodes.map((n) => (!!n.selected === s.has(n.id) ? n : { ...n, selected: s.has(n.id) })),
    edges: edges.map((e) => (!!e.selected === r.has(e.id) ? e : { ...e, selected: r.has(e.id) })),
  };
}
