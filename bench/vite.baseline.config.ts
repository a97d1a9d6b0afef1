import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The benchmark's baseline page (bench/baseline): a bare <ReactFlow> with minimal memoized nodes and edges, built in
// production mode like the app (same React, React Flow and Vite), into dist/bench/baseline. See bench/README.md.
export default defineConfig({
  root: fileURLToPath(new URL('./baseline', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/bench/baseline', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
    assetsInlineLimit: 0,
  },
});
