import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';
import { isAllowedExternalUrl } from './services/external-links';

export interface HardenOptions {
  /** Opens a link in the user's browser (shell.openExternal). Without it no link ever leaves the app. */
  readonly openExternal?: (url: string) => void;
  /** Which links may be opened there; defaults to isAllowedExternalUrl (https on the app's allowlist). */
  readonly isAllowedExternal?: (url: string) => boolean;
}

/**
 * Keeps a web contents on our own page (Electron security checklist, items 13 and 14): navigations and
 * redirects away from app://stakemap are cancelled, new windows are denied, <webview> cannot be attached.
 * A link the user follows (a click that would navigate or open a window) goes to the user's browser instead,
 * but only if it is allowed (see external-links.ts, checklist item 15); every other one goes nowhere.
 */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, options: HardenOptions = {}): void {
  const isAllowed = options.isAllowedExternal ?? ((url: string) => isAllowedExternalUrl(url));
  const openOutside = (url: string) => {
    if (options.openExternal && isAllowed(url)) options.openExternal(url);
  };
  // event.url: the separate url argument is deprecated.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

/**
 * Denies every permission request and check (camera, microphone, notifications, geolocation, ...): the app needs
 * none. Copy and paste go through the native Edit menu roles and DOM clipboard events, which need no permission.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
