import { once } from 'node:events';
import net from 'node:net';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPainPoint } from '../../../../shared/operations/pain-points';
import { FrameRejected, HostHandshake, ParticipantHandshake, sessionKeyFromSecret } from '../../../../electron/live/frame-cipher';
import { encodeJoinCode, generateSecret } from '../../../../electron/live/join-code';
import { encodeJoinToken } from '../../../../electron/live/join-token';
import { CLOSE_CODES, LIVE_DOCUMENT_NAME } from '../../../../electron/live/live-messages';
import { startLiveServer, type LiveServer } from '../../../../electron/live/live-server';
import { makeTempDir } from '../helpers';
import { ParticipantClient, until } from './live-clients';
import { sampleWorkspace } from './sample-workspace';

/*
 * The live session's traffic is encrypted with a key from the join code (frame-cipher.ts): the handshake and the
 * frame channel on their own, then what a person on the same network records between a participant and the host
 * (a recording TCP relay in the middle), and what replaying that recording gets them.
 */

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (frame: Uint8Array) => new TextDecoder().decode(frame);

function handshake(participantSecret: string, hostSecret = participantSecret) {
  const hostSide = new HostHandshake(sessionKeyFromSecret(hostSecret));
  const participantSide = new ParticipantHandshake(sessionKeyFromSecret(participantSecret));
  const answer = participantSide.answer(hostSide.hello());
  const accepted = hostSide.accept(answer);
  return { host: accepted.channel, participant: participantSide.confirm(accepted.reply) };
}

describe('the frame channel', () => {
  it('carries frames both ways once both sides have proven the secret; a sealed frame shows nothing of the plain one', () => {
    const secret = generateSecret();
    const { host, participant } = handshake(secret);
    const sealed = participant.seal(bytes('Approvals vanish in the legal inbox'));
    expect(Buffer.from(sealed).includes('Approvals')).toBe(false);
    expect(sealed.byteLength).toBe('Approvals vanish in the legal inbox'.length + 16);
    expect(text(host.open(sealed))).toBe('Approvals vanish in the legal inbox');
    expect(text(participant.open(host.seal(bytes('welcome'))))).toBe('welcome');
    // The same frame twice is two different ciphertexts (the nonce counts).
    expect(Buffer.from(participant.seal(bytes('x'))).equals(Buffer.from(participant.seal(bytes('x'))))).toBe(false);
  });

  it('reads the secret in any form a person types it', () => {
    const secret = generateSecret();
    expect(sessionKeyFromSecret(secret.toLowerCase().match(/.{4}/g)!.join('-'))).toEqual(sessionKeyFromSecret(secret));
    expect(() => sessionKeyFromSecret('not a secret')).toThrow();
  });

  it('refuses a participant without the secret, and a host without it', () => {
    const secret = generateSecret();
    const other = generateSecret();
    expect(() => handshake(other, secret)).toThrow(FrameRejected);
    try {
      handshake(other, secret);
    } catch (error) {
      expect((error as FrameRejected).reason).toBe('wrong-key');
    }
    // A look-alike host: the participant's hello opens nowhere but on the real host, and the look-alike cannot
    // confirm; the participant checks the host's confirmation.
    const lookAlike = new HostHandshake(sessionKeyFromSecret(other));
    const participantSide = new ParticipantHandshake(sessionKeyFromSecret(secret));
    const answer = participantSide.answer(lookAlike.hello());
    expect(() => lookAlike.accept(answer)).toThrow(FrameRejected);
    const forgedReply = new HostHandshake(sessionKeyFromSecret(other));
    const probe = new ParticipantHandshake(sessionKeyFromSecret(other));
    const { reply } = forgedReply.accept(probe.answer(forgedReply.hello()));
    expect(() => participantSide.confirm(reply)).toThrow(FrameRejected);
  });

  it('refuses something that is not a hello', () => {
    const hostSide = new HostHandshake(sessionKeyFromSecret(generateSecret()));
    for (const frame of [new Uint8Array(0), bytes('GET / HTTP/1.1'), new Uint8Array(200)]) {
      expect(() => hostSide.accept(frame)).toThrow(expect.objectContaining({ reason: 'not-a-hello' }));
    }
    expect(() => new ParticipantHandshake(sessionKeyFromSecret(generateSecret())).answer(bytes('SML'))).toThrow(FrameRejected);
  });

  it('a frame altered, repeated, dropped or moved on the way does not open', () => {
    const secret = generateSecret();
    const altered = handshake(secret);
    const frame = altered.participant.seal(bytes('move s-legal'));
    frame[3] = frame[3]! ^ 1;
    expect(() => altered.host.open(frame)).toThrow(FrameRejected);

    const repeated = handshake(secret);
    const once1 = repeated.participant.seal(bytes('vote'));
    expect(text(repeated.host.open(once1))).toBe('vote');
    expect(() => repeated.host.open(once1)).toThrow(FrameRejected);

    const reordered = handshake(secret);
    const first = reordered.participant.seal(bytes('first'));
    const second = reordered.participant.seal(bytes('second'));
    expect(() => reordered.host.open(second)).toThrow(FrameRejected);
    void first;

    // A frame of one connection means nothing on another with the same secret.
    const one = handshake(secret);
    const two = handshake(secret);
    expect(() => two.host.open(one.participant.seal(bytes('hello')))).toThrow(FrameRejected);
    // Nor a frame sent back to its sender (each direction has its own key).
    const echo = handshake(secret);
    expect(() => echo.participant.open(echo.participant.seal(bytes('echo')))).toThrow(FrameRejected);
  });
});

