import { HOST_API_GLOBAL, type HostApi } from '@shared/host/host-api';

/**
 * The one module through which the renderer talks to the host (Electron main via the preload, or the test
 * harness). The preload exposes `window.stakemap`; nothing else from the host is reachable from the page.
 */
export function host(): HostApi {
  const api = (window as unknown as Record<string, HostApi | undefined>)[HOST_API_GLOBAL];
  if (!api) throw new Error('Stakemap host API is missing: the page was not loaded by the Stakemap app.');
  return api;
}
