import type { DocumentState } from '../shared/host/channels';

/*
 * Test hooks for the Electron end-to-end fixture (tests/e2e/harness/electron-app.ts), active only when
 * STAKEMAP_E2E=1, which that fixture sets. The renderer cannot reach the main process's globals or stdout; these
 * only help a test that already controls the main process through Playwright.
 */

/** The global the hooks live under in the main process (read with electronApp.evaluate). */
export const E2E_HOOKS_GLOBAL = '__stakemapE2E';

/** Prefix of the stdout line main prints for each document state the renderer reports. */
export const E2E_DOCUMENT_STATE_PREFIX = 'STAKEMAP_E2E_DOCUMENT_STATE ';

export interface E2eHooks {
  /** Whether the renderer has asked for its launch state, i.e. it is listening for events. */
  rendererReady(): boolean;
}

export function isE2eMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.STAKEMAP_E2E === '1';
}

/** Exposes the hooks on the main process's global object in end-to-end mode. */
export function exposeE2eHooksIfRequested(hooks: E2eHooks, env: NodeJS.ProcessEnv = process.env): void {
  if (isE2eMode(env)) (globalThis as Record<string, unknown>)[E2E_HOOKS_GLOBAL] = hooks;
}

/**
 * In end-to-end mode, prints the document state as one line on stdout, so the fixture keeps a synchronous
 * mirror of it (app.documentState(), app.windowTitle()) without a round trip per read.
 */
export function reportDocumentStateForE2e(
  state: DocumentState,
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => process.stdout.write(line),
): void {
  if (isE2eMode(env)) write(`${E2E_DOCUMENT_STATE_PREFIX}${JSON.stringify(state)}\n`);
}
