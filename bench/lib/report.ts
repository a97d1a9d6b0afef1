import { hostileMarkdown, type HostileReport } from './hostile';
import type { MachineInfo } from './machine';
import type { LoadRun, TargetRun } from './scenarios';
import { round, summarize, type Summary } from './stats';

/*
 * Turns the raw runs into the report: for every metric, the median and p95 over runs for our app and for the
 * baseline, and their ratio (of medians). Written as JSON (everything, raw runs included) and Markdown (tables).
 */

export interface MetricDefinition {
  readonly key: string;
  readonly label: string;
  readonly unit: 'ms' | '%' | 'KB' | 'MB' | 'count' | '/s';
  readonly ours: (run: TargetRun) => number | null | undefined;
  /** Defaults to `ours` applied to the baseline's runs. */
  readonly baseline?: (run: TargetRun) => number | null | undefined;
  readonly note?: string;
}

const medianOf = (values: ReadonlyArray<number | null>): number | null => summarize(values).median;
const share = (v: number | null | undefined) => (v === null || v === undefined ? null : v * 100);

export const UI_METRICS: readonly MetricDefinition[] = [
  { key: 'render', label: 'Open → all nodes and edges rendered (painted)', unit: 'ms', ours: (r) => r.render.painted },
  { key: 'renderVisible', label: 'Open → all nodes measured and visible', unit: 'ms', ours: (r) => r.render.nodesVisible },
  { key: 'select', label: 'Click a node → inspector painted (baseline: selection painted)', unit: 'ms', ours: (r) => medianOf(r.select) },
  { key: 'dragP50', label: 'Drag 1 node, 120 moves: frame p50', unit: 'ms', ours: (r) => r.drag?.frames.p50 },
  { key: 'dragP95', label: 'Drag 1 node: frame p95', unit: 'ms', ours: (r) => r.drag?.frames.p95 },
  { key: 'dragMax', label: 'Drag 1 node: frame max', unit: 'ms', ours: (r) => r.drag?.frames.max },
  { key: 'dragOver33', label: 'Drag 1 node: frames over 33 ms', unit: '%', ours: (r) => share(r.drag?.frames.over33) },
  { key: 'dragPerMove', label: 'Drag 1 node: wall time per move', unit: 'ms', ours: (r) => (r.drag ? r.drag.wallMs / r.drag.moves : null) },
  { key: 'dragLoaf', label: 'Drag 1 node: long-animation-frame blocking time', unit: 'ms', ours: (r) => r.drag?.loaf.blockingMs },
  { key: 'selDragP50', label: 'Drag a 10 % selection, 120 moves: frame p50', unit: 'ms', ours: (r) => r.dragSelection?.frames.p50 },
  { key: 'selDragP95', label: 'Drag 10 %: frame p95', unit: 'ms', ours: (r) => r.dragSelection?.frames.p95 },
  { key: 'selDragMax', label: 'Drag 10 %: frame max', unit: 'ms', ours: (r) => r.dragSelection?.frames.max },
  { key: 'selDragOver33', label: 'Drag 10 %: frames over 33 ms', unit: '%', ours: (r) => share(r.dragSelection?.frames.over33) },
  { key: 'selDragPerMove', label: 'Drag 10 %: wall time per move', unit: 'ms', ours: (r) => (r.dragSelection ? r.dragSelection.wallMs / r.dragSelection.moves : null) },
  { key: 'selDragLoaf', label: 'Drag 10 %: long-animation-frame blocking time', unit: 'ms', ours: (r) => r.dragSelection?.loaf.blockingMs },
  { key: 'panP50', label: 'Pan and zoom 3 s: frame p50', unit: 'ms', ours: (r) => r.panZoom?.frames.p50 },
  { key: 'panP95', label: 'Pan and zoom: frame p95', unit: 'ms', ours: (r) => r.panZoom?.frames.p95 },
  { key: 'panMax', label: 'Pan and zoom: frame max', unit: 'ms', ours: (r) => r.panZoom?.frames.max },
  { key: 'panOver33', label: 'Pan and zoom: frames over 33 ms', unit: '%', ours: (r) => share(r.panZoom?.frames.over33) },
  { key: 'panEvents', label: 'Pan and zoom: input events handled per second', unit: '/s', ours: (r) => (r.panZoom ? (r.panZoom.events / r.panZoom.wallMs) * 1000 : null) },
  { key: 'heapTotal', label: 'JS heap after GC, map open', unit: 'MB', ours: (r) => r.heap.loadedBytes / 1024 ** 2 },
  { key: 'heapPerStakeholder', label: 'JS heap after GC per stakeholder (open minus empty)', unit: 'KB', ours: (r) => (r.heap.loadedBytes - r.heap.emptyBytes) / 1024 / r.size },
  { key: 'domPerStakeholder', label: 'DOM elements per stakeholder', unit: 'count', ours: (r) => r.dom.elements / r.size },
  { key: 'exportPng', label: 'Export PNG (2x, whole map): click → the file’s bytes ready in the host', unit: 'ms', ours: (r) => r.exports?.pngMs, note: 'baseline: html-to-image of the React Flow viewport (React Flow docs recipe)' },
  { key: 'exportPdf', label: 'Export PDF (A4 landscape): click → printed', unit: 'ms', ours: (r) => r.exports?.pdfTotalMs, note: 'baseline: page.pdf of the bare canvas; ours adds the report pages' },
  { key: 'exportPdfPrepare', label: 'Export PDF: report laid out (click → print call)', unit: 'ms', ours: (r) => r.exports?.pdfPrepareMs },
  { key: 'exportPdfPrint', label: 'Export PDF: page.pdf (Chromium print engine)', unit: 'ms', ours: (r) => r.exports?.pdfPrintMs },
];

