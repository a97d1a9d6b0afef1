import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspaceText } from '../generate-workspace';
import type { HostileChildResult } from './hostile-child';
import { REPO_ROOT, WORKSPACES_DIR } from './paths';
import { round, summarize, type Summary } from './stats';

/*
 * The hostile-files section of `npm run bench` (issue 11: "refusing a hostile file must cost about what opening
 * a valid file of that size costs"). Each hostile file of the issue's audit is timed through parseWorkspace
 * against a valid workspace of about the same number of bytes (bench/generate-workspace.ts, the stakeholder count
 * scaled to match), in interleaved runs (hostile, valid, then valid, hostile …), each measurement in a fresh
 * Node process (bench/lib/hostile-child.ts) so that one case's gigabytes or crash never reach the next. Reported:
 * medians of the time and of the peak memory the parse added, and hostile / valid of each.
 *
 * Two zod modes: `jit` as in Node (main, or a worker), `jitless` as in the renderer under its CSP.
 */

export type ZodMode = 'jit' | 'jitless';

export interface HostileOptions {
  readonly runs: number;
  readonly modes: readonly ZodMode[];
  /** A measurement that takes longer is killed and reported as timed out. */
  readonly timeoutSeconds: number;
  /** V8's old-space limit for each measurement, MB: about what an Electron process gets. */
  readonly heapLimitMB: number;
  readonly seed: number;
  /** Only the cases whose key contains one of these (all when empty). */
  readonly cases?: readonly string[];
}

/** What one measurement gave: the child's figures, or why there are none. */
export type HostileRun =
  | ({ readonly kind: 'measured' } & HostileChildResult)
  | { readonly kind: 'crashed'; readonly reason: string; readonly wallMs: number }
  | { readonly kind: 'timedOut'; readonly wallMs: number };

export interface HostileSide {
  readonly bytes: number;
  readonly runs: HostileRun[];
  readonly ms: Summary;
  readonly peakRssDeltaMB: Summary;
  readonly heapGrowthMB: Summary;
  readonly retainedHeapMB: Summary;
  /** What parseWorkspace did, in words ("refused (invalid): …", "threw RangeError: …"); several if runs differed. */
  readonly outcome: string;
}

export interface HostileCaseResult {
  readonly key: string;
  readonly label: string;
  readonly mode: ZodMode;
  readonly hostile: HostileSide;
  readonly valid: HostileSide & { readonly stakeholders: number };
  /** Hostile / valid, of the medians. */
  readonly timeRatio: number | null;
  /**
   * Hostile / valid of the peak RSS rise; null when the valid file's is under 1 MB (a small valid file fits in the
   * memory the process already has, so its rise is 0 and the ratio would be noise).
   */
  readonly peakMemoryRatio: number | null;
}

export interface HostileReport {
  readonly measuredAt: string;
  readonly runs: number;
  readonly modes: readonly ZodMode[];
  readonly timeoutSeconds: number;
  readonly heapLimitMB: number;
  readonly node: string;
  readonly loadAverageAtStart: readonly number[];
  readonly durationSeconds: number;
  readonly cases: HostileCaseResult[];
}

interface HostileCase {
  readonly key: string;
  readonly label: string;
  readonly text: () => string;
}

const list = (item: string, count: number) => `[${`${item},`.repeat(count - 1)}${item}]`;
const workspace = (members: string) => `{"format":"stakemap","version":1,${members}}`;

