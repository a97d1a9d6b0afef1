import type { BrowserContext } from '@playwright/test';
import { createAssetServer } from '../../../electron/asset-server';
import { DIST_RENDERER } from './paths';

/** The fake origin the harness serves the renderer from (Chromium refuses ES modules from file://). */
export const HARNESS_ORIGIN = 'http://stakemap.localhost';
export const HARNESS_URL = `${HARNESS_ORIGIN}/index.html`;

/**
 * Serves dist/renderer at HARNESS_ORIGIN for every page of the context, through the same asset server as
 * Electron's app:// protocol (same files, MIME types, CSP header, 404s). Any request to another origin is
 * blocked and reported: the app must work offline.
 */
export async function serveRenderer(context: BrowserContext, reportProblem: (problem: string) => void): Promise<void> {
  const serve = createAssetServer(DIST_RENDERER, { protocol: 'http:', host: 'stakemap.localhost' });
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (!url.startsWith(`${HARNESS_ORIGIN}/`)) {
      reportProblem(`The page requested ${url}, outside the app; it was blocked.`);
      await route.abort('blockedbyclient');
      return;
    }
    const response = await serve({ url, method: request.method() });
    await route.fulfill({ status: response.status, headers: response.headers, ...(response.body ? { body: response.body } : {}) });
  });
}
