import type { Relationship, WorkspaceDocument } from '@shared/document/schema';
import { tidyLayout as layOut, type TidyInput, type TidyLink, type TidyNode, type TidyResult } from '@shared/layout/tidy-layout';
import { STATUS_ICONS } from '../canvas/icons';
import { DEFAULT_NODE_SIZE } from '../canvas/placement';
import { RELATIONSHIP_STYLES } from '../canvas/relationship-styles';
import { announce, documentNow, showMessage, useEditor, type EditorState } from '../store/editor-store';
import type { StakeholderFlowNode } from '../store/flow-elements';
import { showPositionsOnScreen } from '../store/transient-positions';
import { fitViewSettled } from './edit-commands';
import { edit } from './edits';
import type { TidyReply, TidyRequest } from './tidy-layout.worker';

/*
 * View > Tidy Layout (and the toolbar's "Tidy layout"): arranges the selection (two or more stakeholders) or the
 * whole map with shared/layout/tidy-layout.ts, computed in a worker, then glides the stakeholders to their new
 * places and commits them as ONE "stakeholder.move" edit, so one Undo puts everything back. The frames in between
 * are drawn without edits (store/transient-positions.ts). Pinned stakeholders stay where they are.
 */

/** How long the stakeholders take to glide to their new places. */
export const TIDY_ANIMATION_MS = 400;
/**
 * Above this many stakeholders moving, they jump instead: every frame of a glide redraws each moving stakeholder,
 * its lines and their labels, and on a map of 1,000 that is several hundred milliseconds a frame (measured in
 * Chromium on this project's machine), a slide show that only delays the result.
 */
export const GLIDE_LIMIT = 200;

let running: Promise<void> | null = null;

/** Tidies the map (see above). A second call while one is under way waits for that one instead of starting anew. */
export function tidyLayout(): Promise<void> {
  running ??= tidy()
    .catch((error: unknown) => {
      // A bug in the layout must not leave the map half moved without a word.
      putBackEverything();
      showMessage({ tone: 'error', title: 'Tidy layout failed', summary: 'The map was left as it was.', details: [error instanceof Error ? error.message : String(error)] });
    })
    .finally(() => {
      running = null;
    });
  return running;
}

async function tidy(): Promise<void> {
  const state = useEditor.getState();
  const doc = documentNow(state);
  if (!doc || !state.workspace) return;
  // The layout needs the sizes the map measured, and the user should see what moves.
  if (state.view !== 'map') {
    announce('Tidy layout arranges the map: show the map first (Ctrl+1).');
    return;
  }
  if (state.nodes.length === 0) {
    announce('Nothing to tidy: the map is empty.');
    return;
  }
  const sessionId = state.workspace.sessionId;
  const selected = state.selection.stakeholderIds;
  const input = layoutInput(state, doc, selected.length >= 2 ? selected : null);

  const result = await computeLayout(input);
  // Another workspace, or a change made while the layout was being worked out: the result no longer fits the map.
  const now = useEditor.getState();
  if (now.workspace?.sessionId !== sessionId) return;
  if (documentNow(now) !== doc) {
    announce('The map changed while it was being tidied; nothing was moved. Try Tidy layout again.');
    return;
  }
  if (result.moves.length === 0) {
    announce(input.nodes.some((n) => n.pinned) ? 'Nothing to tidy: the stakeholders are pinned.' : 'Nothing to tidy.');
    return;
  }

  const finished = await glide(result, doc);
  if (!finished) {
    putBack(result);
    announce('Tidy layout stopped because the map changed; nothing was moved.');
    return;
  }
  edit('stakeholder.move', { moves: result.moves.map((m) => ({ id: m.id, position: { x: m.position.x, y: m.position.y } })) });
  // Two frames: React Flow takes the new positions in, then the fit sees them. Announced once the map is still.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await fitViewSettled();
  const n = result.moves.length;
  announce(`Tidied ${n} stakeholder${n === 1 ? '' : 's'}`);
}

/** What the layout needs: every stakeholder's box as React Flow measured it, and every relationship's label size. */
export function layoutInput(state: Pick<EditorState, 'nodes'>, doc: WorkspaceDocument, arrange: readonly string[] | null): TidyInput {
  const nodes: TidyNode[] = state.nodes.map((node) => ({
    id: node.id,
    kind: node.data.stakeholder.kind,
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
    height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
    pinned: node.data.stakeholder.pinned === true,
  }));
  const measured = measuredLabelSizes();
  const links: TidyLink[] = doc.relationships.map((r) => ({
    source: r.source,
    target: r.target,
    status: r.status,
    label: measured.get(r.id) ?? estimateLabelSize(r),
  }));
  return { nodes, links, arrange: arrange ? [...arrange] : null };
}

/**
 * The labels' sizes as drawn (layout sizes, in map units: the zoom is a transform and does not change them). The
 * label layout marks each label with its relationship's id (canvas/label-layout.ts).
 */
