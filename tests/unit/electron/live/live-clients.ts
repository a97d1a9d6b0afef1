import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { readWorkspace, writeWorkspace } from '../../../../shared/live/workspace-ydoc';
import { parseJoinCode } from '../../../../electron/live/join-code';
import { encryptedWebSocketFor } from '../../../../electron/live/encrypted-web-socket';
import { encodeJoinToken, newResumeKey } from '../../../../electron/live/join-token';
import { SealedProvider } from '../../../../electron/live/sealed-provider';
import { LIVE_DOCUMENT_NAME, parseServerMessage, RECOMMENDED_CLIENT_FLUSH_DELAY_MS, type LiveServerMessage } from '../../../../electron/live/live-messages';

/*
 * Participants for the live-server tests, on real WebSockets (Node's own WebSocket under the encrypted socket, as a
 * participant's app runs it): a participant's app as the contract in live-messages.ts describes it
 * (ParticipantClient), and a raw client that writes protocol frames by hand, the way a tampered app could
 * (RawClient). Both seal their frames with a key from the secret they are given (frame-cipher.ts): a tampered app
 * has the join code too.
 */

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface JoinOptions {
  readonly name?: string;
  readonly secret?: string;
  readonly resumeKey?: string;
}

/** A participant's app: the provider, its Y.Doc, what the host told it, and how its connection ended. */
export class ParticipantClient {
  readonly messages: LiveServerMessage[] = [];
  readonly closeCodes: number[] = [];
  authFailure: string | null = null;
  readonly provider: HocuspocusProvider;
  readonly ydoc = new Y.Doc();
  readonly origin = { participant: true };

  constructor(joinCode: string, options: JoinOptions = {}) {
    const parsed = parseJoinCode(joinCode);
    if (!parsed.ok) throw new Error(parsed.message);
    this.provider = new SealedProvider(
      { ...parsed.value, secret: options.secret ?? parsed.value.secret },
      {
      name: LIVE_DOCUMENT_NAME,
      document: this.ydoc,
      token: encodeJoinToken({ name: options.name ?? 'Participant', resumeKey: options.resumeKey ?? newResumeKey() }),
      flushDelay: RECOMMENDED_CLIENT_FLUSH_DELAY_MS,
      onStateless: ({ payload }) => {
        const message = parseServerMessage(payload);
        if (message) this.messages.push(message);
      },
      onAuthenticationFailed: ({ reason }) => {
        this.authFailure = reason;
      },
      onClose: ({ event }) => {
        this.closeCodes.push(event.code);
      },
      },
    );
  }

  get document(): WorkspaceDocument {
    return readWorkspace(this.ydoc);
  }

  get clientId(): string | undefined {
    const welcome = this.messages.find((m) => m.type === 'welcome');
    return welcome?.type === 'welcome' ? welcome.clientId : undefined;
  }

  /** Joined and holding the host's document. */
  async synced(): Promise<void> {
    await until(() => this.provider.isSynced && this.clientId !== undefined, 'the participant to sync');
  }

  /** Makes an edit as the app does: the pure operation on the document read, written back with its origin. */
  edit(change: (doc: WorkspaceDocument) => WorkspaceDocument): void {
    writeWorkspace(this.ydoc, change(this.document), this.origin);
  }

  /**
   * Sends what is batched and waits until the host has applied (and so saved) every change this participant sent:
   * resolves in the same turn as the host's acknowledgement arrives.
   */
  async acknowledgedByHost(timeoutMs = 5_000): Promise<void> {
    this.provider.flushPendingUpdates();
    if (!this.provider.hasUnsyncedChanges) return;
    await new Promise<void>((resolve, reject) => {
      const onChange = ({ number }: { number: number }) => {
        if (number !== 0) return;
        clearTimeout(timer);
        this.provider.off('unsyncedChanges', onChange);
        resolve();
      };
      const timer = setTimeout(() => {
        this.provider.off('unsyncedChanges', onChange);
        reject(new Error('Timed out waiting for the host to acknowledge'));
      }, timeoutMs);
      this.provider.on('unsyncedChanges', onChange);
    });
  }

