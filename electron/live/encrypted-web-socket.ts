import { FrameRejected, ParticipantHandshake, sessionKeyFromSecret, type FrameChannel } from './frame-cipher';
import { CLOSE_CODES } from './live-messages';

/*
 * The participant's WebSocket in a live session: what the Hocuspocus provider is given as its `WebSocketPolyfill`,
 * so the provider's protocol, reconnection and resending work unchanged over the encrypted channel of
 * frame-cipher.ts. It wraps the platform's WebSocket (Node's own, in the utility process), does the handshake, and
 * only then reports "open"; every frame after that is sealed on the way out and opened on the way in.
 *
 * A host that does not answer the handshake, or answers it without the secret, or a frame that does not open,
 * closes the connection with CLOSE_CODES.notTheHost, so the participant is told rather than left retrying.
 */

type Listener = (event: unknown) => void;
type EventName = 'open' | 'message' | 'close' | 'error';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** The subset of the WebSocket class the Hocuspocus provider constructs and uses. */
export interface WebSocketClass {
  new (url: string): EncryptedWebSocket;
}

/** A WebSocket class whose sockets encrypt with the key of `secret` (the join code's). */
export function encryptedWebSocketFor(secret: string, Inner?: typeof WebSocket): WebSocketClass {
  const sessionKey = sessionKeyFromSecret(secret);
  return class extends EncryptedWebSocket {
    constructor(url: string) {
      super(url, sessionKey, Inner ?? WebSocket);
    }
  };
}

export class EncryptedWebSocket {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSING = CLOSING;
  static readonly CLOSED = CLOSED;

  /** The provider tags its sockets. */
  identifier = 0;
  private readonly inner: WebSocket;
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private handshake: ParticipantHandshake;
  private channel: FrameChannel | null = null;
  private state: number = CONNECTING;
  /** Whether the host's hello has been answered (the next frame is its confirmation). */
  private answered = false;
  /** The close to report, when this side closed for a reason of its own. */
  private ownClose: { code: number; reason: string } | null = null;

  constructor(url: string, sessionKey: Buffer, Inner: typeof WebSocket) {
    this.handshake = new ParticipantHandshake(sessionKey);
    this.inner = new Inner(url);
    this.inner.binaryType = 'arraybuffer';
    this.inner.addEventListener('message', (event: MessageEvent) => this.received(event.data));
    this.inner.addEventListener('error', (event) => this.emit('error', event));
    this.inner.addEventListener('close', (event: CloseEvent) => {
      this.state = CLOSED;
      this.emit('close', this.ownClose ?? { code: event.code, reason: event.reason, wasClean: event.wasClean });
    });
  }

  get readyState(): number {
    if (this.state === OPEN && this.inner.readyState !== OPEN) return this.inner.readyState;
    return this.state;
  }

  /** Always array buffers (the provider asks for them). */
  set binaryType(_value: string) {}
  get binaryType(): string {
    return 'arraybuffer';
  }

  get url(): string {
    return this.inner.url;
  }

  addEventListener(name: EventName, listener: Listener): void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(name: EventName, listener: Listener): void {
    this.listeners.get(name)?.delete(listener);
  }

  send(data: Uint8Array | ArrayBuffer | string): void {
    if (this.channel === null || this.readyState !== OPEN) throw new Error('The live connection is not open.');
    const plain = typeof data === 'string' ? new TextEncoder().encode(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    this.inner.send(this.channel.seal(plain));
  }

  close(code?: number, reason?: string): void {
    if (this.state === CLOSED) return;
    this.state = CLOSING;
    this.inner.close(code, reason);
  }

  private received(data: unknown): void {
    if (this.state === CLOSING || this.state === CLOSED) return;
    if (!(data instanceof ArrayBuffer)) return this.refuse(new FrameRejected('not-a-hello'));
    const frame = new Uint8Array(data);
    try {
      if (this.channel !== null) {
        const plain = this.channel.open(frame);
        this.emit('message', { data: plain.buffer.slice(plain.byteOffset, plain.byteOffset + plain.byteLength) });
      } else if (this.state === CONNECTING && !this.answered) {
        this.answered = true;
        this.inner.send(this.handshake.answer(frame));
      } else {
        this.channel = this.handshake.confirm(frame);
        this.state = OPEN;
        this.emit('open', {});
      }
    } catch (error) {
      this.refuse(error instanceof FrameRejected ? error : new FrameRejected('altered'));
    }
  }

  private refuse(error: FrameRejected): void {
    this.ownClose = { code: CLOSE_CODES.notTheHost, reason: error.reason };
    this.state = CLOSING;
    this.inner.close();
  }

  private emit(name: EventName, event: unknown): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(event);
  }
}
