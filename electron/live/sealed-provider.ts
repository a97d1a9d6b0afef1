import { HocuspocusProvider, HocuspocusProviderWebsocket, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import { encryptedWebSocketFor } from './encrypted-web-socket';
import type { JoinCode } from './join-code';

/*
 * The Hocuspocus provider a participant's app joins with: the provider as it is (sync, reconnecting, resending),
 * over a socket that seals every frame with keys from the join code's secret (encrypted-web-socket.ts). The
 * provider gets its socket as a `websocketProvider` of its own, which the provider does not own: destroying the
 * provider destroys the socket here too, so a participant who leaves leaves nothing connected.
 */

type ProviderOptions = Omit<Extract<HocuspocusProviderConfiguration, { url: string }>, 'url' | 'preserveTrailingSlash' | 'websocketProvider'>;

export class SealedProvider extends HocuspocusProvider {
  private readonly socket: HocuspocusProviderWebsocket;

  /** `Inner`: the platform WebSocket to seal (Node's own by default; tests on a Node without one pass another). */
  constructor(code: JoinCode, options: ProviderOptions, Inner?: typeof WebSocket) {
    const socket = new HocuspocusProviderWebsocket({ url: liveUrl(code), WebSocketPolyfill: encryptedWebSocketFor(code.secret, Inner) });
    super({ ...options, websocketProvider: socket });
    this.socket = socket;
    this.attach();
  }

  override destroy(): void {
    super.destroy();
    this.socket.destroy();
  }
}

/** The host's WebSocket address (plain ws: the frames inside are sealed). */
export function liveUrl(code: Pick<JoinCode, 'host' | 'port'>): string {
  return `ws://${code.host.includes(':') ? `[${code.host}]` : code.host}:${code.port}`;
}
