import type { DocumentState } from '../shared/host/channels';

/** What the Electron end-to-end fixture reads from the main process through electronApp.evaluate. */
export interface E2eHooks {
  /** The document state the renderer reported last (title, dirty, file), or null. */
  documentState(): DocumentState | null;
  /** Whether the renderer has asked for its launch state, i.e. it is listening for events. */
  rendererReady(): boolean;
}

/** The global the hooks live under in the main process. */
export const E2E_HOOKS_GLOBAL = '__stakemapE2E';

/**
 * Exposes read-only test hooks on the main process's global object, only when STAKEMAP_E2E=1 (set by the
 * Electron Playwright fixture). The renderer cannot reach the main process's globals; this only helps a test
 * that already controls the main process through Playwright's debugger connection.
 */
export function exposeE2eHooksIfRequested(hooks: E2eHooks, env: NodeJS.ProcessEnv = process.env): void {
  if (env.STAKEMAP_E2E === '1') (globalThis as Record<string, unknown>)[E2E_HOOKS_GLOBAL] = hooks;
}