function measuredLabelSizes(): Map<string, { width: number; height: number }> {
  const sizes = new Map<string, { width: number; height: number }>();
  for (const element of document.querySelectorAll<HTMLElement>('.relationship-label[data-label-id]')) {
    const id = element.dataset.labelId;
    if (id && element.offsetWidth > 0) sizes.set(id, { width: element.offsetWidth, height: element.offsetHeight });
  }
  return sizes;
}

/** A label not on screen: about as wide as its words in the map's label font, with its mark and padding. */
function estimateLabelSize(r: Relationship): { width: number; height: number } | null {
  const style = RELATIONSHIP_STYLES[r.status];
  const words = [style.showStatusWord ? style.label : '', r.label].filter(Boolean).join(' ');
  const mark = STATUS_ICONS[r.status] !== null;
  if (!words && !mark) return null;
  return { width: Math.min(320, 22 + (mark ? 20 : 0) + words.length * 7.4), height: 28 };
}

// ----- the worker --------------------------------------------------------------------------------------------

let worker: Worker | null = null;
/** Set when the worker could not start: the layout then runs here, as it would without workers. */
let workerFailed = false;
let nextRequest = 0;
const pending = new Map<number, { input: TidyInput; resolve: (result: TidyResult) => void; reject: (error: Error) => void }>();

/** Lays the map out in the worker (or, should it be unavailable, right here). */
function computeLayout(input: TidyInput): Promise<TidyResult> {
  if (workerFailed || typeof Worker === 'undefined') return Promise.resolve(layOut(input));
  worker ??= startWorker();
  const id = (nextRequest += 1);
  return new Promise((resolve, reject) => {
    pending.set(id, { input, resolve, reject });
    worker?.postMessage({ id, input } satisfies TidyRequest);
  });
}

function startWorker(): Worker {
  const started = new Worker(new URL('./tidy-layout.worker.ts', import.meta.url), { type: 'module', name: 'tidy-layout' });
  started.addEventListener('message', (event: MessageEvent<TidyReply>) => {
    const reply = event.data;
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if ('error' in reply) request.reject(new Error(reply.error));
    else request.resolve(reply.result);
  });
  // A worker that cannot load (a packaging or policy problem) must not cost the user the command.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    console.warn('Tidy layout: the layout worker failed; laying out on the main thread instead.', event.message);
    workerFailed = true;
    started.terminate();
    worker = null;
    for (const [id, request] of pending) {
      pending.delete(id);
      try {
        request.resolve(layOut(request.input));
      } catch (error) {
        request.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  });
  return started;
}

// ----- the animation -----------------------------------------------------------------------------------------

const easeInOutCubic = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * Glides the arranged stakeholders from where they are on screen to their new places, one store update per frame.
 * Resolves true at the end, false as soon as the document changes or a stakeholder is dragged meanwhile (the
 * positions would no longer be the user's). With reduced motion asked for, or more than GLIDE_LIMIT moving, they jump.
 */
function glide(result: TidyResult, doc: WorkspaceDocument): Promise<boolean> {
  if (result.moves.length > GLIDE_LIMIT || window.matchMedia('(prefers-reduced-motion: reduce)').matches) return Promise.resolve(true);
  const byId = new Map<string, StakeholderFlowNode>(useEditor.getState().nodes.map((n) => [n.id, n]));
  const paths = result.moves.flatMap((m) => {
    const node = byId.get(m.id);
    return node ? [{ id: m.id, from: node.position, to: m.position }] : [];
  });
  return new Promise((resolve) => {
    let start: number | null = null;
    const frame = (time: number) => {
      const state = useEditor.getState();
      if (documentNow(state) !== doc || state.nodes.some((n) => n.dragging)) {
        resolve(false);
        return;
      }
      start ??= time;
      const t = Math.min(1, (time - start) / TIDY_ANIMATION_MS);
      const k = easeInOutCubic(t);
      showPositionsOnScreen(new Map(paths.map((p) => [p.id, { x: p.from.x + (p.to.x - p.from.x) * k, y: p.from.y + (p.to.y - p.from.y) * k }])));
      if (t < 1) requestAnimationFrame(frame);
      else resolve(true);
    };
    requestAnimationFrame(frame);
  });
}

/** After an interrupted glide: the stakeholders it moved go back to where the document has them (unless dragged). */
function putBack(result: TidyResult): void {
  putBackEverything(new Set(result.moves.map((m) => m.id)));
}

function putBackEverything(only?: ReadonlySet<string>): void {
  const state = useEditor.getState();
  const doc = documentNow(state);
  if (!doc) return;
  const dragging = new Set(state.nodes.filter((n) => n.dragging).map((n) => n.id));
  showPositionsOnScreen(new Map(doc.stakeholders.filter((s) => (!only || only.has(s.id)) && !dragging.has(s.id)).map((s) => [s.id, s.position])));
}