/** The reproductions of issue 11 (defects 1 and 2), and one size between them, written compactly as an attacker would. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  { key: 'stakeholders-50k-empty', label: '50,000 {} in stakeholders', text: () => workspace(`"stakeholders":${list('{}', 50_000)}`) },
  { key: 'stakeholders-200k-empty', label: '200,000 {} in stakeholders', text: () => workspace(`"stakeholders":${list('{}', 200_000)}`) },
  { key: 'stakeholders-1m-empty', label: '1,000,000 {} in stakeholders', text: () => workspace(`"stakeholders":${list('{}', 1_000_000)}`) },
  { key: 'relationships-1m-numbers', label: '1,000,000 numbers in relationships', text: () => workspace(`"relationships":${list('1', 1_000_000)}`) },
  {
    key: 'quotes-130k-numbers',
    label: 'a pain point with 130,000 numeric quotes',
    text: () => workspace(`"painPoints":[{"id":"p-1","title":"Quotes","quotes":${list('1', 130_000)}}]`),
  },
  {
    key: 'addresses-125k-numbers',
    label: 'a solution with 125,000 bad addresses (numbers)',
    text: () => workspace(`"solutions":[{"id":"x-1","title":"Addresses","addresses":${list('1', 125_000)}}]`),
  },
];

const CHILD = fileURLToPath(new URL('./hostile-child.ts', import.meta.url));
const HOSTILE_DIR = path.join(WORKSPACES_DIR, 'hostile');
const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** A valid generated workspace of about `bytes` bytes (within 2 %): the stakeholder count is scaled to the size. */
export function validWorkspaceOfSize(bytes: number, seed: number): { text: string; stakeholders: number } {
  let stakeholders = Math.max(1, Math.round(bytes / (utf8Length(generateWorkspaceText({ stakeholders: 200, seed })) / 200)));
  let text = generateWorkspaceText({ stakeholders, seed });
  for (let attempt = 0; attempt < 4 && Math.abs(utf8Length(text) - bytes) / bytes > 0.02; attempt++) {
    stakeholders = Math.max(1, Math.round((stakeholders * bytes) / utf8Length(text)));
    text = generateWorkspaceText({ stakeholders, seed });
  }
  return { text, stakeholders };
}

function measure(file: string, mode: ZodMode, options: HostileOptions): HostileRun {
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--expose-gc', `--max-old-space-size=${options.heapLimitMB}`, '--import', 'tsx', CHILD, file, mode], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: options.timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 16 * 1024 * 1024,
  });
  const wallMs = Date.now() - started;
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { kind: 'timedOut', wallMs };
  const line = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.status === 0 && line.startsWith('{')) return { kind: 'measured', ...(JSON.parse(line) as HostileChildResult) };
  // Out of memory, killed, or an error before the parse: the last line of stderr says which.
  const stderr = (child.stderr ?? '').trim().split('\n').filter(Boolean);
  const why = stderr.find((l) => /heap out of memory|Allocation failed/i.test(l)) ?? stderr.pop() ?? child.error?.message ?? '';
  return { kind: 'crashed', reason: `exit ${child.status ?? child.signal}: ${why.slice(0, 200)}`, wallMs };
}

function describeRun(run: HostileRun): string {
  switch (run.kind) {
    case 'timedOut':
      return `timed out after ${(run.wallMs / 1000).toFixed(0)} s`;
    case 'crashed':
      return `crashed (${run.reason})`;
    default: {
      const o = run.outcome;
      if (o.kind === 'opened') return `opened (${o.stakeholders.toLocaleString('en-US')} stakeholders)`;
      if (o.kind === 'refused') return `refused (${o.errorKind}): ${o.summary.replace(/“hostile\.stakemap” /, '')}`;
      return `threw ${o.name}: ${o.message}`;
    }
  }
}

function side(bytes: number, runs: HostileRun[]): HostileSide {
  const measured = runs.filter((r): r is Extract<HostileRun, { kind: 'measured' }> => r.kind === 'measured');
  // Runs that did not finish count as missing figures, and say so in the outcome.
  const outcomes = [...new Set(runs.map(describeRun))];
  return {
    bytes,
    runs,
    ms: summarize(runs.map((r) => (r.kind === 'measured' ? r.ms : null))),
    peakRssDeltaMB: summarize(measured.map((r) => r.peakRssDeltaMB)),
    heapGrowthMB: summarize(measured.map((r) => r.heapGrowthMB)),
    retainedHeapMB: summarize(measured.map((r) => r.retainedHeapMB)),
    outcome: outcomes.join(' / '),
  };
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? null : round(a / b, 2));

