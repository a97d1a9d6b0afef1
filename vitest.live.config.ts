import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/*
 * The live-session tests (tests/unit/electron/live/): the Hocuspocus server needs Node >= 22, and the app runs it
 * on Electron's Node (24), so `npm run test:live` runs these on Node 24 through scripts/run-on-node24.mjs. The
 * main `vitest run` (vitest.config.ts) leaves them out: it runs on whatever Node the machine has.
 */
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['tests/unit/electron/live/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
