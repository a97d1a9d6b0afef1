import type { WebPreferences } from 'electron';

/**
 * The webPreferences of the app window: the renderer is an ordinary, isolated web page. It reaches the host only
 * through the API the preload exposes (window.stakemap), never through Node or ipcRenderer.
 * Kept as a pure function so tests (and the bundle test) can assert every flag.
 */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}
