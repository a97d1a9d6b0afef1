import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * One measurement of the hostile-files benchmark (bench/lib/hostile.ts), in a process of its own:
 *
 *   node --expose-gc --import tsx bench/lib/hostile-child.ts <file> <jit|jitless>
 *
 * A fresh process per measurement, because a hostile file that takes gigabytes would otherwise leave its heap
 * (and its high-water mark) to the next case, and one that crashes the process would end the whole benchmark.
 * Prints one line of JSON (HostileChildResult) on stdout.
 */

export interface HostileChildResult {
  /** Time inside parseWorkspace, whether it returned or threw. */
  readonly ms: number;
  readonly outcome:
    | { readonly kind: 'opened'; readonly stakeholders: number }
    | { readonly kind: 'refused'; readonly errorKind: string; readonly summary: string }
    | { readonly kind: 'threw'; readonly name: string; readonly message: string };
  /** Rise of the process's peak resident memory during the parse (max RSS after minus max RSS before), MB. */
  readonly peakRssDeltaMB: number;
  /** The process's peak resident memory, MB. */
  readonly maxRssMB: number;
  /** Growth of V8's heap (heapTotal, what it reserved to hold the parse's objects) from before to just after, MB. */
  readonly heapGrowthMB: number;
  /** Heap still in use after the parse and two full GCs, with the result held, minus before, MB. */
  readonly retainedHeapMB: number;
}

const SAMPLE = fileURLToPath(new URL('../../shared/sample/organising-for-social.stakemap', import.meta.url));
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2);
  if (!file || (mode !== 'jit' && mode !== 'jitless')) throw new Error('usage: hostile-child.ts <file> <jit|jitless>');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  if (mode === 'jitless') {
    // As the renderer runs zod under its CSP (renderer/src/zod-jitless.ts), before any schema is used.
    const { z } = await import('zod');
    z.config({ jitless: true });
  }
  const { parseWorkspace } = await import('../../shared/document/parse');
  const { describeLoadError } = await import('../../shared/document/describe-load');
  // An app that has opened files already, a good one and a bad one: module initialization and the first-call
  // compilation of both the valid and the error path are not counted against either side.
  parseWorkspace(readFileSync(SAMPLE, 'utf8'));
  parseWorkspace('{"format":"stakemap","version":1,"stakeholders":[{},1],"painPoints":[{"id":"p","title":"t","quotes":[1]}]}');
  const text = readFileSync(file, 'utf8');

  gc();
  gc();
  const heapBefore = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS;
  let outcome: HostileChildResult['outcome'];
  let held: unknown = null;
  const started = performance.now();
  try {
    const result = parseWorkspace(text);
    held = result;
    outcome = result.ok
      ? { kind: 'opened', stakeholders: result.document.stakeholders.length }
      : { kind: 'refused', errorKind: result.error.kind, summary: describeLoadError('hostile.stakemap', result.error).summary };
  } catch (error) {
    outcome = error instanceof Error ? { kind: 'threw', name: error.name, message: error.message.slice(0, 200) } : { kind: 'threw', name: 'non-Error', message: String(error).slice(0, 200) };
  }
  const ms = performance.now() - started;
  const peakAfter = process.resourceUsage().maxRSS;
  const heapGrowth = process.memoryUsage().heapTotal - heapBefore.heapTotal;
  gc();
  gc();
  const retained = process.memoryUsage().heapUsed - heapBefore.heapUsed;
  // Keep the result alive until after the measurement above.
  if (held === undefined) console.error('unreachable');
  const result: HostileChildResult = {
    ms,
    outcome,
    // maxRSS is in kilobytes.
    peakRssDeltaMB: ((peakAfter - peakBefore) * 1024) / MB,
    maxRssMB: (peakAfter * 1024) / MB,
    heapGrowthMB: heapGrowth / MB,
    retainedHeapMB: retained / MB,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
