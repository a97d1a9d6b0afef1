import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Where things are, and which browser and Electron binaries this machine has. No download is ever triggered:
 * Electron's own `require('electron')` downloads a missing binary, so the binary is located by hand here.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');
export const DIST_RENDERER = path.join(REPO_ROOT, 'dist', 'renderer');
/** The harness folder (the page-side host shim lives here). */
export const HARNESS_DIR = fileURLToPath(new URL('.', import.meta.url));
/** The main-process bundles: main.cjs, preload.cjs and the workspace reader's worker. */
export const DIST_ELECTRON = path.join(REPO_ROOT, 'dist', 'electron');
export const DIST_MAIN = path.join(DIST_ELECTRON, 'main.cjs');

/** Debian's Chromium, used instead of Playwright's own browser when present. */
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

/** Launch options for Chromium: the system one when installed, else Playwright's bundled browser. */
export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] } {
  return existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS } : {};
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