  async refused(): Promise<string> {
    await until(() => this.messages.some((m) => m.type === 'refused'), 'a refusal');
    const message = this.messages.find((m) => m.type === 'refused');
    return message?.type === 'refused' ? message.reason : '';
  }

  destroy(): void {
    this.provider.destroy();
  }
}

// The Hocuspocus protocol's message types (what @hocuspocus/common and server number them).
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const STATELESS = 5;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;
const SYNC_UPDATE = 2;

/** A client that writes the protocol's frames itself. */
export class RawClient {
  private readonly socket: InstanceType<ReturnType<typeof encryptedWebSocketFor>>;
  readonly received: Uint8Array[] = [];
  closeCode: number | null = null;
  private readonly opened: Promise<void>;

  /** A client with the session's key from `secret` (a wrong one fails the handshake). */
  constructor(host: string, port: number, secret: string) {
    const SealedSocket = encryptedWebSocketFor(secret);
    this.socket = new SealedSocket(`ws://${host}:${port}`);
    this.opened = new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => resolve());
      this.socket.addEventListener('error', () => reject(new Error('the raw client could not connect')));
      this.socket.addEventListener('close', () => reject(new Error(`the host closed the raw client's connection (${this.closeCode})`)));
    });
    this.opened.catch(() => {});
    this.socket.addEventListener('message', (event) => this.received.push(new Uint8Array((event as { data: ArrayBuffer }).data)));
    this.socket.addEventListener('close', (event) => {
      this.closeCode = (event as { code: number }).code;
    });
  }

  async open(): Promise<void> {
    await this.opened;
  }

  send(bytes: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(bytes);
  }

  /** Sends the join token; resolves with the host's answer. */
  async authenticate(token: string, documentName = LIVE_DOCUMENT_NAME): Promise<{ ok: boolean; detail: string }> {
    await this.open();
    const seen = this.received.length;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, AUTH);
    encoding.writeVarUint(encoder, AUTH_TOKEN);
    encoding.writeVarString(encoder, token);
    this.send(encoding.toUint8Array(encoder));
    let answer: { ok: boolean; detail: string } | null = null;
    await until(() => {
      for (const message of this.received.slice(seen)) {
        const decoder = decoding.createDecoder(message);
        decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) !== AUTH) continue;
        const kind = decoding.readVarUint(decoder);
        if (kind === AUTH_AUTHENTICATED) answer = { ok: true, detail: decoding.readVarString(decoder) };
        if (kind === AUTH_PERMISSION_DENIED) answer = { ok: false, detail: decoding.readVarString(decoder) };
      }
      return answer !== null || this.closeCode !== null;
    }, 'the answer to a join');
    return answer ?? { ok: false, detail: `closed (${this.closeCode})` };
  }

  /** Sends a Yjs update as a sync Update message, as the provider does. */
  sendUpdate(update: Uint8Array, documentName = LIVE_DOCUMENT_NAME): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, SYNC);
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Sends a presence (awareness) update, as the provider does. */
  sendAwareness(update: Uint8Array, documentName = LIVE_DOCUMENT_NAME): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, AWARENESS);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  /** The messages the host sent that are ours (live-messages.ts). */
  statelessMessages(): LiveServerMessage[] {
    const found: LiveServerMessage[] = [];
    for (const message of this.received) {
      const decoder = decoding.createDecoder(message);
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== STATELESS) continue;
      const parsed = parseServerMessage(decoding.readVarString(decoder));
      if (parsed) found.push(parsed);
    }
    return found;
  }

  async closed(): Promise<number> {
    await until(() => this.closeCode !== null, 'the host to close the connection');
    return this.closeCode!;
  }

  close(): void {
    this.socket.close();
  }
}
