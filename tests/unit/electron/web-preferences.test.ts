import { describe, expect, it } from 'vitest';
import { buildWebPreferences } from '../../../electron/web-preferences';

describe('buildWebPreferences', () => {
  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    expect(buildWebPreferences('/app/dist/electron/preload.cjs')).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
