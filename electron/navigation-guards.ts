import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * Keeps a web contents on our own page (Electron security checklist, items 13 and 14): navigations and
 * redirects away from app://stakemap are cancelled, new windows are denied, <webview> cannot be attached.
 * Links to the web are not part of the app; nothing here opens an external browser.
 */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  // event.url: the separate url argument is deprecated.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Denies every permission request and check (camera, microphone, notifications, geolocation, ...): the app needs
 * none. Copy and paste go through the native Edit menu roles and DOM clipboard events, which need no permission.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