export interface LoadMetricDefinition {
  readonly key: string;
  readonly label: string;
  readonly ours: (run: LoadRun) => number;
  readonly baseline: ((run: LoadRun) => number) | null;
}

export const LOAD_METRICS: readonly LoadMetricDefinition[] = [
  { key: 'load', label: 'Load, cold (first parse in a fresh page): parseWorkspace (parse + validate + normalize) vs JSON.parse', ours: (r) => r.parseWorkspaceMs, baseline: (r) => r.jsonParseMs },
  { key: 'loadWarm', label: 'Load, warm (second parse in the same page): parseWorkspace vs JSON.parse', ours: (r) => r.parseWorkspaceWarmMs, baseline: (r) => r.jsonParseWarmMs },
  { key: 'derive', label: 'Load: store derivation (decorations + nodes + edges)', ours: (r) => r.deriveMs, baseline: null },
  { key: 'loadJit', label: 'What-if: parseWorkspace with zod JIT (not allowed by our CSP) vs JSON.parse', ours: (r) => r.parseWorkspaceJitMs, baseline: (r) => r.jsonParseMs },
  { key: 'save', label: 'Save: serializeWorkspace vs JSON.stringify(doc, null, 2)', ours: (r) => r.serializeMs, baseline: (r) => r.stringifyMs },
];

export interface MetricResult {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly ours: Summary;
  readonly baseline: Summary | null;
  /** Ours / baseline, of the medians. */
  readonly ratio: number | null;
  readonly note?: string;
}

export interface SizeResult {
  readonly size: number;
  /** When this size was measured, and with how many runs (sizes may come from different invocations: --append). */
  readonly measuredAt: string;
  readonly runs: number;
  readonly loadAverageAtStart: readonly number[];
  readonly workspace: { bytes: number; stakeholders: number; relationships: number; painPoints: number; solutions: number };
  readonly metrics: MetricResult[];
  readonly cpu: Record<string, { ours: Record<string, number | null>; baseline: Record<string, number | null> }>;
  readonly raw: { readonly app: TargetRun[]; readonly baseline: TargetRun[]; readonly load: LoadRun[] };
  readonly warnings: string[];
}

export interface BenchReport {
  readonly generatedAt: string;
  readonly machine: MachineInfo;
  readonly config: Record<string, unknown>;
  readonly sizes: SizeResult[];
  readonly warnings: string[];
  /** Refusing hostile files vs opening valid ones of the same size (bench/lib/hostile.ts); absent in older reports. */
  readonly hostile?: HostileReport;
}

function ratioOf(ours: Summary, baseline: Summary | null): number | null {
  if (!baseline || ours.median === null || baseline.median === null || baseline.median === 0) return null;
  return round(ours.median / baseline.median, 2);
}