/** Runs the hostile-files section; logs each measurement as it goes. */
export function runHostileBench(options: HostileOptions): HostileReport {
  const started = Date.now();
  const measuredAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg().map((v) => round(v));
  mkdirSync(HOSTILE_DIR, { recursive: true });
  const chosen = HOSTILE_CASES.filter((c) => !options.cases?.length || options.cases.some((k) => c.key.includes(k)));
  const prepared = chosen.map((c) => {
    const text = c.text();
    const hostileFile = path.join(HOSTILE_DIR, `${c.key}.stakemap`);
    writeFileSync(hostileFile, text);
    const bytes = utf8Length(text);
    const valid = validWorkspaceOfSize(bytes, options.seed);
    const validFile = path.join(HOSTILE_DIR, `${c.key}-valid-${valid.stakeholders}.stakemap`);
    writeFileSync(validFile, valid.text);
    return { ...c, bytes, hostileFile, validFile, validBytes: utf8Length(valid.text), stakeholders: valid.stakeholders };
  });

  const cases: HostileCaseResult[] = [];
  for (const mode of options.modes) {
    for (const c of prepared) {
      console.log(`\nHostile: ${c.label} (${(c.bytes / 1024).toFixed(0)} KB) vs a valid workspace of ${c.stakeholders.toLocaleString('en-US')} stakeholders (${(c.validBytes / 1024).toFixed(0)} KB), zod ${mode}`);
      const hostileRuns: HostileRun[] = [];
      const validRuns: HostileRun[] = [];
      for (let i = 1; i <= options.runs; i++) {
        // Interleaved, and the order alternates, so a slow moment on the machine hits both sides alike.
        const order = i % 2 === 1 ? (['hostile', 'valid'] as const) : (['valid', 'hostile'] as const);
        for (const which of order) {
          const run = measure(which === 'hostile' ? c.hostileFile : c.validFile, mode, options);
          (which === 'hostile' ? hostileRuns : validRuns).push(run);
          const figures = run.kind === 'measured' ? `${run.ms.toFixed(1)} ms, peak +${run.peakRssDeltaMB.toFixed(0)} MB; ` : '';
          console.log(`  run ${i} ${which.padEnd(7)} ${figures}${describeRun(run).slice(0, 140)}`);
        }
      }
      const hostile = side(c.bytes, hostileRuns);
      const valid = { ...side(c.validBytes, validRuns), stakeholders: c.stakeholders };
      cases.push({
        key: c.key,
        label: c.label,
        mode,
        hostile,
        valid,
        timeRatio: ratio(hostile.ms.median, valid.ms.median),
        peakMemoryRatio: (valid.peakRssDeltaMB.median ?? 0) < 1 ? null : ratio(hostile.peakRssDeltaMB.median, valid.peakRssDeltaMB.median),
      });
    }
  }
  return {
    measuredAt,
    runs: options.runs,
    modes: options.modes,
    timeoutSeconds: options.timeoutSeconds,
    heapLimitMB: options.heapLimitMB,
    node: process.version,
    loadAverageAtStart,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    cases,
  };
}

// ----- Markdown --------------------------------------------------------------------------------------------------

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 ** 2).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} KB`);
const msText = (v: number | null) => (v === null ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const mbText = (v: number | null) => (v === null ? '–' : v >= 10 ? v.toFixed(0) : v.toFixed(1));
const ratioText = (v: number | null) => (v === null ? '–' : `${v.toFixed(2)}x`);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function hostileMarkdown(report: HostileReport): string {
  const lines: string[] = [];
  lines.push('## Hostile files: refusing one vs opening a valid file of the same size');
  lines.push('');
  lines.push(
    `Measured ${report.measuredAt} on Node ${report.node}, ${report.runs} interleaved runs per side, each in a fresh process (old space limited to ${report.heapLimitMB.toLocaleString('en-US')} MB, killed after ${report.timeoutSeconds} s); ` +
      `load average at start ${report.loadAverageAtStart.join(', ')}; ${report.durationSeconds} s in all. Time: parseWorkspace only (the text already read), after warm-up parses of the sample workspace and of a small invalid file. ` +
      'Peak memory: the rise of the process\'s max RSS during the parse (0 when the parse fit in memory the process already had; no memory ratio then). Ratio: hostile / valid, of the medians (issue 11: refusing a hostile file must cost about what opening a valid file of that size costs). ' +
      'zod `jit` is Node (main process, worker); `jitless` is the renderer under its CSP. What each number means: bench/README.md.',
  );
  lines.push('');
  lines.push('| Hostile file | Size | zod | What parseWorkspace did | Hostile median (ms) | Valid file of the same size | Valid median (ms) | Time ratio | Peak memory rise, hostile / valid (MB) | Memory ratio |');
  lines.push('| --- | ---: | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const c of report.cases) {
    lines.push(
      `| ${c.label} | ${kb(c.hostile.bytes)} | ${c.mode} | ${cell(c.hostile.outcome.slice(0, 160))} | ${msText(c.hostile.ms.median)} | ${c.valid.stakeholders.toLocaleString('en-US')} stakeholders, ${kb(c.valid.bytes)} | ${msText(c.valid.ms.median)} | ${ratioText(c.timeRatio)} | ${mbText(c.hostile.peakRssDeltaMB.median)} / ${mbText(c.valid.peakRssDeltaMB.median)} | ${ratioText(c.peakMemoryRatio)} |`,
    );
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}
