import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
export const REPO_ROOT = path.dirname(BENCH_DIR);
/**
 * The app's production build used by the benchmark (its own folder, so a benchmark never empties dist/renderer
 * under an end-to-end run). BENCH_APP_DIST=folder (with --no-build) measures another build, e.g. of a patched copy.
 */
export const APP_DIST = process.env.BENCH_APP_DIST ? path.resolve(process.env.BENCH_APP_DIST) : path.join(REPO_ROOT, 'dist', 'bench', 'app');
export const BASELINE_DIST = path.join(REPO_ROOT, 'dist', 'bench', 'baseline');
/** Generated workspaces (git-ignored). */
export const WORKSPACES_DIR = path.join(BENCH_DIR, 'tmp');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

export const APP_ORIGIN = 'http://stakemap.localhost';
export const BASELINE_ORIGIN = 'http://baseline.localhost';
/** A blank page for the load/save micro-benchmark. */
export const BLANK_ORIGIN = 'http://bench.localhost';
