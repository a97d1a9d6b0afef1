import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { Viewport, WorkspaceDocument } from '@shared/document/schema';
import { NO_FILTER, type MapFilter } from '@shared/domain/map-filter';
import { markUpdated } from '@shared/operations/workspace';
import { nextRevision, pushHistory, redoHistory, startHistory, undoHistory, type History } from './history';
import { reconcileEdges, reconcileNodes, type RelationshipFlowEdge, type StakeholderFlowNode } from './flow-elements';
import { createDecorationsMemo, type MapDecorations, type OpenItem } from './map-decorations';
import { takeRenameTypeahead } from './rename-typeahead';
import { announce, closeMapPopups } from './ui-store';

// The UI slice (dialogs, messages, notices, jobs, popups) lives in ui-store.ts; it is re-exported here so that
// "the store" stays one import for components.
export * from './ui-store';

export type { OpenItem } from './map-decorations';

/** What fills the middle of the window. Switching keeps the selection, the open item and the undo history. */
export type MainView = 'map' | 'board' | 'solutions' | 'grid';

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
  /**
   * Why this workspace cannot be changed now, or absent: a live session's copy after leaving it (Save As makes
   * it the person's own), or a viewer's window in a session.
   */
  readonly readOnly?: string;
}

export interface Selection {
  readonly stakeholderIds: readonly string[];
  readonly relationshipIds: readonly string[];
}

export interface EditorState {
  readonly workspace: OpenWorkspace | null;
  readonly nodes: StakeholderFlowNode[];
  readonly edges: RelationshipFlowEdge[];
  readonly selection: Selection;
  readonly renamingId: string | null;
  readonly showMinimap: boolean;
  /** Side panels hidden so the map gets the whole window (presenting on a projector). */
  readonly focusMode: boolean;
  readonly view: MainView;
  /** The pain point or solution being edited in the inspector (the map selection is empty meanwhile). */
  readonly openItem: OpenItem | null;
  readonly filter: MapFilter;
  /** Badges, dimming and highlights, derived from the document, the filter and the open item. */
  readonly decorations: MapDecorations;
}

const EMPTY_SELECTION: Selection = { stakeholderIds: [], relationshipIds: [] };

const initialState: EditorState = {
  workspace: null,
  nodes: [],
  edges: [],
  selection: EMPTY_SELECTION,
  renamingId: null,
  showMinimap: true,
  focusMode: false,
  view: 'map',
  openItem: null,
  filter: NO_FILTER,
  decorations: { stakeholders: new Map(), relationships: new Map() },
};

export const useEditor = create<EditorState>()(() => initialState);

/** The map's decorations, remembered between changes by the store itself (see createDecorationsMemo). */
const mapDecorations = createDecorationsMemo();

let sessionCounter = 0;
/** Injected clock, so tests of the store can pin `updatedAt`. */
let now: () => Date = () => new Date();
export function setClock(clock: () => Date): void {
  now = clock;
}

// ----- reading -----------------------------------------------------------------------------------------------

/*
 * Selectors for components: each reads one narrow thing, so a component re-renders only when that changes
 * (React Flow's performance guidance). Components read the document through these, never through the shape of
 * the workspace and its history.
 */

/** The document in a store state (without the live viewport), or null on the start view: for useEditor selectors. */
export const selectDocument = (s: EditorState): WorkspaceDocument | null => s.workspace?.history.present.doc ?? null;

/** The document as it is now (without the live viewport), or null on the start view. */
export const useDocument = (): WorkspaceDocument | null => useEditor((s) => s.workspace?.history.present.doc ?? null);

/** One collection of the document (stable until that collection changes). */
export function useCollection<K extends 'stakeholders' | 'relationships' | 'painPoints' | 'solutions' | 'categories'>(key: K): WorkspaceDocument[K] | null {
  return useEditor((s) => s.workspace?.history.present.doc[key] ?? null);
}

/** Whether a workspace is open (false on the start view). */
export const useHasWorkspace = (): boolean => useEditor((s) => s.workspace !== null);

/** The open workspace's pan and zoom, or null on the start view. */
export function viewportNow(state: EditorState = useEditor.getState()): Viewport | null {
  return state.workspace?.viewport ?? null;
}

/** The document outside React (commands, event handlers). */
export function documentNow(state: EditorState = useEditor.getState()): WorkspaceDocument | null {
  return state.workspace?.history.present.doc ?? null;
}

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
  });
  closeMapPopups();
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
  });
  closeMapPopups();
}

/** Records that `revision` is now on disk at `filePath`. Later edits (made while saving) stay unsaved. */
export function markSaved(revision: number, filePath: string): void {
  // A copy kept from a live session becomes the person's own file once saved: it can be changed again.
  useEditor.setState((s) => (s.workspace ? { workspace: { ...s.workspace, savedRevision: revision, filePath, readOnly: undefined } } : {}));
}

