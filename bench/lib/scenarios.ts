import type { Browser, Page } from '@playwright/test';
import type { BenchProbe, FrameRecording, RenderTimes } from '../page/probe';
import type { FakeHostState } from '../page/fake-host';
import type { BenchLoad } from '../page/load-core';
import type { PageBundles } from './bundles';
import {
  cdpDelta,
  cdpMetrics,
  heapAfterGc,
  newBenchContext,
  openAppPage,
  openBaselinePage,
  openBlankPage,
  type CanvasRect,
  type CdpDelta,
  type OpenedPage,
  type Target,
} from './pages';
import { frameStats } from './stats';

/*
 * One run of one target (the app or the baseline) at one size: fresh browser, then
 *   page 1: open the workspace (render time, heap, DOM), select three nodes, drag one node, pan and zoom;
 *   page 2: open the same map framed on a block of ~10 % of it, rubber-band select the block, drag the selection;
 *   page 3 (export size only): PNG and PDF export.
 * Everything the page measures it measures itself (performance.now, rAF); the runner only sends input.
 */

type W = Window & {
  __bench: BenchProbe;
  __benchHost: FakeHostState;
  __benchLoad: BenchLoad;
  __benchWorkspace?: string;
  __benchOpen?: (text?: string) => void;
  __benchExportPng?: (scale?: number) => Promise<{ width: number; height: number; base64Length: number }>;
};

export interface WorkspaceInput {
  readonly size: number;
  readonly filePath: string;
  readonly text: string;
  /** The same map with a viewport that frames the selection block. */
  readonly overviewText: string;
  readonly relationships: number;
  /** Stakeholders to click for the selection test, with their names, on screen at the file's viewport. */
  readonly clickTargets: ReadonlyArray<{ id: string; name: string }>;
  /** The node dragged alone. */
  readonly dragId: string;
  /** The selection block (page 2): its ids, and where it is on the canvas. */
  readonly block: { readonly ids: readonly string[]; readonly zoom: number; readonly width: number; readonly height: number; readonly margin: number };
  /** Map positions in the file of the stakeholders above: on the app's overview of a large map they are no elements. */
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
}

export interface DragResult {
  readonly frames: ReturnType<typeof frameStats>;
  readonly loaf: FrameRecording['loaf'];
  readonly wallMs: number;
  readonly moves: number;
  readonly cdp: CdpDelta;
  /** Whether the dragged node really moved (checked halfway). */
  readonly moved: boolean;
}

export interface TargetRun {
  readonly target: Target;
  readonly size: number;
  readonly run: number;
  readonly render: RenderTimes;
  readonly renderCdp: CdpDelta;
  readonly heap: { readonly emptyBytes: number; readonly loadedBytes: number };
  readonly dom: { elements: number; nodes: number; edges: number; svgElements: number };
  readonly select: ReadonlyArray<number | null>;
  readonly drag: DragResult | null;
  readonly panZoom: (DragResult & { events: number }) | null;
  readonly overviewRender: RenderTimes | null;
  readonly selection: { readonly selected: number; readonly expected: number } | null;
  readonly dragSelection: DragResult | null;
  readonly exports: ExportResult | null;
  readonly warnings: string[];
}

export interface ExportResult {
  readonly pngMs: number | null;
  /** The PNG file's size (the workspace embedded). */
  readonly pngBytes: number | null;
  /** PDF: click → the renderer asks the host to print (report laid out). Null for the baseline (nothing to lay out). */
  readonly pdfPrepareMs: number | null;
  /** page.pdf itself (Chromium's print engine), measured in Node. */
  readonly pdfPrintMs: number | null;
  readonly pdfTotalMs: number | null;
  readonly pdfBytes: number | null;
}

const RENDER_TIMEOUT_MS = 180_000;
/** BENCH_SHOTS=folder saves a screenshot at each step, to check what the benchmark really does. */
const SHOTS = process.env.BENCH_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}
const SELECT_TIMEOUT_MS = 30_000;

/** 120 moves around a square, so the node ends where it started and never comes near the canvas edge. */
export function squarePath(step: number): Array<[number, number]> {
  const path: Array<[number, number]> = [];
  for (let i = 0; i < 30; i++) path.push([step, 0]);
  for (let i = 0; i < 30; i++) path.push([0, step * 0.75]);
  for (let i = 0; i < 30; i++) path.push([-step, 0]);
  for (let i = 0; i < 30; i++) path.push([0, -step * 0.75]);
  return path;
}

