// Bundles the Electron main process and the preload into dist/electron/ (see package.json "main").
// - main.cjs: every dependency (electron-store, zod, ...) is bundled in, so the packaged app needs no
//   node_modules (all packages are devDependencies); only 'electron' is provided by the runtime.
// - preload.cjs: one self-contained file, because a sandboxed preload can only require('electron').
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

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
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    // The sandboxed preload has no access to node: modules; keep it to the 'electron' module only.
    platform: 'browser',
  }),
]);

console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
