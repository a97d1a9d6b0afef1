import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from './generate-workspace';
import { buildPageBundles } from './lib/bundles';
import { APP_DIST, APP_ORIGIN, BASELINE_DIST, BASELINE_ORIGIN, REPO_ROOT, WORKSPACES_DIR } from './lib/paths';
import { newBenchContext, openBlankPage } from './lib/pages';
import { measureAppCanvas, runTarget, type ProfilePhase } from './lib/scenarios';
import { buildPages, prepareInput, withBrowser } from './lib/setup';

/*
 * npm run bench:profile -- --size=1000 --target=app --phase=drag [--no-build] [--top=40] [--trace]
 *
 * One run of one target with a CPU profile (CDP Profiler, 200 µs sampling) of one phase: render, select, drag,
 * panZoom or selectionDrag; or --phase=load: parseWorkspace, cold, in a blank page (the load bench, unminified). Saves the .cpuprofile (open it in Chrome DevTools > Performance) under
 * bench/tmp/profiles and prints where the time went: self time by function and by source file, mapped back to
 * the sources through the production build's source maps (so minified names read as written).
 * With --trace, the phase is recorded with Chromium's tracing instead (the events DevTools' Performance panel
 * shows) and the report gives self time by event and thread: style recalculation, layout, paint, raster and
 * script, which a CPU profile shows only as "(program)". The trace is saved too (open it in DevTools).
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time (ms) by thread and event name: each complete event's duration less that of the events inside it. */
export function summarizeTrace(events: readonly TraceEvent[], top: number): string {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  // Threads of one kind (the raster workers, say) are added up under one name.
  const selfByGroup = new Map<string, Map<string, number>>();
  for (const [key, list] of byThread) {
    const group = (threadNames.get(key) ?? `thread ${key}`).replace(/\d+$/, '');
    const self = selfByGroup.get(group) ?? new Map<string, number>();
    selfByGroup.set(group, self);
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const open: Array<{ event: TraceEvent; end: number; children: number }> = [];
    const close = (upTo: number) => {
      while (open.length > 0 && open[open.length - 1]!.end <= upTo) {
        const done = open.pop()!;
        self.set(done.event.name, (self.get(done.event.name) ?? 0) + ((done.event.dur ?? 0) - done.children) / 1000);
      }
    };
    for (const event of list) {
      close(event.ts);
      const parent = open[open.length - 1];
      if (parent) parent.children += event.dur ?? 0;
      open.push({ event, end: event.ts + (event.dur ?? 0), children: 0 });
    }
    close(Number.POSITIVE_INFINITY);
  }
  const sections = [...selfByGroup.entries()]
    .map(([group, self]) => ({ group, self, total: [...self.values()].reduce((a, b) => a + b, 0) }))
    .filter((s) => s.total >= 1)
    .sort((a, b) => b.total - a.total)
    .map(({ group, self, total }) => {
      const rows = [...self.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, ms]) => `${ms.toFixed(1).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
      return `${group}: ${total.toFixed(0)} ms of events\n${rows.join('\n')}`;
    });
  return `Trace: self time by thread and event (RunTask's own time is work no finer event names)\n\n${sections.join('\n\n')}\n`;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

type Consumer = { originalPositionFor(pos: { line: number; column: number }): { source: string | null; line: number | null; name: string | null } };

async function loadConsumers(): Promise<(url: string) => Consumer | null> {
  // source-map-js comes with Vite (through PostCSS); without it the report shows minified names.
  let SourceMapConsumer: (new (map: unknown) => Consumer) | null = null;
  try {
    ({ SourceMapConsumer } = (await import('source-map-js')) as unknown as { SourceMapConsumer: new (map: unknown) => Consumer });
  } catch {
    console.warn('source-map-js not found: names stay minified.');
  }
  const cache = new Map<string, Consumer | null>();
  return (url: string) => {
    if (!SourceMapConsumer) return null;
    if (cache.has(url)) return cache.get(url)!;
    let consumer: Consumer | null = null;
    const root = url.startsWith(`${APP_ORIGIN}/`) ? APP_DIST : url.startsWith(`${BASELINE_ORIGIN}/`) ? BASELINE_DIST : null;
    if (root) {
      try {
        const file = path.join(root, new URL(url).pathname);
        consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        consumer = null;
      }
    }
    cache.set(url, consumer);
    return consumer;
  };
}

function shortSource(source: string): string {
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/^webpack:\/\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  return nm >= 0 ? clean.slice(nm + 'node_modules/'.length) : clean;
}

/** Self time (ms) by function and by file, from merged profiles. */
async function summarize(profiles: CpuProfile[], top: number): Promise<string> {
  const consumerFor = await loadConsumers();
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    for (const node of profile.nodes) {
      const ms = self.get(node.id) ?? 0;
      if (ms === 0) continue;
      total += ms;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      let file = url ? url.replace(/^https?:\/\/[^/]+\//, '') : `(${functionName || 'native'})`;
      let name = functionName || '(anonymous)';
      const consumer = url ? consumerFor(url) : null;
      if (consumer) {
        const original = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
        if (original.source) {
          file = shortSource(original.source);
          name = `${original.name ?? name} (${file}:${original.line})`;
        }
      } else if (url) {
        name = `${name} (${file}:${lineNumber + 1})`;
      }
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      const group = file.startsWith('@') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0] === file ? file : file;
      byFile.set(group, (byFile.get(group) ?? 0) + ms);
    }
  }
  const table = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(1).padStart(9)} ms ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `Sampled ${total.toFixed(0)} ms in total.\n\nSelf time by function:\n${table(byFunction, top)}\n\nSelf time by source file:\n${table(byFile, top)}\n`;
}

/** CPU profile of the first (cold) parseWorkspace of the generated workspace in a fresh blank page. */
async function profileLoad(size: number, top: number): Promise<void> {
  const bundles = await buildPageBundles(false);
  const { input } = prepareInput(size, DEFAULT_SEED, { left: 0, top: 0, width: 1280, height: 720 });
  const profile = await withBrowser(async (browser) => {
    const context = await newBenchContext(browser, []);
    const { page, cdp } = await openBlankPage(context);
    await page.evaluate(bundles.load);
    await page.evaluate((t) => (window as unknown as { __benchLoad: { setText(t: string): number } }).__benchLoad.setText(t), input.text);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const result = await page.evaluate(() => (window as unknown as { __benchLoad: { parseWorkspace(): { ms: number } } }).__benchLoad.parseWorkspace());
    const { profile: recorded } = await cdp.send('Profiler.stop');
    console.log(`parseWorkspace (cold): ${result.ms.toFixed(1)} ms`);
    await context.close();
    return recorded as unknown as CpuProfile;
  });
  const dir = path.join(WORKSPACES_DIR, 'profiles');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `load-${size}.cpuprofile`), JSON.stringify(profile));
  console.log(await summarize([profile], top));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const size = Number(value('size') ?? 1000);
  const target = (value('target') ?? 'app') as 'app' | 'baseline';
  const phase = (value('phase') ?? 'drag') as ProfilePhase;
  const top = Number(value('top') ?? 40);
  const existing = value('from');
  if (existing) {
    console.log(await summarize([JSON.parse(readFileSync(existing, 'utf8')) as CpuProfile], top));
    return;
  }
  if ((phase as string) === 'load') {
    await profileLoad(size, top);
    return;
  }
  buildPages(!argv.includes('--no-build'));
  const bundles = await buildPageBundles();
  const calibration = prepareInput(100, DEFAULT_SEED, { left: 0, top: 0, width: 1280, height: 720 });
  const { canvas } = await withBrowser((browser) => measureAppCanvas(browser, bundles, { ...calibration.input, size: 100 }));
  const { input } = prepareInput(size, DEFAULT_SEED, canvas);
  const trace = argv.includes('--trace');
  const profiles: CpuProfile[] = [];
  const traces: TraceEvent[][] = [];
  await withBrowser((browser) =>
    runTarget(browser, target, input, 1, {
      bundles,
      canvas,
      withExports: false,
      skipSelection: phase !== 'selectionDrag',
      profile: { phase, trace, save: (p) => (trace ? traces.push(p as TraceEvent[]) : profiles.push(p as CpuProfile)) },
    }),
  );
  const dir = path.join(WORKSPACES_DIR, 'profiles');
  mkdirSync(dir, { recursive: true });
  if (trace) {
    traces.forEach((events, i) => writeFileSync(path.join(dir, `${target}-${size}-${phase}-${i + 1}.trace.json`), JSON.stringify({ traceEvents: events })));
    console.log(`Saved ${traces.length} trace(s) in ${path.relative(REPO_ROOT, dir)}\n`);
    for (const events of traces) console.log(summarizeTrace(events, top));
    return;
  }
  profiles.forEach((p, i) => writeFileSync(path.join(dir, `${target}-${size}-${phase}-${i + 1}.cpuprofile`), JSON.stringify(p)));
  console.log(`Saved ${profiles.length} profile(s) in ${path.relative(REPO_ROOT, dir)}\n`);
  console.log(await summarize(profiles, top));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
