import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from '../tests/e2e/harness/paths';
import { DEFAULT_SEED } from './generate-workspace';
import { buildPageBundles } from './lib/bundles';
import { hostileMarkdown, HOSTILE_CASES, runHostileBench, type HostileOptions, type HostileReport, type ZodMode } from './lib/hostile';
import { describeMachine } from './lib/machine';
import { DEVICE_SCALE_FACTOR, VIEWPORT } from './lib/pages';
import { REPO_ROOT, RESULTS_DIR } from './lib/paths';
import { summarizeSize, toMarkdown, type BenchReport, type SizeResult } from './lib/report';
import { measureAppCanvas, runLoad, runTarget, type LoadRun, type TargetRun } from './lib/scenarios';
import { buildPages, prepareInput, withBrowser } from './lib/setup';

/*
 * npm run bench [-- --quick | --sizes=100,1000,5000 --runs=5 --exports-at=1000 --no-build --out=bench/results]
 * npm run bench -- --only=hostile   (or npm run bench:hostile): only the hostile-files section, see lib/hostile.ts
 *
 * Builds the app (production, into dist/bench/app) and the baseline page (dist/bench/baseline), generates seeded
 * workspaces, then measures our app against a bare React Flow page in Chromium with interleaved runs (app,
 * baseline, app, baseline …), each in a fresh browser. Writes bench/results/latest.{json,md}, kept in git, and a
 * timestamped copy for comparing runs locally, which git ignores. See bench/README.md for what each number means.
 * Not part of `npm test`: no thresholds fail anything.
 */

