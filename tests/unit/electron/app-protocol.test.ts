import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, contentTypeFor, isAppUrl, resolveAppAssetPath, resolveAssetPath } from '../../../electron/app-protocol';
import { createAssetServer } from '../../../electron/asset-server';
import { CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy';
import { makeTempDir } from './helpers';

const ROOT = path.resolve('/srv/renderer');

describe('resolveAppAssetPath', () => {
  it('maps app://stakemap/ paths into the renderer folder', () => {
    expect(resolveAppAssetPath(APP_INDEX_URL, ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppAssetPath('app://stakemap/', ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppAssetPath('app://stakemap/assets/index-abc.js?v=1#x', ROOT)).toBe(path.join(ROOT, 'assets', 'index-abc.js'));
    expect(resolveAppAssetPath('app://stakemap/assets/My%20Font.woff2', ROOT)).toBe(path.join(ROOT, 'assets', 'My Font.woff2'));
  });

  it.each([
    // The URL parser folds plain and %2e "../" segments away before we see them: they stay inside the root.
    ['app://stakemap/../../etc/passwd', path.join(ROOT, 'etc', 'passwd')],
    ['app://stakemap/%2e%2e/%2e%2e/etc/passwd', path.join(ROOT, 'etc', 'passwd')],
    // Encoded separators survive the parser and would climb out after decoding: refused.
    ['app://stakemap/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', null],
    ['app://stakemap/..%2F..%2Fetc%2Fpasswd', null],
    ['app://stakemap/..%5C..%5Cwindows%5Cwin.ini', null],
    ['app://stakemap/assets\\..\\..\\secret', null],
    ['app://stakemap/index.html%00.png', null],
    ['app://stakemap/%E0%A4%A', null],
  ])('never leaves the root: %s → %s', (url, expected) => {
    expect(resolveAppAssetPath(url, ROOT)).toBe(expected);
  });

  it.each([
    'app://other/index.html',
    'app://stakemap.evil/index.html',
    'app://user:pass@stakemap/index.html',
    'http://stakemap/index.html',
    'file:///srv/renderer/index.html',
    'not a url',
  ])('refuses other origins: %s', (url) => {
    expect(resolveAppAssetPath(url, ROOT)).toBeNull();
  });

  it('serves another origin only when asked to (the test harness)', () => {
    const origin = { protocol: 'http:', host: 'stakemap.localhost' };
    expect(resolveAssetPath('http://stakemap.localhost/index.html', ROOT, origin)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAssetPath('http://evil.localhost/index.html', ROOT, origin)).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts our page only', () => {
    expect(isAppUrl('app://stakemap/index.html')).toBe(true);
    expect(isAppUrl('app://stakemapx/index.html')).toBe(false);
    expect(isAppUrl('https://stakemap/index.html')).toBe(false);
    expect(isAppUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.SVG', 'image/svg+xml'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.exe', null],
    ['Makefile', null],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAssetServer', () => {
  it('serves files with their type, the CSP and nosniff; 404 for the rest', async () => {
    const tempDir = await makeTempDir();
    const root = path.join(tempDir, 'renderer');
    await fs.mkdir(path.join(root, 'assets'), { recursive: true });
    await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    await fs.writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await fs.writeFile(path.join(root, 'assets', 'tool.exe'), 'MZ');
    await fs.writeFile(path.join(tempDir, 'outside.js'), 'secret');
    const serve = createAssetServer(root);

    const index = await serve({ url: 'app://stakemap/index.html', method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(index.body?.toString()).toBe('<!doctype html><title>x</title>');

    const script = await serve({ url: 'app://stakemap/assets/app.js', method: 'GET' });
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');

    const head = await serve({ url: 'app://stakemap/assets/app.js', method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, null]);

    for (const url of [
      'app://stakemap/missing.js',
      'app://stakemap/assets',
      'app://stakemap/assets/tool.exe',
      'app://stakemap/..%2Foutside.js',
      'app://elsewhere/index.html',
    ]) {
      expect((await serve({ url, method: 'GET' })).status, url).toBe(404);
    }
    expect((await serve({ url: 'app://stakemap/index.html', method: 'POST' })).status).toBe(405);
  });
});
