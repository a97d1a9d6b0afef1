import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { canonicalSecret } from './join-code';

/*
 * Encryption of a live session's traffic with a key from the join code (issue 15, Security). Every WebSocket frame
 * between a participant's app and the host is sealed with AES-256-GCM; the join code's secret never travels, not
 * even encrypted, and without it nobody can read a frame, forge one, or pass for the host.
 *
 * The handshake, once per connection, before any Hocuspocus message:
 *
 *   host -> participant   HELLO: the magic "SML1" and the host's 16 random bytes (plain)
 *   participant -> host   HELLO: the magic, the participant's 16 random bytes, then a sealed "confirm" (proves the
 *                         participant has the secret; a wrong one fails here and counts as a wrong join code)
 *   host -> participant   a sealed "confirm" (proves the host has the secret: a look-alike host on the network fails)
 *
 * Keys: the session key is HKDF-SHA-256 of the secret; each connection's two keys (one per direction) are HKDF of
 * the session key salted with both hellos' random bytes, so no two connections share a key and a frame recorded on
 * one connection means nothing on another. GCM's nonce is the frame's number in its direction (never sent): TCP
 * delivers in order, so a frame dropped, repeated, reordered or altered on the way fails to open, and the connection
 * is closed. Frames are as long as the plain ones plus the 16-byte tag.
 *
 * This is a pre-shared-key channel, so its strength is the secret's: 80 random bits, beyond any offline search of a
 * recorded handshake. It has no forward secrecy: someone who records a session and later learns its join code can
 * read the recording. A join code is one session's; the next session has a new one.
 *
 * Pure functions and two small state machines (the host's and the participant's), no sockets: the server wrapper
 * (live-server.ts) and the participant's WebSocket (encrypted-web-socket.ts) carry the bytes.
 */

const MAGIC = Buffer.from('SML1', 'ascii');
const RANDOM_BYTES = 16;
const TAG_BYTES = 16;
const CONFIRM = Buffer.from('stakemap-live-confirm', 'ascii');
const SESSION_SALT = Buffer.from('stakemap live session v1', 'ascii');

/** Why a connection's traffic could not be trusted. */
export class FrameRejected extends Error {
  constructor(readonly reason: 'not-a-hello' | 'wrong-key' | 'altered') {
    super(
      reason === 'not-a-hello'
        ? 'The other side does not speak the live-session handshake.'
        : reason === 'wrong-key'
          ? 'The other side does not have this session’s join code.'
          : 'A message was altered, repeated or lost on the way.',
    );
  }
}

/** The key all of a session's connections start from, from its secret (in any form a person may type it). */
export function sessionKeyFromSecret(secret: string): Buffer {
  const canonical = canonicalSecret(secret);
  if (canonical === null) throw new Error('The secret is not a session secret.');
  return Buffer.from(hkdfSync('sha256', Buffer.from(canonical, 'ascii'), SESSION_SALT, 'key', 32));
}

/** One direction of a connection: seals (or opens) frame n with nonce n. */
class FrameStream {
  private counter = 0n;
  constructor(private readonly key: Buffer) {}

  private nextNonce(): Buffer {
    const nonce = Buffer.alloc(12);
    nonce.writeBigUInt64BE(this.counter, 4);
    this.counter += 1n;
    return nonce;
  }

  seal(plain: Uint8Array): Uint8Array {
    const cipher = createCipheriv('aes-256-gcm', this.key, this.nextNonce());
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }

  /** The plain frame, or null if it does not open with this direction's key and the next number. */
  open(sealed: Uint8Array): Uint8Array | null {
    if (sealed.byteLength < TAG_BYTES) return null;
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.nextNonce());
    decipher.setAuthTag(bytes.subarray(bytes.byteLength - TAG_BYTES));
    try {
      const body = Buffer.concat([decipher.update(bytes.subarray(0, bytes.byteLength - TAG_BYTES)), decipher.final()]);
      return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    } catch {
      return null;
    }
  }
}

