import { configDefaults, defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // The live-session tests need Node >= 22 (Hocuspocus): `npm run test:live` runs them on Node 24.
    exclude: [...configDefaults.exclude, 'tests/unit/electron/live/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
