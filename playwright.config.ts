import { defineConfig } from '@playwright/test';
import type { AppFixtureOptions } from './tests/e2e/fixtures';
import { chromiumLaunchOptions } from './tests/e2e/harness/paths';

/*
 * End-to-end tests of the built renderer in Chromium, wired to the real main-process handlers by the harness
 * (tests/e2e/harness). No web server: the harness serves dist/renderer itself. Run after `npm run build`.
 * The same specs run against real Electron with playwright.electron.config.ts.
 */
export default defineConfig<AppFixtureOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        target: 'browser',
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
});