export async function openWorkspace(opened: OpenedPage, target: Target, input: { text: string; filePath: string; nodes: number; edges: number }) {
  const { page } = opened;
  if (target === 'app') {
    await page.evaluate(
      ({ filePath, content }) => {
        (window as unknown as W).__benchHost.nextOpen = { filePath, content };
      },
      { filePath: input.filePath, content: input.text },
    );
  } else {
    await page.evaluate((text) => {
      (window as unknown as W).__benchWorkspace = text;
    }, input.text);
  }
  const before = await cdpMetrics(opened.cdp);
  const render = await page.evaluate(
    ({ target: which, nodes, edges, timeoutMs }) => {
      const w = window as unknown as W;
      const t0 = performance.now();
      // The app: File > Open, answered by the fake host with the file's text (real parse → validate → load).
      if (which === 'app') w.__benchHost.emit('menu:command', 'file.open');
      else w.__benchOpen!();
      return w.__bench.waitForRender({ t0, nodes, edges, timeoutMs });
    },
    { target, nodes: input.nodes, edges: input.edges, timeoutMs: RENDER_TIMEOUT_MS },
  );
  const cdp = cdpDelta(before, await cdpMetrics(opened.cdp));
  return { render, cdp };
}

/** `position` (the map position in the file) finds the stakeholder on the app's overview, where it is no element. */
async function nodeCenter(page: Page, id: string, position?: { x: number; y: number }) {
  return page.evaluate(({ nodeId, at }) => (window as unknown as W).__bench.nodeCenter(nodeId, at), { nodeId: id, at: position });
}

async function drag(opened: OpenedPage, from: { x: number; y: number }, path: Array<[number, number]>, checkId: string | null, checkPosition?: { x: number; y: number }): Promise<DragResult> {
  const { page } = opened;
  await page.mouse.move(from.x, from.y);
  await page.evaluate(() => (window as unknown as W).__bench.afterNextPaint());
  const before = await cdpMetrics(opened.cdp);
  await page.evaluate(() => (window as unknown as W).__bench.startFrames());
  const start = performance.now();
  await page.mouse.down();
  let x = from.x;
  let y = from.y;
  let moved = checkId === null;
  for (let i = 0; i < path.length; i++) {
    const [dx, dy] = path[i]!;
    x += dx;
    y += dy;
    await page.mouse.move(x, y);
    if (i === 29 && checkId) {
      // After the first side of the square the node must have followed the pointer.
      const now = await nodeCenter(page, checkId, checkPosition);
      moved = now !== null && Math.abs(now.x - from.x) > 20;
    }
  }
  await page.mouse.up();
  const wallMs = performance.now() - start;
  const recording = await page.evaluate(() => (window as unknown as W).__bench.stopFrames());
  const cdp = cdpDelta(before, await cdpMetrics(opened.cdp));
  return { frames: frameStats(recording.deltas), loaf: recording.loaf, wallMs, moves: path.length, cdp, moved };
}

/**
 * Three seconds of wheel zooming (out and back in, anchored at the same point) and drag panning (right and back),
 * as fast as the page takes the input. The view ends where it started.
 */
export async function panZoom(opened: OpenedPage, at: { x: number; y: number }): Promise<DragResult & { events: number }> {
  const { page } = opened;
  await page.mouse.move(at.x, at.y);
  const before = await cdpMetrics(opened.cdp);
  await page.evaluate(() => (window as unknown as W).__bench.startFrames());
  const start = performance.now();
  let events = 0;
  while (performance.now() - start < 3000) {
    for (let i = 0; i < 4; i++, events++) await page.mouse.wheel(0, 100);
    for (let i = 0; i < 4; i++, events++) await page.mouse.wheel(0, -100);
    await page.mouse.down();
    for (let i = 0; i < 8; i++, events++) await page.mouse.move(at.x + (i + 1) * 12, at.y + (i + 1) * 4);
    for (let i = 7; i >= 0; i--, events++) await page.mouse.move(at.x + i * 12, at.y + i * 4);
    await page.mouse.up();
    events += 2;
  }
  const wallMs = performance.now() - start;
  const recording = await page.evaluate(() => (window as unknown as W).__bench.stopFrames());
  const cdp = cdpDelta(before, await cdpMetrics(opened.cdp));
  return { frames: frameStats(recording.deltas), loaf: recording.loaf, wallMs, moves: events, events, cdp, moved: true };
}

