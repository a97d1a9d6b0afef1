import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/*
 * The renderer is served from app://stakemap/ rather than file:// (Electron security checklist, item 18): a
 * standard, secure scheme gives the page a real origin, so 'self' in the CSP means "our bundle" and nothing on
 * disk outside dist/renderer can be reached. Pure functions only; the Electron glue is app-protocol-handler.ts.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'stakemap';
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Where assets are served from: the protocol and host a request URL must have. */
export interface AssetOrigin {
  /** With the colon, as URL.protocol has it: 'app:' or 'http:'. */
  readonly protocol: string;
  readonly host: string;
}

export const APP_ORIGIN: AssetOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

/** True for a URL of our own page (any path on app://stakemap). */
export function isAppUrl(url: string): boolean {
  return hasOrigin(url, APP_ORIGIN);
}

function hasOrigin(url: string, origin: AssetOrigin): boolean {
  try {
    const parsed = new URL(url);
    // URL.origin is "null" for non-special schemes such as app:, so compare protocol and host.
    return parsed.protocol === origin.protocol && parsed.host === origin.host && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The file under `rootDir` that a request URL of `origin` names, or null when the URL has another origin,
 * cannot be decoded, or would leave `rootDir` (`..`, encoded `%2e%2e%2f`, backslashes, NUL bytes, absolute
 * paths). "/" means index.html. Query and fragment are ignored.
 */
export function resolveAssetPath(requestUrl: string, rootDir: string, origin: AssetOrigin): string | null {
  if (!hasOrigin(requestUrl, origin)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return resolved;
}

/** resolveAssetPath for app://stakemap/ URLs: the function the Electron protocol handler uses. */
export function resolveAppAssetPath(requestUrl: string, rootDir: string): string | null {
  return resolveAssetPath(requestUrl, rootDir, APP_ORIGIN);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a served file, or null for a type the renderer bundle has no business serving. */
export function contentTypeFor(filePath: string): string | null {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? null;
}

/** Headers of every response of the app's own origin: its type, the CSP, and no MIME sniffing. */
export function assetResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}
