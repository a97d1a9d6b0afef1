import path from 'node:path';
import { build } from 'esbuild';
import { BENCH_DIR, REPO_ROOT } from './paths';

/** The scripts the runner puts into pages (init scripts and the load/save bench), bundled once per run. */
export interface PageBundles {
  /** window.__bench: frame recorder, render and selection waits (app and baseline pages). */
  readonly probe: string;
  /** window.stakemap for the app page (bench/page/fake-host.ts). */
  readonly fakeHost: string;
  /** window.__benchLoad with zod jitless, as in the app. */
  readonly load: string;
  /** The same with zod allowed to JIT-compile (what-if, not possible under the app's CSP). */
  readonly loadJit: string;
}

async function bundle(entry: string, minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [path.join(BENCH_DIR, 'page', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // As in the app's production build, so the timed functions are the same minified code paths.
    minify,
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { '@shared': path.join(REPO_ROOT, 'shared') },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** `minifyLoad: false` keeps function names readable in CPU profiles of the load bench. */
export async function buildPageBundles(minifyLoad = true): Promise<PageBundles> {
  const [probe, fakeHost, load, loadJit] = await Promise.all([
    bundle('probe.ts', false),
    bundle('fake-host.ts', false),
    bundle('load-entry.ts', minifyLoad),
    bundle('load-entry-jit.ts', minifyLoad),
  ]);
  return { probe, fakeHost, load, loadJit };
}