export function summarizeSize(
  measured: { measuredAt: string; runs: number; loadAverageAtStart: readonly number[] },
  size: number,
  workspace: SizeResult['workspace'],
  app: TargetRun[],
  baseline: TargetRun[],
  load: LoadRun[],
): SizeResult {
  const metrics: MetricResult[] = [];
  for (const def of LOAD_METRICS) {
    const ours = summarize(load.map(def.ours));
    const base = def.baseline ? summarize(load.map(def.baseline)) : null;
    metrics.push({ key: def.key, label: def.label, unit: 'ms', ours, baseline: base, ratio: ratioOf(ours, base) });
  }
  for (const def of UI_METRICS) {
    const ours = summarize(app.map(def.ours));
    if (ours.n === 0) continue;
    const base = summarize(baseline.map(def.baseline ?? def.ours));
    metrics.push({
      key: def.key,
      label: def.label,
      unit: def.unit,
      ours,
      baseline: base.n ? base : null,
      ratio: ratioOf(ours, base.n ? base : null),
      ...(def.note ? { note: def.note } : {}),
    });
  }
  // Main-thread time by kind (CDP Performance metrics), medians over runs.
  const cpuOf = (runs: TargetRun[], pick: (r: TargetRun) => { scriptMs: number; layoutMs: number; styleMs: number; taskMs: number } | undefined) => {
    const field = (name: 'scriptMs' | 'layoutMs' | 'styleMs' | 'taskMs') => summarize(runs.map((r) => pick(r)?.[name])).median;
    return { taskMs: field('taskMs'), scriptMs: field('scriptMs'), layoutMs: field('layoutMs'), styleMs: field('styleMs') };
  };
  const cpu = {
    'open → rendered': { ours: cpuOf(app, (r) => r.renderCdp), baseline: cpuOf(baseline, (r) => r.renderCdp) },
    'drag 1 node': { ours: cpuOf(app, (r) => r.drag?.cdp), baseline: cpuOf(baseline, (r) => r.drag?.cdp) },
    'drag 10 %': { ours: cpuOf(app, (r) => r.dragSelection?.cdp), baseline: cpuOf(baseline, (r) => r.dragSelection?.cdp) },
    'pan and zoom': { ours: cpuOf(app, (r) => r.panZoom?.cdp), baseline: cpuOf(baseline, (r) => r.panZoom?.cdp) },
  };
  const warnings = [...new Set([...app, ...baseline].flatMap((r) => r.warnings.map((w) => `${r.target}: ${w}`)))];
  return { size, ...measured, workspace, metrics, cpu, raw: { app, baseline, load }, warnings };
}

// ----- Markdown --------------------------------------------------------------------------------------------------

