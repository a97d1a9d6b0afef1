import { defineConfig } from '@playwright/test';
import type { AppFixtureOptions } from './tests/e2e/fixtures';

/*
 * The same end-to-end specs against the real Electron app (Playwright's _electron driver), for machines with an
 * Electron binary. Where none is installed every test is reported as skipped with the reason.
 * `npm run test:electron` builds first.
 */
export default defineConfig<AppFixtureOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/harness/electron-global-setup.ts',
  // One Electron app at a time: each instance is a full browser plus a Node process.
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'electron', use: { target: 'electron' } }],
});