/** A connection's two directions, once the handshake is done. */
export interface FrameChannel {
  /** A frame to send, sealed. */
  seal(plain: Uint8Array): Uint8Array;
  /** A received frame, opened; throws FrameRejected if it does not open. */
  open(sealed: Uint8Array): Uint8Array;
}

function channel(sessionKey: Buffer, hostRandom: Uint8Array, participantRandom: Uint8Array, side: 'host' | 'participant'): FrameChannel {
  const salt = Buffer.concat([hostRandom, participantRandom]);
  const toHost = new FrameStream(Buffer.from(hkdfSync('sha256', sessionKey, salt, 'participant to host', 32)));
  const toParticipant = new FrameStream(Buffer.from(hkdfSync('sha256', sessionKey, salt, 'host to participant', 32)));
  const [outgoing, incoming] = side === 'host' ? [toParticipant, toHost] : [toHost, toParticipant];
  return {
    seal: (plain) => outgoing.seal(plain),
    open: (sealed) => {
      const plain = incoming.open(sealed);
      if (plain === null) throw new FrameRejected('altered');
      return plain;
    },
  };
}

function readHello(frame: Uint8Array, extraBytes: number): { random: Uint8Array; rest: Uint8Array } {
  const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  if (bytes.byteLength < MAGIC.byteLength + RANDOM_BYTES + extraBytes || !bytes.subarray(0, MAGIC.byteLength).equals(MAGIC)) {
    throw new FrameRejected('not-a-hello');
  }
  const random = bytes.subarray(MAGIC.byteLength, MAGIC.byteLength + RANDOM_BYTES);
  return { random: Uint8Array.from(random), rest: bytes.subarray(MAGIC.byteLength + RANDOM_BYTES) };
}

/** The host's side of one connection's handshake. */
export class HostHandshake {
  private readonly hostRandom = randomBytes(RANDOM_BYTES);
  constructor(private readonly sessionKey: Buffer) {}

  /** The first frame the host sends, as the connection opens. */
  hello(): Uint8Array {
    return Uint8Array.from(Buffer.concat([MAGIC, this.hostRandom]));
  }

  /**
   * The participant's hello: the channel, and the confirmation to send back (sealed as the channel's first frame).
   * Throws FrameRejected: 'not-a-hello' for something else, 'wrong-key' for a participant without the secret.
   */
  accept(participantHello: Uint8Array): { channel: FrameChannel; reply: Uint8Array } {
    const { random, rest } = readHello(participantHello, CONFIRM.byteLength + TAG_BYTES);
    const result = channel(this.sessionKey, this.hostRandom, random, 'host');
    let confirmed: Uint8Array;
    try {
      confirmed = result.open(rest);
    } catch {
      throw new FrameRejected('wrong-key');
    }
    if (!Buffer.from(confirmed).equals(CONFIRM)) throw new FrameRejected('wrong-key');
    return { channel: result, reply: result.seal(CONFIRM) };
  }
}

/** The participant's side of one connection's handshake. */
export class ParticipantHandshake {
  private readonly participantRandom = randomBytes(RANDOM_BYTES);
  private pending: FrameChannel | null = null;
  constructor(private readonly sessionKey: Buffer) {}

  /** The host's hello: the hello to answer with. Throws FrameRejected('not-a-hello') for anything else. */
  answer(hostHello: Uint8Array): Uint8Array {
    const { random } = readHello(hostHello, 0);
    this.pending = channel(this.sessionKey, random, this.participantRandom, 'participant');
    return Uint8Array.from(Buffer.concat([MAGIC, this.participantRandom, this.pending.seal(CONFIRM)]));
  }

  /** The host's confirmation: the channel. Throws FrameRejected('wrong-key') if the host does not have the secret. */
  confirm(hostConfirm: Uint8Array): FrameChannel {
    const pending = this.pending;
    if (pending === null) throw new FrameRejected('not-a-hello');
    let confirmed: Uint8Array;
    try {
      confirmed = pending.open(hostConfirm);
    } catch {
      throw new FrameRejected('wrong-key');
    }
    if (!Buffer.from(confirmed).equals(CONFIRM)) throw new FrameRejected('wrong-key');
    return pending;
  }
}
