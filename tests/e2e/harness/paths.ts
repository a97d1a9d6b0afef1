import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type LaunchOptions } from '@playwright/test';

/*
 * Where things are, and which browser and Electron binaries this machine has. No download is ever triggered:
 * Electron's own `require('electron')` downloads a missing binary, so the binary is located by hand here.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');
/**
 * The build under test: dist/, or another folder named by STAKEMAP_DIST (relative to the repository), so two
 * people working in one checkout can each build and test their own copy (vite.config.ts and
 * scripts/build-electron.mjs read the same variable).
 */
export const DIST_ROOT = path.resolve(REPO_ROOT, process.env.STAKEMAP_DIST ?? 'dist');
export const DIST_RENDERER = path.join(DIST_ROOT, 'renderer');
/** The harness folder (the page-side host shim lives here). */
export const HARNESS_DIR = fileURLToPath(new URL('.', import.meta.url));
/** The main-process bundles: main.cjs, preload.cjs and the workspace reader's worker. */
export const DIST_ELECTRON = path.join(DIST_ROOT, 'electron');
export const DIST_MAIN = path.join(DIST_ELECTRON, 'main.cjs');

/**
 * Debian's Chromium, used instead of Playwright's own browser when present: CI installs it (.ci/run), because CI
 * machines cannot download Playwright's. Only this path: elsewhere there is no system Chromium to rely on
 * (macOS and Windows have Chrome, a different, self-updating build; Ubuntu's /usr/bin/chromium-browser is a snap
 * wrapper that cannot use the profile folders Playwright makes), and Playwright's own build, the version this
 * Playwright release is tested with, is one command away (scripts/ensure-browser.ts runs it before the tests).
 */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for the system Chromium: root in a container (no sandbox), no GPU, nothing phoning home. */
export const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium the end-to-end tests and the benchmark drive, and where its executable is (or would be). */
export type ChromiumChoice =
  | { readonly kind: 'system'; readonly executablePath: string }
  | { readonly kind: 'playwright'; readonly executablePath: string };

/**
 * The system Chromium when installed, else Playwright's own (installed or not: scripts/ensure-browser.ts checks
 * and installs it). The checks are parameters so the choice can be tested.
 */
export function chooseChromium(
  exists: (file: string) => boolean = existsSync,
  playwrightChromium: () => string = () => chromium.executablePath(),
): ChromiumChoice {
  return exists(SYSTEM_CHROMIUM)
    ? { kind: 'system', executablePath: SYSTEM_CHROMIUM }
    : { kind: 'playwright', executablePath: playwrightChromium() };
}

/**
 * Launch options for that Chromium. Playwright's own runs as its full build (channel `chromium`) in Chrome's
 * headless mode, as the system Chromium does, rather than as the separate headless shell: the same browser
 * mode locally and on CI, and one download instead of two.
 */
export function chromiumLaunchOptions(choice: ChromiumChoice = chooseChromium()): LaunchOptions {
  return choice.kind === 'system' ? { executablePath: choice.executablePath, args: SYSTEM_CHROMIUM_ARGS } : { channel: 'chromium' };
}

/** The Electron executable of node_modules/electron if its binary was installed, else null. */
export function installedElectronBinary(): string | null {
  const packageDir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING_REASON =
  'Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); run npm run test:electron on a machine with Electron';

/** Throws a clear error when the build the tests drive is missing. */
export function assertBuilt(files: readonly string[]): void {
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')}: run \`npm run build\` first.`);
  }
}
