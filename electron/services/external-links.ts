/*
 * Which links may leave the app for the user's browser (shell.openExternal). Opening a URL hands it to the OS,
 * which runs whatever program is registered for its scheme (file:, smb:, ms-msdt:, custom protocol handlers ...),
 * so a link from the page (or from a compromised renderer) is opened only when it is https, on a host the app
 * itself links to, with no credentials and the default port (Electron security checklist, item 15).
 * Everything else is simply not opened.
 */

/**
 * Hosts the app's own pages link to (help, project page). Empty today: the app has no external links yet, so
 * nothing leaves it. A host is added here together with the link that needs it, never a wildcard.
 */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [];

/** Longest URL handed to the OS. */
const MAX_URL_LENGTH = 2048;

/**
 * True when `url` may be opened in the user's browser: an absolute https URL whose host is exactly one of
 * `allowedHosts` (case-insensitive, no subdomains implied), without user name or password, on the default port.
 */
export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = ALLOWED_EXTERNAL_HOSTS): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  // The URL parser quietly strips tabs, newlines and leading spaces; a link that needs that is not a clean link.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return allowedHosts.some((allowed) => allowed.toLowerCase() === host);
}