async function clickAndWait(page: Page, at: { x: number; y: number }, spec: Parameters<BenchProbe['armWait']>[0]): Promise<number | null> {
  await page.evaluate(({ s, timeout }) => (window as unknown as W).__bench.armWait(s, timeout), { s: spec, timeout: SELECT_TIMEOUT_MS });
  await page.mouse.click(at.x, at.y);
  const result = await page.evaluate(() => (window as unknown as W).__bench.waitArmed());
  return result.timedOut ? null : result.fromPointerDown;
}

async function openTargetPage(context: Awaited<ReturnType<typeof newBenchContext>>, target: Target, bundles: PageBundles, canvas: CanvasRect) {
  return target === 'app' ? openAppPage(context, bundles) : openBaselinePage(context, bundles, canvas);
}

export type ProfilePhase = 'render' | 'select' | 'drag' | 'panZoom' | 'selectionDrag';

export interface RunOptions {
  readonly bundles: PageBundles;
  readonly canvas: CanvasRect;
  readonly withExports: boolean;
  /**
   * Records one phase (see bench/profile-bench.ts): a CPU profile (CDP Profiler), or with `trace` Chromium's
   * timeline events instead (CDP Tracing: style, layout, paint, raster and script by thread), which the CPU
   * profile lumps together as "(program)".
   */
  readonly profile?: { readonly phase: ProfilePhase; readonly intervalUs?: number; readonly trace?: boolean; readonly save: (profile: unknown) => void };
  /** Skip page 2 (block view, rubber-band selection, selection drag). Default false. */
  readonly skipSelection?: boolean;
}

/** Runs `work`, recording a CPU profile of it when `phase` is the one asked for. */
async function profiled<T>(opened: OpenedPage, options: RunOptions, phase: ProfilePhase, work: () => Promise<T>): Promise<T> {
  if (options.profile?.phase !== phase) return work();
  if (options.profile.trace) return traced(opened, options.profile.save, work);
  await opened.cdp.send('Profiler.enable');
  await opened.cdp.send('Profiler.setSamplingInterval', { interval: options.profile.intervalUs ?? 200 });
  await opened.cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await opened.cdp.send('Profiler.stop');
    options.profile.save(profile);
  }
}

/** Chromium's timeline categories: what DevTools' Performance panel records. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'gpu', 'viz', 'toplevel', 'v8.execute'];

/**
 * Runs `work` under Chromium's tracing (the browser's session, so the renderer's threads are recorded too) and
 * hands the trace's events to `save`.
 */
async function traced<T>(opened: OpenedPage, save: (events: unknown) => void, work: () => Promise<T>): Promise<T> {
  const browser = opened.page.context().browser();
  if (!browser) throw new Error('Tracing needs the browser the page runs in.');
  await browser.startTracing(opened.page, { categories: TRACE_CATEGORIES });
  try {
    return await work();
  } finally {
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents?: unknown[] };
    save(trace.traceEvents ?? []);
  }
}