const fmt = (value: number | null, unit: string): string => {
  if (value === null) return '–';
  if (unit === '%') return `${value.toFixed(0)} %`;
  if (unit === 'count') return value.toFixed(1);
  if (unit === 'MB') return value.toFixed(1);
  if (unit === 'KB') return value.toFixed(1);
  if (unit === '/s') return value.toFixed(0);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

/** The reference targets of issue 6, checked where they apply. */
function targetFor(size: number, metric: MetricResult): string {
  if (size === 1000 && metric.key === 'load') return check(metric.ratio, 2, '≤ 2x');
  if (size === 1000 && metric.key === 'render') return check(metric.ratio, 1.5, '≤ 1.5x');
  if (size === 1000 && metric.key === 'dragP95') return check(metric.ratio, 1.2, '≤ 1.2x');
  if (size === 5000 && metric.key === 'dragP95') return check(metric.ours.median, 50, '< 50 ms', true);
  return '';
}

function check(value: number | null, limit: number, words: string, strict = false): string {
  if (value === null) return words;
  const ok = strict ? value < limit : value <= limit;
  return `${words} ${ok ? '✅' : '❌'}`;
}

/** The headline numbers of every size in one table: ours, baseline and the ratio. */
const SUMMARY_KEYS: ReadonlyArray<[string, string]> = [
  ['load', 'Load, cold: parseWorkspace vs JSON.parse'],
  ['render', 'Open → all rendered'],
  ['select', 'Click → inspector painted'],
  ['dragP95', 'Drag 1 node, frame p95'],
  ['selDragP95', 'Drag 10 %, frame p95'],
  ['panP95', 'Pan and zoom, frame p95'],
  ['heapPerStakeholder', 'Heap per stakeholder (KB)'],
  ['domPerStakeholder', 'DOM elements per stakeholder'],
  ['save', 'Save: serializeWorkspace vs JSON.stringify'],
  ['exportPng', 'Export PNG'],
  ['exportPdf', 'Export PDF'],
];

export function summaryMarkdown(report: BenchReport): string {
  const sizes = report.sizes;
  const lines = [
    `| Median (ms unless stated): ours / baseline (ratio) | ${sizes.map((s) => `${s.size.toLocaleString('en-US')} stakeholders`).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---').join(' | ')} |`,
  ];
  for (const [key, label] of SUMMARY_KEYS) {
    const cells = sizes.map((size) => {
      const metric = size.metrics.find((m) => m.key === key);
      if (!metric) return '–';
      const ours = fmt(metric.ours.median, metric.unit);
      const base = fmt(metric.baseline?.median ?? null, metric.unit);
      const target = targetFor(size.size, metric);
      return `${ours} / ${base}${metric.ratio === null ? '' : ` (${metric.ratio.toFixed(2)}x)`}${target ? ` ${target.split(' ').pop()}` : ''}`;
    });
    if (cells.every((c) => c === '–')) continue;
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function toMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines: string[] = [];
  lines.push(`# Stakemap benchmark — ${report.generatedAt}`);
  lines.push('');
  lines.push(
    `Machine: ${m.cpuModel}, ${m.logicalCores} logical cores, ${m.memoryGiB} GiB RAM; ${m.os}; Node ${m.node}; ${m.chromium}. ` +
      `Load average at start: ${m.loadAverageAtStart.join(', ')} (other work on the machine inflates absolute times; the interleaved ratios are more robust).`,
  );
  const c = report.config;
  lines.push(
    `Chromium ${String(c.browser)}, production builds, viewport ${String(c.viewport)}, deviceScaleFactor 1; ${String(c.runs)} interleaved runs per target ` +
      `(app, baseline, app, baseline …), each in a fresh browser; median and p95 over runs; ratio = ours / baseline of the medians. Frame times are ` +
      `requestAnimationFrame deltas recorded in the page. What each line measures: bench/README.md.`,
  );
  lines.push('');
  // A report made by `--only=hostile` with no earlier browser results has no sizes to summarize.
  if (report.sizes.length > 0) {
    lines.push('## Summary');
    lines.push('');
    lines.push(summaryMarkdown(report));
    lines.push('✅/❌: the reference targets of issue 6 (at 1,000: load ≤ 2x JSON.parse, first render ≤ 1.5x, drag p95 ≤ 1.2x the baseline; at 5,000: drag p95 < 50 ms).');
    lines.push('');
  }
  for (const size of report.sizes) {
    const w = size.workspace;
    lines.push(
      `## ${size.size.toLocaleString('en-US')} stakeholders (${w.relationships.toLocaleString('en-US')} relationships, ${w.painPoints.toLocaleString('en-US')} pain points, ${w.solutions.toLocaleString('en-US')} solutions; ${(w.bytes / 1024 ** 2).toFixed(2)} MB)`,
    );
    lines.push('');
    lines.push(`Measured ${size.measuredAt}, ${size.runs} runs per target; load average at start ${size.loadAverageAtStart.join(', ')}.`);
    lines.push('');
    lines.push('| Metric | Ours median | Ours p95 | Baseline median | Baseline p95 | Ours / baseline | Target |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const metric of size.metrics) {
      const unit = metric.unit === 'count' || metric.unit === '/s' ? '' : ` (${metric.unit})`;
      lines.push(
        `| ${metric.label}${unit} | ${fmt(metric.ours.median, metric.unit)} | ${fmt(metric.ours.p95, metric.unit)} | ${fmt(metric.baseline?.median ?? null, metric.unit)} | ${fmt(metric.baseline?.p95 ?? null, metric.unit)} | ${metric.ratio === null ? '–' : `${metric.ratio.toFixed(2)}x`} | ${targetFor(size.size, metric)} |`,
      );
    }
    lines.push('');
    lines.push('Main-thread time by kind during each interaction (CDP Performance metrics, medians, ms):');
    lines.push('');
    lines.push('| Interaction | Ours: task / script / layout / style | Baseline: task / script / layout / style |');
    lines.push('| --- | --- | --- |');
    for (const [name, values] of Object.entries(size.cpu)) {
      const row = (v: Record<string, number | null>) => ['taskMs', 'scriptMs', 'layoutMs', 'styleMs'].map((k) => fmt(v[k] ?? null, 'ms')).join(' / ');
      lines.push(`| ${name} | ${row(values.ours)} | ${row(values.baseline)} |`);
    }
    lines.push('');
    if (size.warnings.length > 0) {
      lines.push(`Warnings: ${size.warnings.map((w) => `\`${w.replace(/`/g, "'").slice(0, 200)}\``).join('; ')}`);
      lines.push('');
    }
  }
  if (report.hostile) lines.push(hostileMarkdown(report.hostile));
  if (report.warnings.length > 0) {
    lines.push(`Run warnings: ${report.warnings.join('; ')}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
