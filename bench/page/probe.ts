/*
 * Measuring helpers that run inside the page (app and baseline alike), installed with page.addInitScript before
 * the page's own scripts. Bundled by esbuild at bench start (bench/lib/bundles.ts). The runner only ever calls
 * window.__bench.<helper>(plain data), so no function of the runner is serialized into the page.
 *
 * Times are performance.now() milliseconds of the page; event.timeStamp uses the same clock in Chromium.
 */

export interface LoafSummary {
  readonly supported: boolean;
  readonly count: number;
  /** Sum of the durations of long animation frames (each over 50 ms). */
  readonly totalMs: number;
  /** Sum of their blocking durations (duration minus 50 ms, when not interrupted by rendering). */
  readonly blockingMs: number;
  readonly maxMs: number;
}

export interface FrameRecording {
  /** requestAnimationFrame timestamp deltas, one per frame, in ms. */
  readonly deltas: number[];
  readonly durationMs: number;
  readonly loaf: LoafSummary;
}

export interface RenderTimes {
  /** From t0 until every expected node element is in the DOM. */
  readonly nodesInDom: number | null;
  /** Until none of them is hidden any more (React Flow hides a node until it has measured it). */
  readonly nodesVisible: number | null;
  /** Until every expected edge element is in the DOM. */
  readonly edgesInDom: number | null;
  /** Until the frame that showed all of the above has been painted (next task after its rAF). */
  readonly painted: number | null;
  readonly counts: { readonly nodes: number; readonly hidden: number; readonly edges: number };
  readonly timedOut: boolean;
}

type PredicateSpec =
  /** The app's inspector shows this stakeholder (its Name field holds the name). */
  | { readonly kind: 'inspectorShows'; readonly name: string }
  /** React Flow marks this node selected (baseline). */
  | { readonly kind: 'nodeSelected'; readonly id: string }
  /** At least `count` nodes are selected. */
  | { readonly kind: 'selectedAtLeast'; readonly count: number };

const loafEntries: PerformanceEntry[] = [];
let loafSupported = false;
try {
  loafSupported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  if (loafSupported) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) loafEntries.push(entry);
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
} catch {
  loafSupported = false;
}

let lastPointerDown = 0;
let lastClick = 0;
addEventListener('pointerdown', (event) => (lastPointerDown = event.timeStamp), { capture: true });
addEventListener('click', (event) => (lastClick = event.timeStamp), { capture: true });

/** Resolves in the task after the next frame's rAF callbacks, i.e. once that frame has been handed to the compositor. */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

let recording: { start: number; stamps: number[]; running: boolean } | null = null;

