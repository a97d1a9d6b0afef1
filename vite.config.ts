import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// Builds the renderer (the React app) into dist/renderer. Electron serves it from the app:// protocol and the
// end-to-end harness from a Playwright route, never from file:// (Chromium refuses ES modules there).
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  build: {
    // STAKEMAP_DIST builds elsewhere (see tests/e2e/harness/paths.ts).
    outDir: fileURLToPath(new URL(`./${process.env.STAKEMAP_DIST ?? 'dist'}/renderer`, import.meta.url)),
    emptyOutDir: true,
    target: 'chrome140',
    // Source maps help the next engineer read stack traces from the packaged app.
    sourcemap: true,
    // Inline nothing as data: URLs: the CSP allows fonts and images from 'self' only.
    assetsInlineLimit: 0,
  },
});