export async function runTarget(browser: Browser, target: Target, input: WorkspaceInput, run: number, options: RunOptions): Promise<TargetRun> {
  const warnings: string[] = [];
  const context = await newBenchContext(browser, warnings);
  const expected = { nodes: input.size, edges: input.relationships };
  try {
    // ----- page 1: open, heap, select, drag one node, pan and zoom ------------------------------------------
    const first = await openTargetPage(context, target, options.bundles, options.canvas);
    const emptyBytes = await heapAfterGc(first.cdp);
    const { render, cdp: renderCdp } = await profiled(first, options, 'render', () =>
      openWorkspace(first, target, { text: input.text, filePath: input.filePath, ...expected }),
    );
    if (render.timedOut) warnings.push(`render timed out: ${JSON.stringify(render.counts)}`);
    const loadedBytes = await heapAfterGc(first.cdp);
    const dom = await first.page.evaluate(() => (window as unknown as W).__bench.domStats());
    await shot(first.page, `${target}-${input.size}-1-open`);

    const select: Array<number | null> = [];
    for (const node of input.clickTargets) {
      const at = await nodeCenter(first.page, node.id, input.positions[node.id]);
      if (!at?.reachable) {
        warnings.push(`node ${node.id} not clickable (covered or off screen)`);
        select.push(null);
        continue;
      }
      const spec = target === 'app' ? ({ kind: 'inspectorShows', name: node.name } as const) : ({ kind: 'nodeSelected', id: node.id } as const);
      const ms = await profiled(first, options, 'select', () => clickAndWait(first.page, at, spec));
      if (ms === null) warnings.push(`selecting ${node.id} timed out`);
      select.push(ms);
    }

    let dragResult: DragResult | null = null;
    const dragAt = await nodeCenter(first.page, input.dragId, input.positions[input.dragId]);
    if (dragAt?.reachable) {
      dragResult = await profiled(first, options, 'drag', () => drag(first, dragAt, squarePath(4), input.dragId, input.positions[input.dragId]));
      if (!dragResult.moved) warnings.push('single-node drag: the node did not follow the pointer');
    } else warnings.push(`drag node ${input.dragId} not reachable`);

    let panZoomResult: TargetRun['panZoom'] = null;
    const canvasNow = await first.page.evaluate(() => (window as unknown as W).__bench.canvasRect());
    const pane = canvasNow
      ? await first.page.evaluate(
          (p) => (window as unknown as W).__bench.panePoint(p.x, p.y),
          { x: canvasNow.left + canvasNow.width / 2, y: canvasNow.top + canvasNow.height / 2 },
        )
      : null;
    if (pane) panZoomResult = await profiled(first, options, 'panZoom', () => panZoom(first, pane));
    else warnings.push('no empty pane point for pan/zoom');
    warnings.push(...first.errors);
    await first.page.close();

    // ----- page 2: the block view, rubber-band selection, drag the selection ---------------------------------
    let overviewRender: RenderTimes | null = null;
    let selection: TargetRun['selection'] = null;
    let dragSelection: DragResult | null = null;
    if (!options.skipSelection) {
      const second = await openTargetPage(context, target, options.bundles, options.canvas);
      const overview = await openWorkspace(second, target, { text: input.overviewText, filePath: input.filePath, ...expected });
      if (overview.render.timedOut) warnings.push(`overview render timed out: ${JSON.stringify(overview.render.counts)}`);
      overviewRender = overview.render;
      const canvas = await second.page.evaluate(() => (window as unknown as W).__bench.canvasRect());
      if (canvas) {
        const { zoom, width, height, margin } = input.block;
        // From above the block's top-right corner to below its bottom-left one, staying 40+ px inside the canvas
        // so React Flow does not auto-pan; the rectangle holds the block's nodes entirely and no other node.
        const start = { x: canvas.left + margin + (width - 10) * zoom, y: canvas.top + margin - 30 };
        const end = { x: canvas.left + margin - 30, y: canvas.top + margin + (height - 10) * zoom };
        await second.page.keyboard.down('Shift');
        await second.page.mouse.move(start.x, start.y);
        await second.page.mouse.down();
        for (let i = 1; i <= 10; i++) await second.page.mouse.move(start.x + ((end.x - start.x) * i) / 10, start.y + ((end.y - start.y) * i) / 10);
        await second.page.mouse.up();
        await second.page.keyboard.up('Shift');
        await second.page.evaluate(() => (window as unknown as W).__bench.afterNextPaint());
        const selected = await second.page.evaluate(() => (window as unknown as W).__bench.countSelected());
        await shot(second.page, `${target}-${input.size}-2-selected`);
        selection = { selected, expected: input.block.ids.length };
        if (selected !== input.block.ids.length) warnings.push(`rubber-band selected ${selected} nodes, expected ${input.block.ids.length}`);
        const middle = input.block.ids[Math.floor(input.block.ids.length / 2)]!;
        const grab = await nodeCenter(second.page, middle, input.positions[middle]);
        if (grab?.reachable && selected > 0) {
          dragSelection = await profiled(second, options, 'selectionDrag', () => drag(second, grab, squarePath(4), middle, input.positions[middle]));
          if (!dragSelection.moved) warnings.push('selection drag: the node did not follow the pointer');
        } else warnings.push(`selection drag: node ${middle} not reachable`);
      }
      warnings.push(...second.errors);
      await second.page.close();
    }

    // ----- page 3: exports -------------------------------------------------------------------------------------
    let exports: ExportResult | null = null;
    if (options.withExports) {
      const third = await openTargetPage(context, target, options.bundles, options.canvas);
      await openWorkspace(third, target, { text: input.text, filePath: input.filePath, ...expected });
      exports = target === 'app' ? await exportApp(third, warnings) : await exportBaseline(third);
      warnings.push(...third.errors);
      await third.page.close();
    }

    return {
      target,
      size: input.size,
      run,
      render,
      renderCdp,
      heap: { emptyBytes, loadedBytes },
      dom,
      select,
      drag: dragResult,
      panZoom: panZoomResult,
      overviewRender,
      selection,
      dragSelection,
      exports,
      warnings,
    };
  } finally {
    // A crashed page closes its context already: the error that matters is the one thrown above.
    await context.close().catch(() => undefined);
  }
}

