import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { Viewport, WorkspaceDocument } from '@shared/document/schema';
import { moveStakeholders } from '@shared/operations/stakeholders';
import { markUpdated } from '@shared/operations/workspace';
import { pushHistory, redoHistory, startHistory, undoHistory, type History } from './history';
import { reconcileEdges, reconcileNodes, type RelationshipFlowEdge, type StakeholderFlowNode } from './flow-elements';

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

export function loadWorkspace(doc: WorkspaceDocument, options: { filePath: string | null; fitOnOpen: boolean }): void {
  const history = startHistory(doc);
  sessionCounter += 1;
  useEditor.setState({
    workspace: {
      sessionId: sessionCounter,
      history,
      savedRevision: history.present.revision,
      filePath: options.filePath,
      fitOnOpen: options.fitOnOpen,
      viewport: doc.viewport,
    },
    nodes: reconcileNodes([], doc),
    edges: reconcileEdges([], doc),
    selection: EMPTY_SELECTION,
    renamingId: null,
  });
}

export function closeWorkspace(): void {
  useEditor.setState({ workspace: null, nodes: [], edges: [], selection: EMPTY_SELECTION, renamingId: null });
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
  showDocument({ ...ws, history }, options.select);
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

/** Puts a new present document on screen, keeping React Flow state for unchanged items. */
function showDocument(workspace: OpenWorkspace, select?: Partial<Selection>): void {
  useEditor.setState((s) => {
    const doc = workspace.history.present.doc;
    const previousDoc = s.workspace?.history.present.doc;
    let nodes = previousDoc?.stakeholders === doc.stakeholders ? s.nodes : reconcileNodes(s.nodes, doc);
    let edges =
      previousDoc?.relationships === doc.relationships && previousDoc?.stakeholders === doc.stakeholders
        ? s.edges
        : reconcileEdges(s.edges, doc);
    let selection = s.selection;
    if (select) {
      selection = { stakeholderIds: select.stakeholderIds ?? [], relationshipIds: select.relationshipIds ?? [] };
      ({ nodes, edges } = withSelectedFlags(nodes, edges, selection));
    } else {
      selection = selectionOf(nodes, edges);
    }
    const renamingId = s.renamingId && nodes.some((n) => n.id === s.renamingId) ? s.renamingId : null;
    return { workspace, nodes, edges, selection: sameSelection(selection, s.selection) ? s.selection : selection, renamingId };
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
}

export function setSelection(selection: Partial<Selection>): void {
  useEditor.setState((s) => {
    const next = { stakeholderIds: selection.stakeholderIds ?? [], relationshipIds: selection.relationshipIds ?? [] };
    return { ...withSelectedFlags(s.nodes, s.edges, next), selection: next };
  });
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
