import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseChromium, SYSTEM_CHROMIUM, type ChromiumChoice } from '../tests/e2e/harness/paths';

/*
 * tsx scripts/ensure-browser.ts — run by `npm test` and `npm run test:e2e` just before Playwright.
 *
 * Makes sure the Chromium the end-to-end tests drive (chooseChromium in tests/e2e/harness/paths.ts) is there:
 * the system one at /usr/bin/chromium, or else Playwright's own, which it installs when missing. Except where
 * downloading is not allowed — a CI machine (CI is set) or PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set, as .ci/run
 * sets it — there it prints the one command to run and fails, rather than let every test fail on launch.
 */

/** Installs Playwright's Chromium, the full build the tests launch (channel `chromium`), without the headless shell. */
export const INSTALL_COMMAND = ['npx', 'playwright', 'install', '--no-shell', 'chromium'] as const;
const INSTALL_COMMAND_TEXT = INSTALL_COMMAND.join(' ');

/** What to do, with what to say. */
export type BrowserPlan =
  | { readonly action: 'ready'; readonly message: string }
  | { readonly action: 'install'; readonly message: string }
  | { readonly action: 'refuse'; readonly message: string };

/** True for an environment flag that is set to anything but empty, 0, false or no (as CI systems set `CI=true`). */
export function isSet(value: string | undefined): boolean {
  return value !== undefined && !/^(|0|false|no)$/i.test(value.trim());
}

/** Why downloading a browser is not allowed here, or null when it is. */
export function downloadRefusedBecause(env: Readonly<Record<string, string | undefined>>): string | null {
  if (isSet(env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD)) return 'PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set';
  if (isSet(env.CI)) return 'this is a CI machine (CI is set)';
  return null;
}

/** The decision, from the browser chosen, whether its executable exists, and the environment. */
export function planBrowser(choice: ChromiumChoice, executableExists: boolean, env: Readonly<Record<string, string | undefined>>): BrowserPlan {
  if (choice.kind === 'system') {
    return { action: 'ready', message: `End-to-end tests: the system Chromium at ${choice.executablePath}.` };
  }
  if (executableExists) {
    return { action: 'ready', message: `End-to-end tests: Playwright's Chromium at ${choice.executablePath}.` };
  }
  const refused = downloadRefusedBecause(env);
  if (refused !== null) {
    return {
      action: 'refuse',
      message:
        `The end-to-end tests need Chromium: there is none at ${SYSTEM_CHROMIUM} and Playwright's is not installed ` +
        `(${choice.executablePath}). It is not downloaded here because ${refused}. Run:\n\n  ${INSTALL_COMMAND_TEXT}\n\n` +
        `or install the system Chromium (Debian/Ubuntu: apt-get install chromium), then run the tests again.`,
    };
  }
  return {
    action: 'install',
    message: `The end-to-end tests need Chromium and there is none at ${SYSTEM_CHROMIUM}: installing Playwright's once (${INSTALL_COMMAND_TEXT}) …`,
  };
}

export interface EnsureBrowserIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly exists: (file: string) => boolean;
  /** Where Playwright's Chromium is, or would be once installed. */
  readonly playwrightChromium?: () => string;
  /** Runs INSTALL_COMMAND with its output shown; true when it succeeded. */
  readonly install: () => boolean;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Checks, installs if it should, and returns the exit code (0: the browser is there). */
export function ensureBrowser(io: EnsureBrowserIo): number {
  const choice = chooseChromium(io.exists, io.playwrightChromium);
  const plan = planBrowser(choice, io.exists(choice.executablePath), io.env);
  switch (plan.action) {
    case 'ready':
      io.out(plan.message);
      return 0;
    case 'refuse':
      io.err(plan.message);
      return 1;
    case 'install': {
      io.out(plan.message);
      if (io.install() && io.exists(choice.executablePath)) return 0;
      io.err(`Installing Playwright's Chromium did not work (see above). Run it yourself, then the tests again:\n\n  ${INSTALL_COMMAND_TEXT}\n`);
      return 1;
    }
  }
}

/** The real machine: process.env, the file system, npx. */
export function nodeIo(): EnsureBrowserIo {
  return {
    env: process.env,
    exists: existsSync,
    install: () => {
      const [command, ...args] = INSTALL_COMMAND;
      // shell on Windows, where npx is npx.cmd.
      const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
      return result.status === 0;
    },
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = ensureBrowser(nodeIo());
}