interface Options {
  sizes: number[];
  runs: number;
  exportsAt: number | null;
  build: boolean;
  /** Keep the other sizes of the existing latest.json (measure one size again, or add one). */
  append: boolean;
  out: string;
  seed: number;
  /** Sizes above this run the app only: the bare React Flow page at 10,000 takes over 20 minutes a run here. */
  baselineUpTo: number;
  /** `hostile`: measure only the hostile-files section and put it into the existing latest.{json,md}. */
  only: 'hostile' | null;
  /** Options of the hostile-files section; null with --no-hostile. */
  hostile: HostileOptions | null;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const flag = (name: string) => argv.includes(`--${name}`);
  if (flag('help')) {
    console.log(
      'npm run bench -- [--quick] [--sizes=100,1000,5000] [--runs=5] [--exports-at=1000|none] [--no-build] [--append] [--render-only] [--out=bench/results] [--seed=N] [--baseline-up-to=5000]\n' +
        '                 [--only=hostile] [--no-hostile] [--hostile-runs=N] [--hostile-modes=jit,jitless] [--hostile-cases=key,…] [--hostile-timeout=seconds] [--hostile-heap-mb=N]\n' +
        `hostile cases: ${HOSTILE_CASES.map((c) => c.key).join(', ')}`,
    );
    process.exit(0);
  }
  // --quick: the check to run after every performance-relevant change, under 10 minutes on a 2-core machine (100
  // and 1,000 stakeholders, 3 runs, exports at 100, no hostile files). Options given with it still win.
  const quick = flag('quick');
  const sizes = (value('sizes') ?? (quick ? '100,1000' : '100,1000,5000')).split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((s) => !Number.isInteger(s) || s < 10)) throw new Error(`--sizes takes whole numbers of 10 or more, e.g. --sizes=100,1000`);
  const runs = Number(value('runs') ?? (quick ? 3 : 5));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of 1 or more');
  const exportsArg = value('exports-at') ?? (quick ? '100' : '1000');
  const only = value('only') ?? null;
  if (only !== null && only !== 'hostile') throw new Error('--only takes "hostile"');
  const modes = (value('hostile-modes') ?? 'jit,jitless').split(',').map((m) => m.trim()) as ZodMode[];
  if (modes.some((m) => m !== 'jit' && m !== 'jitless')) throw new Error('--hostile-modes takes jit, jitless or both');
  const hostileRuns = Number(value('hostile-runs') ?? runs);
  const timeoutSeconds = Number(value('hostile-timeout') ?? 300);
  const heapLimitMB = Number(value('hostile-heap-mb') ?? 4096);
  for (const [name, n] of [['hostile-runs', hostileRuns], ['hostile-timeout', timeoutSeconds], ['hostile-heap-mb', heapLimitMB]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number of 1 or more`);
  }
  const seed = value('seed') ? Number(value('seed')) : DEFAULT_SEED;
  return {
    sizes,
    runs,
    exportsAt: exportsArg === 'none' ? null : Number(exportsArg),
    build: !flag('no-build'),
    append: flag('append'),
    out: path.resolve(REPO_ROOT, value('out') ?? RESULTS_DIR),
    seed,
    baselineUpTo: Number(value('baseline-up-to') ?? 5000),
    only,
    hostile:
      (flag('no-hostile') || (quick && !value('hostile-runs'))) && only !== 'hostile'
        ? null
        : { runs: hostileRuns, modes, timeoutSeconds, heapLimitMB, seed, cases: value('hostile-cases')?.split(',').filter(Boolean) ?? [] },
  };
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v.toFixed(0)} ms`);

function describeRun(r: TargetRun): string {
  return (
    `render ${ms(r.render.painted)}, select ${r.select.map(ms).join('/')}, drag p95 ${ms(r.drag?.frames.p95)}, ` +
    `10% drag p95 ${ms(r.dragSelection?.frames.p95)} (${r.selection?.selected ?? 0} selected), pan p95 ${ms(r.panZoom?.frames.p95)}` +
    (r.exports ? `, png ${ms(r.exports.pngMs)}, pdf ${ms(r.exports.pdfTotalMs)}` : '') +
    (r.warnings.length ? ` [${r.warnings.length} warning(s)]` : '')
  );
}

/** The commit measured, and whether the working tree had changes on top of it. */
function gitState(): { commit: string | null; uncommittedFiles: number | null } {
  const git = (args: string[]) => spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
  const head = git(['rev-parse', 'HEAD']);
  const status = git(['status', '--porcelain']);
  return {
    commit: head.status === 0 ? head.stdout.trim() : null,
    uncommittedFiles: status.status === 0 ? status.stdout.split('\n').filter(Boolean).length : null,
  };
}

/** --render-only: rewrite latest.md from latest.json (after changing the report's format). */
function renderOnly(out: string): void {
  const report = JSON.parse(readFileSync(path.join(out, 'latest.json'), 'utf8')) as BenchReport;
  writeFileSync(path.join(out, 'latest.md'), toMarkdown(report));
  console.log(toMarkdown(report));
}

/**
 * --only=hostile: measures the hostile-files section alone and puts it into latest.json and latest.md, keeping
 * every browser figure already there. No timestamped copy: only the latest summary is kept (issue 12).
 */
function hostileOnly(options: Options, hostileOptions: HostileOptions): void {
  const hostile = runHostileBench(hostileOptions);
  const latest = path.join(options.out, 'latest.json');
  const previous: BenchReport | null = existsSync(latest) ? (JSON.parse(readFileSync(latest, 'utf8')) as BenchReport) : null;
  const report: BenchReport = previous
    ? { ...previous, hostile }
    : { generatedAt: hostile.measuredAt, machine: describeMachine('Chromium not used'), config: { only: 'hostile', git: gitState() }, sizes: [], warnings: [], hostile };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(latest, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(options.out, 'latest.md'), toMarkdown(report));
  console.log(`\n${hostileMarkdown(hostile)}`);
  console.log(`Wrote the hostile-files section into ${path.relative(REPO_ROOT, latest)} and latest.md in ${hostile.durationSeconds} s.`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (process.argv.includes('--render-only')) {
    renderOnly(options.out);
    return;
  }
  if (options.only === 'hostile') {
    hostileOnly(options, options.hostile!);
    return;
  }
  const started = Date.now();
  buildPages(options.build);
  const bundles = await buildPageBundles();
  const launch = chromiumLaunchOptions();
  const browserVersion = await withBrowser(async (browser) => browser.version());
  const machine = describeMachine(`Chromium ${browserVersion}`);
  console.log(`${machine.cpuModel}, ${machine.logicalCores} cores, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}; Chromium ${browserVersion}`);

  // Where the app's canvas is (the baseline's canvas goes to the same place, the same size).
  const calibration = prepareInput(100, options.seed, { left: 0, top: 0, width: VIEWPORT.width, height: VIEWPORT.height });
  const measured = await withBrowser((browser) => measureAppCanvas(browser, bundles, { ...calibration.input, size: 100 }));
  const canvas = measured.canvas;
  console.log(`App canvas: ${Math.round(canvas.width)}×${Math.round(canvas.height)} at (${Math.round(canvas.left)}, ${Math.round(canvas.top)})`);
  const warnings: string[] = [];
  if (measured.unknownChannels.length > 0) warnings.push(`fake host answered unknown channels with defaults: ${measured.unknownChannels.join(', ')}`);

  const sizes: SizeResult[] = [];
  for (const size of options.sizes) {
    const sizeStarted = new Date().toISOString();
    const sizeLoad = os.loadavg().map((v) => Math.round(v * 100) / 100);
    const { input, workspace } = prepareInput(size, options.seed, canvas);
    console.log(`\n${size} stakeholders: ${(workspace.bytes / 1024 ** 2).toFixed(2)} MB, ${workspace.relationships} relationships; selection block ${input.block.ids.length} nodes at zoom ${input.block.zoom}`);
    const load: LoadRun[] = [];
    for (let i = 1; i <= options.runs; i++) {
      const result = await withBrowser((browser) => runLoad(browser, bundles, input.text, i));
      load.push(result);
      console.log(
        `  load run ${i}: parseWorkspace ${result.parseWorkspaceMs.toFixed(1)} ms vs JSON.parse ${result.jsonParseMs.toFixed(1)} ms; derive ${result.deriveMs.toFixed(1)} ms; serialize ${result.serializeMs.toFixed(1)} ms vs stringify ${result.stringifyMs.toFixed(1)} ms`,
      );
    }
    const app: TargetRun[] = [];
    const baseline: TargetRun[] = [];
    const withExports = options.exportsAt === size;
    for (let i = 1; i <= options.runs; i++) {
      for (const target of size > options.baselineUpTo ? (['app'] as const) : (['app', 'baseline'] as const)) {
        const t = Date.now();
        let result: TargetRun;
        try {
          result = await withBrowser((browser) => runTarget(browser, target, input, i, { bundles, canvas, withExports }));
        } catch (error) {
          // One crashed run (a page killed under memory pressure, say) must not throw away the others.
          const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
          console.log(`  ${target.padEnd(8)} run ${i}: FAILED after ${((Date.now() - t) / 1000).toFixed(0)} s: ${message}`);
          warnings.push(`${size} stakeholders, ${target} run ${i} failed: ${message}`);
          continue;
        }
        (target === 'app' ? app : baseline).push(result);
        console.log(`  ${target.padEnd(8)} run ${i}: ${describeRun(result)} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
        for (const w of result.warnings) console.log(`      ! ${w}`);
      }
    }
    sizes.push(summarizeSize({ measuredAt: sizeStarted, runs: options.runs, loadAverageAtStart: sizeLoad }, size, workspace, app, baseline, load));
  }

  // After the browser runs, so the two never compete for the machine's cores.
  let hostile: HostileReport | undefined = options.hostile ? runHostileBench(options.hostile) : undefined;

  if (options.append && existsSync(path.join(options.out, 'latest.json'))) {
    const previous = JSON.parse(readFileSync(path.join(options.out, 'latest.json'), 'utf8')) as BenchReport;
    hostile ??= previous.hostile;
    const measuredNow = new Set(sizes.map((s) => s.size));
    sizes.push(...previous.sizes.filter((s) => !measuredNow.has(s.size)));
    sizes.sort((a, b) => a.size - b.size);
    if (previous.warnings.length) warnings.push(...previous.warnings.filter((w) => !warnings.includes(w)));
  }

  const durationSeconds = Math.round((Date.now() - started) / 1000);
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    machine,
    config: {
      sizes: sizes.map((s) => s.size),
      runs: options.runs,
      seed: options.seed,
      exportsAt: options.exportsAt,
      viewport: `${VIEWPORT.width}×${VIEWPORT.height}`,
      deviceScaleFactor: DEVICE_SCALE_FACTOR,
      browser: browserVersion,
      launchOptions: launch,
      canvas,
      git: gitState(),
      durationSeconds,
    },
    sizes,
    warnings,
    ...(hostile ? { hostile } : {}),
  };
  mkdirSync(options.out, { recursive: true });
  const stamp = report.generatedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = toMarkdown(report);
  writeFileSync(path.join(options.out, 'latest.json'), json);
  writeFileSync(path.join(options.out, 'latest.md'), markdown);
  writeFileSync(path.join(options.out, `${stamp}.json`), json);
  writeFileSync(path.join(options.out, `${stamp}.md`), markdown);
  console.log(`\n${markdown}`);
  console.log(`Wrote ${path.relative(REPO_ROOT, path.join(options.out, 'latest.md'))} and latest.json in ${durationSeconds} s (and ${stamp}.json, .md for comparing runs here; git ignores them).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