// ----- on the wire -------------------------------------------------------------------------------------------

interface Recording {
  toHost: Buffer[];
  toParticipant: Buffer[];
}

/** A TCP relay that records what passes, as someone on the room's network could. */
async function recordingRelay(target: { host: string; port: number }): Promise<{ port: number; recording: Recording; close(): Promise<void> }> {
  const recording: Recording = { toHost: [], toParticipant: [] };
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((incoming) => {
    const outgoing = net.connect(target.port, target.host);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    incoming.on('data', (chunk: Buffer) => {
      recording.toHost.push(chunk);
      outgoing.write(chunk);
    });
    outgoing.on('data', (chunk: Buffer) => {
      recording.toParticipant.push(chunk);
      incoming.write(chunk);
    });
    incoming.on('close', () => outgoing.destroy());
    outgoing.on('close', () => incoming.destroy());
  });
  relay.listen(0, '127.0.0.1');
  await once(relay, 'listening');
  const port = (relay.address() as net.AddressInfo).port;
  return {
    port,
    recording,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      relay.close();
      await once(relay, 'close');
    },
  };
}

const servers: LiveServer[] = [];
const cleanups: Array<() => unknown> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  for (const server of servers.splice(0)) await server.stop();
});

async function host(): Promise<LiveServer> {
  const server = await startLiveServer({ document: sampleWorkspace(), host: '127.0.0.1', stateDir: await makeTempDir('stakemap-live-'), hostName: 'Fran Facilitator' });
  servers.push(server);
  return server;
}

describe('what someone on the same network sees', () => {
  it('none of the map, the names, the token or the secret: only sealed frames', async () => {
    const server = await host();
    const relay = await recordingRelay({ host: server.host, port: server.port });
    cleanups.push(() => relay.close());
    const ann = new ParticipantClient(encodeJoinCode({ host: '127.0.0.1', port: relay.port, secret: server.secret }), { name: 'Ann Wiretap' });
    cleanups.push(() => ann.destroy());
    await ann.synced();
    ann.edit((doc) => addPainPoint(doc, { id: 'p-ann', title: 'Approvals vanish in the legal inbox', categoryId: 'workflows', attachedTo: [{ type: 'stakeholder', id: 's-legal' }] }));
    await ann.acknowledgedByHost();
    expect(server.readDocument().painPoints.map((p) => p.title)).toContain('Approvals vanish in the legal inbox');

    const secrets = ['Approvals vanish', 'Sign-off takes days', 'Social media team', 'Ann Wiretap', 'Fran Facilitator', 'resumeKey', server.secret, server.secret.match(/.{4}/g)!.join('-')];
    const wire = Buffer.concat([...relay.recording.toHost, ...relay.recording.toParticipant]);
    expect(wire.byteLength).toBeGreaterThan(1_000);
    expect(secrets.filter((s) => wire.includes(s))).toEqual([]);
    // The search would find them in what Hocuspocus sends without the seal: the document's own update has them.
    const plain = Buffer.from(Y.encodeStateAsUpdate(ann.ydoc));
    expect(['Approvals vanish', 'Sign-off takes days', 'Social media team'].filter((s) => plain.includes(s))).toHaveLength(3);
  });

  it('replaying a recorded join gets nobody in: the host closes the connection', async () => {
    const server = await host();
    const relay = await recordingRelay({ host: server.host, port: server.port });
    cleanups.push(() => relay.close());
    const ann = new ParticipantClient(encodeJoinCode({ host: '127.0.0.1', port: relay.port, secret: server.secret }), { name: 'Ann' });
    await ann.synced();
    ann.destroy();
    await until(() => server.participants().length === 0, 'Ann to leave');

    const replay = net.connect(server.port, server.host);
    replay.on('error', () => undefined);
    cleanups.push(() => replay.destroy());
    await once(replay, 'connect');
    const answered: Buffer[] = [];
    replay.on('data', (chunk: Buffer) => answered.push(chunk));
    for (const chunk of relay.recording.toHost) replay.write(chunk);
    await once(replay, 'close');
    expect(server.participants()).toEqual([]);
    // The host's first words on this connection were its hello, then a close frame with the wrong-code status.
    const closeFrame = Buffer.from([0x88]);
    const reply = Buffer.concat(answered);
    const at = reply.lastIndexOf(closeFrame);
    expect(at).toBeGreaterThan(0);
    expect(reply.readUInt16BE(at + 2)).toBe(CLOSE_CODES.wrongCode);
  });

  it('a client that sends Hocuspocus frames without the seal is closed before the host reads them', async () => {
    const server = await host();
    const socket = new WebSocket(`ws://${server.host}:${server.port}`);
    socket.binaryType = 'arraybuffer';
    cleanups.push(() => socket.close());
    let closeCode: number | null = null;
    socket.addEventListener('close', (event) => {
      closeCode = event.code;
    });
    await once(socket, 'open');
    // What the Hocuspocus provider sends first: the document's name, Auth, Token, the token.
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, LIVE_DOCUMENT_NAME);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, encodeJoinToken({ name: 'Plain' }));
    socket.send(encoding.toUint8Array(encoder));
    await until(() => closeCode !== null, 'the host to close the plain connection');
    expect(closeCode).toBe(CLOSE_CODES.wrongCode);
    expect(server.participants()).toEqual([]);
  });
});
