import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenWebContents } from '../../../electron/navigation-guards';

function fakeContents() {
  type Listener = (event: { url?: string; preventDefault: () => void }) => void;
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)!(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, openWindow: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it('blocks navigation and redirects away from the app, allows staying on it', () => {
    const f = fakeContents();
    hardenWebContents(f.contents as never);
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(f.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(f.fire('will-navigate', 'app://stakemap/index.html')).toBe(false);
    expect(f.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(f.fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window', () => {
    const f = fakeContents();
    hardenWebContents(f.contents as never);
    expect(f.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(f.openWindow('app://stakemap/index.html')).toEqual({ action: 'deny' });
  });
});

describe('hardenWebContents with links to the browser', () => {
  const allowed = (url: string) => url.startsWith('https://docs.example.org/');

  it('opens an allowed link from a new-window request in the browser, and still opens no window', () => {
    const f = fakeContents();
    const opened: string[] = [];
    hardenWebContents(f.contents as never, { openExternal: (url) => opened.push(url), isAllowedExternal: allowed });
    expect(f.openWindow('https://docs.example.org/guide')).toEqual({ action: 'deny' });
    expect(f.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(f.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://docs.example.org/guide']);
  });

  it('sends an allowed link followed in the page to the browser instead of navigating', () => {
    const f = fakeContents();
    const opened: string[] = [];
    hardenWebContents(f.contents as never, { openExternal: (url) => opened.push(url), isAllowedExternal: allowed });
    expect(f.fire('will-navigate', 'https://docs.example.org/guide')).toBe(true);
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(f.fire('will-navigate', 'app://stakemap/index.html')).toBe(false);
    // Redirects are the server's doing, not the user's: never opened.
    expect(f.fire('will-redirect', 'https://docs.example.org/moved')).toBe(true);
    expect(opened).toEqual(['https://docs.example.org/guide']);
  });

  it('uses the app’s allowlist by default, which opens nothing today', () => {
    const f = fakeContents();
    const opened: string[] = [];
    hardenWebContents(f.contents as never, { openExternal: (url) => opened.push(url) });
    f.openWindow('https://example.com/');
    f.fire('will-navigate', 'https://example.com/');
    expect(opened).toEqual([]);
  });
});

describe('denyAllPermissions', () => {
  it('denies requests and checks', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: never) => void (request = handler),
      setPermissionCheckHandler: (handler: never) => void (check = handler),
    });
    const callback = vi.fn();
    request!(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
  });
});