/** Makes the open workspace read-only, saying why (null: editable again). */
export function setReadOnly(reason: string | null): void {
  useEditor.setState((s) => (s.workspace ? { workspace: { ...s.workspace, readOnly: reason ?? undefined } } : {}));
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
export function commit(
  operation: (doc: WorkspaceDocument) => WorkspaceDocument,
  optionsOrAfter: CommitOptions | ((before: WorkspaceDocument, after: WorkspaceDocument) => CommitOptions) = {},
): boolean {
  const state = useEditor.getState();
  const ws = state.workspace;
  if (!ws) return false;
  if (ws.readOnly) {
    announce(ws.readOnly);
    return false;
  }
  const before = ws.history.present.doc;
  const changed = operation(before);
  if (changed === before) return false;
  const doc = markUpdated(changed, now());
  // In a live session, what this person's role does not allow is refused here, at once and with the reason,
  // rather than sent for the host's server to refuse (which it would: this is not the enforcement, only the
  // courtesy).
  const refusal = liveSession?.refusal(before, doc) ?? null;
  if (refusal !== null) {
    announce(refusal);
    return false;
  }
  const options = typeof optionsOrAfter === 'function' ? optionsOrAfter(before, changed) : optionsOrAfter;
  const history = pushHistory(ws.history, doc, options.coalesceKey ?? null);
  showDocument({ ...ws, history }, options.open ? { openItem: options.open } : options.select);
  liveSession?.committed(doc, options.coalesceKey ?? null);
  return true;
}

export function undo(): void {
  // In a live session each person undoes their own changes (the session's undo), never the whole room's.
  if (liveSession) return void liveSession.undo();
  const ws = useEditor.getState().workspace;
  if (ws?.readOnly) return announce(ws.readOnly);
  if (ws && ws.history.past.length > 0) showDocument({ ...ws, history: undoHistory(ws.history) });
}

export function redo(): void {
  if (liveSession) return void liveSession.redo();
  const ws = useEditor.getState().workspace;
  if (ws?.readOnly) return announce(ws.readOnly);
  if (ws && ws.history.future.length > 0) showDocument({ ...ws, history: redoHistory(ws.history) });
}

/**
 * What a live session (renderer/src/live/live-session.ts) plugs into the store while it runs: it vets every
 * commit against this person's role, hears every commit (to share it), and takes over undo and redo. Null when no
 * session runs.
 */
export interface LiveSessionHooks {
  /** Why this person's role does not allow the change, or null. */
  refusal(before: WorkspaceDocument, after: WorkspaceDocument): string | null;
  committed(doc: WorkspaceDocument, coalesceKey: string | null): void;
  undo(): void;
  redo(): void;
}
let liveSession: LiveSessionHooks | null = null;

export function setLiveSessionHooks(hooks: LiveSessionHooks | null): void {
  liveSession = hooks;
}

/**
 * Shows a document that came from the live session (someone else's change, or this person's undo there) as the
 * present one: not an undo step of the local history, and the workspace becomes unsaved.
 */
export function adoptLiveDocument(doc: WorkspaceDocument): void {
  const ws = useEditor.getState().workspace;
  if (!ws || doc === ws.history.present.doc) return;
  showDocument({ ...ws, history: { ...ws.history, present: { doc, revision: nextRevision() }, coalesceKey: null } });
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

/** A stakeholder dropped at the end of a drag: where it landed, in whole map pixels. */
export interface FinishedMove {
  readonly id: string;
  readonly position: { readonly x: number; readonly y: number };
}

/**
 * Applies React Flow's node changes to what is on screen. Sizes and selection are React Flow state; positions
 * are document state: while dragging they only move the node on screen, and the moves that finished are
 * returned, for the caller to make one edit of them (commands/map-changes.ts), so a whole drag (of one node or
 * of a selection) is one undo step.
 */
export function applyNodeChangesOnScreen(changes: NodeChange<StakeholderFlowNode>[]): FinishedMove[] {
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
  return finishedMoves.map((m) => ({ id: m.id, position: { x: Math.round(m.position.x), y: Math.round(m.position.y) } }));
}

/** Applies React Flow's edge changes (selection only: edges are removed and added through edits). */
export function applyEdgeChangesOnScreen(changes: EdgeChange<RelationshipFlowEdge>[]): void {
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
  useEditor.setState({ view });
  closeMapPopups();
}









export function setViewport(viewport: Viewport): void {
  useEditor.setState((s) => (s.workspace ? { workspace: { ...s.workspace, viewport: { ...viewport } } } : {}));
}

// ----- view state --------------------------------------------------------------------------------------------

export function startRename(id: string): void {
  takeRenameTypeahead(); // keys held for an earlier rename do not carry over
  useEditor.setState({ renamingId: id });
}
export function endRename(): void {
  takeRenameTypeahead();
  useEditor.setState({ renamingId: null });
}
export function toggleMinimap(): void {
  useEditor.setState((s) => ({ showMinimap: !s.showMinimap }));
}
export function toggleFocus(): void {
  useEditor.setState((s) => ({ focusMode: !s.focusMode }));
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