/** File > Export… in the app, PNG then PDF (defaults: 2x on white; A4 landscape), through the Export dialog. */
async function exportApp(opened: OpenedPage, warnings: string[]): Promise<ExportResult> {
  const { page } = opened;
  const runOne = async (format: 'png' | 'pdf', channel: string) => {
    await page.evaluate((f) => {
      const host = (window as unknown as W).__benchHost;
      host.exportOptions = { format: f, png: { scale: 2, background: 'white' }, pdf: { pageSize: 'A4', landscape: true } };
      host.emit('menu:command', 'file.export');
    }, format);
    const button = page.locator('dialog.export-dialog button[type="submit"]');
    await button.waitFor({ timeout: 30_000 });
    // The dialog loads the remembered options asynchronously: wait until it shows the format asked for.
    await page.waitForFunction(
      (label) => document.querySelector('input[name="export-format"]:checked')?.closest('label')?.textContent?.includes(label) ?? false,
      format === 'png' ? 'PNG image' : 'PDF report',
      { timeout: 30_000 },
    );
    // The dialog scrolls when its options are taller than the window: bring the button into view first.
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    if (!box) throw new Error('Export button has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(
      (c) => ((window as unknown as W).__benchHost.lastCall(c)?.answeredAt ?? null) !== null,
      channel,
      { timeout: 300_000, polling: 50 },
    );
    // Let the export finish (the progress view closes) before the next one.
    await page.getByRole('button', { name: 'Cancel export' }).waitFor({ state: 'detached', timeout: 60_000 }).catch(() => undefined);
    return page.evaluate((c) => {
      const w = window as unknown as W;
      const call = w.__benchHost.lastCall(c)!;
      return { pointerDown: w.__bench.lastInput().pointerDown, call, pdf: w.__benchHost.pdf };
    }, channel);
  };
  // The PNG is in the host once export:save-capture has embedded the workspace (as main does before writing); the
  // html-to-image fallback sends the whole file with export:save instead.
  const png = await runOne('png', 'export:save-capture');
  const pdf = await runOne('pdf', 'export:pdf');
  const pngMs = (png.call.answeredAt ?? png.call.at) - png.pointerDown;
  const detail = png.call.detail as { bytes?: number } | undefined;
  if (pdf.pdf === null) warnings.push('PDF was not printed');
  return {
    pngMs,
    pngBytes: detail?.bytes ?? null,
    pdfPrepareMs: pdf.call.at - pdf.pointerDown,
    pdfPrintMs: pdf.pdf?.ms ?? null,
    pdfTotalMs: pdf.call.answeredAt === null ? null : pdf.call.answeredAt - pdf.pointerDown,
    pdfBytes: pdf.pdf?.bytes ?? null,
  };
}

/** The baseline's exports: React Flow's documented html-to-image recipe for PNG; page.pdf of the page as it is. */
async function exportBaseline(opened: OpenedPage): Promise<ExportResult> {
  const { page } = opened;
  const png = await page.evaluate(async () => {
    const w = window as unknown as W;
    const start = performance.now();
    const result = await w.__benchExportPng!(2);
    return { ms: performance.now() - start, ...result };
  });
  const start = performance.now();
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pdfMs = performance.now() - start;
  return { pngMs: png.ms, pngBytes: Math.floor((png.base64Length * 3) / 4), pdfPrepareMs: null, pdfPrintMs: pdfMs, pdfTotalMs: pdfMs, pdfBytes: pdf.length };
}

