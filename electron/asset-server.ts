import * as nodeFs from 'node:fs/promises';
import { APP_ORIGIN, assetResponseHeaders, contentTypeFor, resolveAssetPath, type AssetOrigin } from './app-protocol';

/** A response for one request of the renderer's own origin, independent of Electron's and Playwright's types. */
export interface AssetResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
}

const notFound = (): AssetResponse => ({
  status: 404,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  body: Buffer.from('Not found'),
});

/**
 * Serves the built renderer (dist/renderer) for one origin: app://stakemap in Electron, a fake http origin in
 * the end-to-end harness, so both get the same files, types and CSP header. Unknown paths, paths outside the
 * folder, unknown file types and anything but GET/HEAD get a 404 (405 for the method).
 */
export function createAssetServer(rootDir: string, origin: AssetOrigin = APP_ORIGIN) {
  return async (request: { readonly url: string; readonly method: string }): Promise<AssetResponse> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return { status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' }, body: null };
    }
    const filePath = resolveAssetPath(request.url, rootDir, origin);
    const contentType = filePath ? contentTypeFor(filePath) : null;
    if (!filePath || !contentType) return notFound();
    try {
      const body = await nodeFs.readFile(filePath);
      return { status: 200, headers: assetResponseHeaders(contentType), body: request.method === 'HEAD' ? null : body };
    } catch {
      // Missing file or a folder: both are simply "not found" for a page asking for an asset.
      return notFound();
    }
  };
}
