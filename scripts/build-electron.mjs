// Bundles the Electron main process and the preload into dist/electron/ (see package.json "main").
// - main.cjs: every dependency (electron-store, zod, ...) is bundled in, so the packaged app needs no
//   node_modules (all packages are devDependencies); only 'electron' is provided by the runtime.
// - preload.cjs: one self-contained file, because a sandboxed preload can only require('electron').
// - workspace-reader-worker.cjs: the worker thread main reads and checks workspace files in (off its event
//   loop); main starts it from its own folder (__dirname), so it must sit beside main.cjs. Self-contained like
//   main: a worker thread resolves its requires from its own file, and there is no node_modules to find.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// STAKEMAP_DIST builds elsewhere (see tests/e2e/harness/paths.ts).
const dist = process.env.STAKEMAP_DIST ?? 'dist';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  absWorkingDir: root,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: `${dist}/electron/main.cjs` }),
  build({ ...common, entryPoints: ['electron/services/workspace-reader-worker.ts'], outfile: `${dist}/electron/workspace-reader-worker.cjs` }),
  // The live session's process (electron/live/live-process.ts): Electron starts it as a utilityProcess, the
  // end-to-end tests as a Node 24 child process; self-contained like the worker.
  build({
    ...common,
    entryPoints: ['electron/live/live-process.ts'],
    outfile: `${dist}/electron/live-process.cjs`,
    // The session server's packages are ES modules that ask import.meta.url (createRequire): in a CJS bundle it is
    // this file's URL.
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: `${dist}/electron/preload.cjs`,
    // The sandboxed preload has no access to node: modules; keep it to the 'electron' module only.
    platform: 'browser',
  }),
]);

console.log('Built dist/electron/main.cjs, preload.cjs, workspace-reader-worker.cjs and live-process.cjs');