/** The app's canvas rectangle (where the baseline puts its own) and the panels over it, from a small map. */
export async function measureAppCanvas(browser: Browser, bundles: PageBundles, input: { text: string; filePath: string; size: number; relationships: number }) {
  const problems: string[] = [];
  const context = await newBenchContext(browser, problems);
  try {
    const opened = await openAppPage(context, bundles);
    await openWorkspace(opened, 'app', { text: input.text, filePath: input.filePath, nodes: input.size, edges: input.relationships });
    const canvas = await opened.page.evaluate(() => (window as unknown as W).__bench.canvasRect());
    const panels = await opened.page.evaluate(() => (window as unknown as W).__bench.panelRects());
    if (!canvas) throw new Error(`The app shows no map canvas. ${[...problems, ...opened.errors].join('; ')}`);
    return { canvas, panels, unknownChannels: await opened.page.evaluate(() => (window as unknown as W).__benchHost.unknownChannels) };
  } finally {
    await context.close();
  }
}

export interface LoadRun {
  readonly run: number;
  /** First call in a fresh page (cold code), as when the user opens a file. */
  readonly jsonParseMs: number;
  readonly parseWorkspaceMs: number;
  /** Second call in the same page. */
  readonly jsonParseWarmMs: number;
  readonly parseWorkspaceWarmMs: number;
  readonly parseWorkspaceJitMs: number;
  readonly deriveMs: number;
  readonly serializeMs: number;
  readonly stringifyMs: number;
}

/**
 * The load/save micro-benchmark of one run: in a fresh blank page (cold code, as when the user opens a file),
 * JSON.parse and parseWorkspace of the same text, in alternating order, then the store's derivation of nodes and
 * edges, serializeWorkspace and JSON.stringify; zod-JIT parseWorkspace in a page of its own.
 */
export async function runLoad(browser: Browser, bundles: PageBundles, text: string, run: number): Promise<LoadRun> {
  const problems: string[] = [];
  const context = await newBenchContext(browser, problems);
  try {
    const main = await openBlankPage(context);
    await main.page.evaluate(bundles.load);
    await main.page.evaluate((t) => (window as unknown as W).__benchLoad.setText(t), text);
    await heapAfterGc(main.cdp);
    const jsonFirst = run % 2 === 1;
    const cold = { json: 0, parse: 0 };
    let jsonParseMs = 0;
    let parseWorkspaceMs = 0;
    const parse = async () => {
      const result = await main.page.evaluate(() => (window as unknown as W).__benchLoad.parseWorkspace());
      if (!result.ok) throw new Error('parseWorkspace refused the generated workspace');
      parseWorkspaceMs = result.ms;
    };
    const json = async () => {
      jsonParseMs = await main.page.evaluate(() => (window as unknown as W).__benchLoad.jsonParse());
    };
    if (jsonFirst) {
      await json();
      await heapAfterGc(main.cdp);
      await parse();
    } else {
      await parse();
      await heapAfterGc(main.cdp);
      await json();
    }
    cold.json = jsonParseMs;
    cold.parse = parseWorkspaceMs;
    // Warm: the same again in the same page (code compiled, zod's schemas initialized): the per-byte cost.
    await heapAfterGc(main.cdp);
    await parse();
    const parseWorkspaceWarmMs = parseWorkspaceMs;
    await heapAfterGc(main.cdp);
    await json();
    const jsonParseWarmMs = jsonParseMs;
    await heapAfterGc(main.cdp);
    const deriveMs = await main.page.evaluate(() => (window as unknown as W).__benchLoad.derive());
    await heapAfterGc(main.cdp);
    const serialize = await main.page.evaluate(() => (window as unknown as W).__benchLoad.serialize());
    await heapAfterGc(main.cdp);
    const stringifyMs = await main.page.evaluate(() => (window as unknown as W).__benchLoad.stringify());
    await main.page.close();

    const jit = await openBlankPage(context);
    await jit.page.evaluate(bundles.loadJit);
    await jit.page.evaluate((t) => (window as unknown as W).__benchLoad.setText(t), text);
    await heapAfterGc(jit.cdp);
    const jitResult = await jit.page.evaluate(() => (window as unknown as W).__benchLoad.parseWorkspace());
    await jit.page.close();

    return {
      run,
      jsonParseMs: cold.json,
      parseWorkspaceMs: cold.parse,
      jsonParseWarmMs,
      parseWorkspaceWarmMs,
      parseWorkspaceJitMs: jitResult.ms,
      deriveMs,
      serializeMs: serialize.ms,
      stringifyMs,
    };
  } finally {
    await context.close();
  }
}
