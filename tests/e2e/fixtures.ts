import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { launchBrowserApp } from './harness/browser-app';
import { launchElectronApp } from './harness/electron-app';
import { ELECTRON_MISSING_REASON, installedElectronBinary } from './harness/paths';
import type { StakemapApp, StakemapAppSession } from './harness/types';

/*
 * The `app` fixture every end-to-end spec uses:
 *
 *   import { test, expect } from './fixtures';
 *   test('…', async ({ app }) => { await app.page.getByRole(…); app.dialogs.answerOpen(file); … });
 *
 * The `target` option picks the implementation: 'browser' (default; the built renderer in Chromium wired to the
 * real host handlers, playwright.config.ts) or 'electron' (the real app, playwright.electron.config.ts).
 * A test fails at its end on any console error, page error, CSP violation, request leaving the app, dialog
 * shown without an answer, or answer never used.
 */

export type { StakemapApp } from './harness/types';

export interface AppFixtureOptions {
  /** Start as on the very first run (the app opens the bundled sample). Default false: the start view. */
  firstRun: boolean;
  /** Where the app runs; set by the Playwright config. */
  target: 'browser' | 'electron';
}

export const test = base.extend<{ app: StakemapApp; skipWithoutElectron: void } & AppFixtureOptions>({
  firstRun: [false, { option: true }],
  target: ['browser', { option: true }],

  // Runs for every test, including those that do not use `app`: on the electron target without an Electron
  // binary, each one is reported as skipped with the reason, never passed.
  skipWithoutElectron: [
    async ({ target }, use, testInfo) => {
      testInfo.skip(target === 'electron' && installedElectronBinary() === null, ELECTRON_MISSING_REASON);
      await use();
    },
    { auto: true },
  ],

  app: async ({ context, firstRun, target }, use, testInfo) => {
    const tempDir = await mkdtemp(path.join(os.tmpdir(), 'stakemap-e2e-'));
    const workspaces = path.join(tempDir, 'workspaces');
    const userDataDir = path.join(tempDir, 'user-data');
    await Promise.all([mkdir(workspaces), mkdir(userDataDir)]);
    const options = { tempDir: workspaces, userDataDir, firstRun };
    const session: StakemapAppSession =
      target === 'electron' ? await launchElectronApp(options) : await launchBrowserApp({ ...options, context });
    try {
      await use(session);
    } finally {
      await session.dispose();
      await rm(tempDir, { recursive: true, force: true });
    }
    const problems = session.problems();
    if (problems.length > 0) {
      // Reported even when the test body failed, so the cause (often an unanswered dialog) is visible.
      await testInfo.attach('app problems', { body: problems.join('\n\n'), contentType: 'text/plain' });
      throw new Error(`The app reported problems during the test:\n- ${problems.join('\n- ')}`);
    }
  },
});

export { expect };