function startFrames(): void {
  const state = { start: performance.now(), stamps: [] as number[], running: true };
  recording = state;
  const tick = (time: number) => {
    if (!state.running) return;
    state.stamps.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function stopFrames(): Promise<FrameRecording> {
  const state = recording;
  if (!state) throw new Error('stopFrames without startFrames');
  // One more frame so that the frame carrying the last input is counted.
  await afterNextPaint();
  state.running = false;
  recording = null;
  const end = performance.now();
  const deltas: number[] = [];
  for (let i = 1; i < state.stamps.length; i++) deltas.push((state.stamps[i] as number) - (state.stamps[i - 1] as number));
  const loafs = loafEntries.filter((e) => e.startTime >= state.start && e.startTime <= end);
  const loaf: LoafSummary = {
    supported: loafSupported,
    count: loafs.length,
    totalMs: loafs.reduce((sum, e) => sum + e.duration, 0),
    blockingMs: loafs.reduce((sum, e) => sum + ((e as unknown as { blockingDuration?: number }).blockingDuration ?? 0), 0),
    maxMs: loafs.reduce((max, e) => Math.max(max, e.duration), 0),
  };
  return { deltas, durationMs: end - state.start, loaf };
}

function nodeElements(): NodeListOf<HTMLElement> {
  return document.querySelectorAll<HTMLElement>('.react-flow__node');
}

/**
 * What a finished render has: every node and edge (the baseline, and the app's workshop-size maps); on the app's
 * large maps, the part of the map it says it draws as elements ("part": the part around the screen), or its
 * overview canvas having drawn every stakeholder. Null while the app has not said yet.
 */
function expectedDrawing(nodes: number, edges: number): { nodes: number; edges: number } | 'overview' | null {
  const map = document.querySelector<HTMLElement>('.map-canvas[data-drawn]');
  if (!map || map.dataset.drawn === 'all') return { nodes, edges };
  if (map.dataset.drawn === 'overview') {
    const canvas = document.querySelector<HTMLElement>('canvas.map-overview');
    return canvas && Number(canvas.dataset.stakeholders) >= nodes ? 'overview' : null;
  }
  const part = Number(map.dataset.drawnStakeholders);
  return part > 0 ? { nodes: part, edges: Number(map.dataset.drawnRelationships) } : null;
}

/**
 * Waits until the nodes and edges expectedDrawing names are in the DOM and no node is hidden (or the overview is drawn), checking
 * after every DOM mutation batch and every frame, then waits for that frame to be painted. Times are from `t0`.
 */
function waitForRender(options: { t0: number; nodes: number; edges: number; timeoutMs: number }): Promise<RenderTimes> {
  const { t0, nodes, edges, timeoutMs } = options;
  return new Promise((resolve) => {
    let nodesInDom: number | null = null;
    let nodesVisible: number | null = null;
    let edgesInDom: number | null = null;
    let done = false;
    const counts = { nodes: 0, hidden: 0, edges: 0 };
    const check = () => {
      if (done) return;
      const now = performance.now() - t0;
      const drawing = expectedDrawing(nodes, edges);
      if (drawing === 'overview') {
        // A large map zoomed out: one canvas draws every stakeholder (renderer/src/canvas/large-map/).
        nodesInDom = nodesVisible = edgesInDom = now;
      } else if (drawing !== null) {
        const nodeList = nodeElements();
        counts.nodes = nodeList.length;
        if (nodesInDom === null && counts.nodes >= drawing.nodes) nodesInDom = now;
        if (nodesInDom !== null && nodesVisible === null) {
          let hidden = 0;
          for (const el of nodeList) if (el.style.visibility === 'hidden') hidden++;
          counts.hidden = hidden;
          if (hidden === 0) nodesVisible = now;
        }
        if (edgesInDom === null) {
          counts.edges = document.querySelectorAll('.react-flow__edge').length;
          if (counts.edges >= drawing.edges) edgesInDom = now;
        }
      }
      if (nodesVisible !== null && edgesInDom !== null) {
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        void afterNextPaint().then((paintedAt) =>
          resolve({ nodesInDom, nodesVisible, edgesInDom, painted: paintedAt - t0, counts: { ...counts }, timedOut: false }),
        );
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    const frame = () => {
      if (done) return;
      check();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const timer = setTimeout(() => {
      done = true;
      observer.disconnect();
      resolve({ nodesInDom, nodesVisible, edgesInDom, painted: null, counts: { ...counts }, timedOut: true });
    }, timeoutMs);
    check();
  });
}

function holds(spec: PredicateSpec): boolean {
  switch (spec.kind) {
    case 'inspectorShows': {
      const input = document.querySelector<HTMLInputElement>('.inspector input');
      return document.getElementById('inspector-heading')?.textContent === 'Stakeholder' && input?.value === spec.name;
    }
    case 'nodeSelected':
      return document.querySelector(`.react-flow__node[data-id="${CSS.escape(spec.id)}"]`)?.classList.contains('selected') ?? false;
    case 'selectedAtLeast':
      return document.querySelectorAll('.react-flow__node.selected').length >= spec.count;
    default:
      return false;
  }
}

/**
 * Arms a wait for `spec` (call before the input that should cause it). The returned promise resolves with the
 * time from the input's pointerdown (or click) to the painted frame that shows it.
 */
function armWait(spec: PredicateSpec, timeoutMs: number): void {
  const since = performance.now();
  pending = new Promise((resolve) => {
    let done = false;
    const finish = (timedOut: boolean) => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      const pointerDown = lastPointerDown >= since ? lastPointerDown : null;
      const click = lastClick >= since ? lastClick : null;
      if (timedOut) {
        resolve({ fromPointerDown: null, fromClick: null, timedOut: true });
        return;
      }
      void afterNextPaint().then((painted) =>
        resolve({
          fromPointerDown: pointerDown === null ? null : painted - pointerDown,
          fromClick: click === null ? null : painted - click,
          timedOut: false,
        }),
      );
    };
    const check = () => {
      if (!done && holds(spec)) finish(false);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const frame = () => {
      if (done) return;
      check();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const timer = setTimeout(() => finish(true), timeoutMs);
  });
}

let pending: Promise<{ fromPointerDown: number | null; fromClick: number | null; timedOut: boolean }> | null = null;

function waitArmed() {
  if (!pending) throw new Error('waitArmed without armWait');
  const result = pending;
  pending = null;
  return result;
}

/** Screen rectangle of the React Flow canvas. */
function canvasRect() {
  const rect = document.querySelector('.react-flow')?.getBoundingClientRect();
  return rect ? { left: rect.left, top: rect.top, width: rect.width, height: rect.height } : null;
}

/** Centre of a node on screen, and whether a pointer there would land on the node (not on a panel over it). */
function nodeCenter(id: string, position?: { x: number; y: number }) {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (!el) return position ? overviewCenter(position) : null;
  const rect = el.getBoundingClientRect();
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const hit = document.elementFromPoint(x, y);
  // After a rubber-band selection React Flow lays a rectangle over the selected nodes; dragging it drags them.
  const onSelection = hit !== null && hit.closest('.react-flow__nodesselection') !== null && el.classList.contains('selected');
  return { x, y, width: rect.width, height: rect.height, reachable: hit !== null && (el.contains(hit) || onSelection) };
}

/**
 * On the app's overview of a large map (no node elements): where a stakeholder at map `position` is drawn, from
 * the viewport (unmeasured stakeholders are 220 × 64), plus the offset of a drag in progress, which the overview
 * states on its canvas. Reachable where the pointer lands on the pane (the canvas lets it through), not on a panel.
 */
function overviewCenter(position: { x: number; y: number }) {
  const canvas = document.querySelector<HTMLElement>('canvas.map-overview');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  const pane = document.querySelector('.react-flow');
  if (!canvas || !viewport || !pane) return null;
  const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
  const [dx, dy] = (canvas.dataset.dragOffset ?? '0,0').split(',').map(Number);
  const origin = pane.getBoundingClientRect();
  const x = origin.left + m.e + (position.x + (dx ?? 0) + 110) * m.a;
  const y = origin.top + m.f + (position.y + (dy ?? 0) + 32) * m.a;
  const hit = document.elementFromPoint(x, y);
  return { x, y, width: 220 * m.a, height: 64 * m.a, reachable: hit !== null && hit.classList.contains('react-flow__pane') };
}

/** The point nearest (x, y) where a pointer lands on the empty pane (for panning), searched in rings. */
function panePoint(x: number, y: number) {
  for (let ring = 0; ring < 40; ring++) {
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const px = x + dx * 8;
        const py = y + dy * 8;
        if (document.elementFromPoint(px, py)?.classList.contains('react-flow__pane')) return { x: px, y: py };
      }
    }
  }
  return null;
}

/** What covers the canvas: React Flow panels (minimap, legend, filters) as screen rectangles. */
function panelRects() {
  return [...document.querySelectorAll('.react-flow__panel')].map((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

/** Timestamps of the last pointerdown and click anywhere in the page. */
function lastInput() {
  return { pointerDown: lastPointerDown, click: lastClick };
}

function countSelected(): number {
  // On the app's overview the selection is pixels: count what the inspector says instead.
  if (document.querySelector('canvas.map-overview')) {
    const heading = [...document.querySelectorAll('h2')].map((h) => /^(\d+) stakeholders selected$/i.exec(h.textContent?.trim() ?? '')).find(Boolean);
    return heading ? Number(heading[1]) : 0;
  }
  return document.querySelectorAll('.react-flow__node.selected').length;
}

function domStats() {
  return {
    elements: document.getElementsByTagName('*').length,
    nodes: document.querySelectorAll('.react-flow__node').length,
    edges: document.querySelectorAll('.react-flow__edge').length,
    svgElements: document.querySelectorAll('svg *').length,
  };
}

const bench = {
  afterNextPaint,
  startFrames,
  stopFrames,
  waitForRender,
  armWait,
  waitArmed,
  canvasRect,
  nodeCenter,
  panePoint,
  panelRects,
  countSelected,
  domStats,
  lastInput,
};

export type BenchProbe = typeof bench;

Object.defineProperty(window, '__bench', { value: bench });
