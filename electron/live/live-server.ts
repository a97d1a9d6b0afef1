import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Server, type Connection, type Hocuspocus, type WebSocketLike } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { writeSyncStep1 } from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WorkspaceDocument } from '../../shared/document/schema';
import { createWorkspaceYDoc, readWorkspace } from '../../shared/live/workspace-ydoc';
import { DEFAULT_FAILED_JOIN_LIMITS, FailedJoinLimiter, type FailedJoinLimits } from './failed-join-limiter';
import { FrameRejected, HostHandshake, sessionKeyFromSecret, type FrameChannel } from './frame-cipher';
import { encodeJoinCode, generateSecret } from './join-code';
import { parseJoinToken, resumeKeyDigest, type JoinToken } from './join-token';
import { CLOSE_CODES, encodeServerMessage, FACILITATOR_CLIENT_ID, LIVE_DOCUMENT_NAME, type LivePeer, type LiveServerMessage } from './live-messages';
import { DEFAULT_MESSAGE_RATE_LIMITS, MessageRateLimit, type MessageRateLimits } from './message-rate-limit';
import { defaultHostAddress, isWildcardAddress } from './network-addresses';
import { PersistBeforeBroadcast } from './persist-before-broadcast';
import { JOINING_ROLE, type Role } from '../../shared/live/roles';
import { readResumableSession, SESSION_FILE, STATE_FILE, writeSavedSession, writeSharedState, type SavedParticipant } from './session-state-files';
import { UpdateJudge } from './update-check';

/*
 * The host's side of a live session (issue 15): a Hocuspocus server over the one shared document, on the network
 * interface the facilitator picked. Hocuspocus does the Yjs sync protocol, presence and the WebSocket; this module
 * decides who gets in and what gets through, and keeps the session's state on disk for crash-resume.
 *
 * The host's document is the server's: `ydoc` is the Hocuspocus Document itself, and the host app edits it
 * in-process (writeWorkspace with `hostOrigin`, so its undo manager can track its own changes). No Electron import:
 * it runs in Electron's utility process, in Node 24 child processes in tests, anywhere with Node >= 22.
 *
 * Hocuspocus hooks used, and what for:
 *   onAuthenticate     the join token (the secret was proven by the handshake), failed tries per address
 *                      (failed-join-limiter.ts),
 *                      the participant it is (a resume key brings back the same one, with their role)
 *   connected          registers the connection with its participant; sends `welcome`, tells everyone `peers`
 *   beforeSync         every update (sync step 2, update) from a participant is judged before it is applied
 *                      (update-check.ts), and an accepted one is written to the state folder first
 *                      (persist-before-broadcast.ts). A refused or incomplete update is held back: the connection
 *                      is made read-only for that one message, which Hocuspocus then answers without applying it
 *   afterHandleMessage undoes the hold-back (the connection's role decides again) and lets go of the written update
 *   beforeHandleAwareness  presence is bounded: a small state, a few per message, never another connection's
 *   onDisconnect       the participant has left (when it was their last connection)
 *   onLoadDocument     the document starts from the host's workspace, or from the state folder when resuming
 * and, below the hooks, Hocuspocus' handleConnection is wrapped to count every incoming message against the
 * connection's rate limit as it arrives (before any parsing), to learn the peer's address, to close connections
 * from blocked addresses at once, and to encrypt every frame with keys from the join code's secret
 * (frame-cipher.ts): a participant without the secret fails the handshake before Hocuspocus sees anything, and
 * counts as a wrong code. Messages larger than the limit never get that far: the WebSocket server closes the
 * connection (its maxPayload).
 */

export interface LiveServerLimits {
  /** Largest WebSocket message, in bytes. A larger one closes the connection (CLOSE_CODES.tooBig). */
  readonly maxMessageBytes: number;
  /** Messages one connection may send (message-rate-limit.ts). */
  readonly messageRate: MessageRateLimits;
  /** Wrong join codes per address (failed-join-limiter.ts). */
  readonly failedJoins: FailedJoinLimits;
  /** Largest the shared state may grow to, in bytes. */
  readonly maxStateBytes: number;
  /** Incomplete updates (update-check.ts) one connection may send in a row before it is closed. */
  readonly maxIncompleteInARow: number;
  /** Participants a session remembers (including those who left). */
  readonly maxParticipants: number;
  /** Largest presence state (pointer, selection, name, colour) one client may have, in characters of JSON. */
  readonly maxPresenceChars: number;
}

export const DEFAULT_LIVE_SERVER_LIMITS: LiveServerLimits = {
  maxMessageBytes: 1024 * 1024,
  messageRate: DEFAULT_MESSAGE_RATE_LIMITS,
  failedJoins: DEFAULT_FAILED_JOIN_LIMITS,
  maxStateBytes: 64 * 1024 * 1024,
  maxIncompleteInARow: 20,
  maxParticipants: 500,
  maxPresenceChars: 8 * 1024,
};

/** Presence states one message may carry: a participant's app has one (its Y.Doc's), a few after a reload. */
const MAX_PRESENCE_STATES_PER_MESSAGE = 4;

interface CommonOptions {
  /** The interface to listen on: one address of this machine. Default: its first LAN address (network-addresses.ts). */
  readonly host?: string;
  /** 0 or absent: any free port. A resumed session tries the port it had first, so participants reconnect by themselves. */
  readonly port?: number;
  /** Where the session keeps its state for crash-resume (the app's data folder; never the user's file). */
  readonly stateDir: string;
  /** The facilitator's name, as participants see it. */
  readonly hostName?: string;
  /** Called with the document after participants changed it (debounced: one call for a burst of changes). */
  readonly onDocumentChanged?: (doc: WorkspaceDocument) => void;
  /** Called when someone joins or leaves, or a role changes. */
  readonly onParticipantsChanged?: (participants: readonly LiveParticipant[]) => void;
  /** Called when something goes wrong that the session survives (a failed write of the state folder). */
  readonly onError?: (error: unknown) => void;
  /** The clock for the join limiter and the rate limits (tests move it). */
  readonly now?: () => number;
  readonly limits?: Partial<LiveServerLimits>;
}

export type LiveServerOptions =
  | (CommonOptions & { readonly document: WorkspaceDocument; readonly resumeFrom?: undefined })
  /** Resumes the session a state folder holds: its document, secret, port and participants' roles. */
  | (CommonOptions & { readonly resumeFrom: string; readonly document?: undefined });

export interface LiveParticipant {
  readonly clientId: string;
  readonly name: string;
  readonly role: Role;
}

export interface LiveServer {
  readonly host: string;
  readonly port: number;
  readonly secret: string;
  /** What participants type to join (join-code.ts). */
  readonly joinCode: string;
  readonly documentName: string;
  /** The shared document: edit it with writeWorkspace(ydoc, doc, hostOrigin). */
  readonly ydoc: Y.Doc;
  /** The origin of the host's own changes. */
  readonly hostOrigin: object;
  /** The document as the shared state reads now. */
  readDocument(): WorkspaceDocument;
  /** Who is connected now. */
  participants(): LiveParticipant[];
  /** Changes a participant's role; false if there is no such participant. Applies from their next message. */
  setRole(clientId: string, role: Role): boolean;
  /**
   * Tells everyone the session ended, closes every connection, writes the final state and stops listening. The
   * state folder is kept (the host app removes it once the workspace is saved) unless `discardState`.
   */
  stop(options?: { readonly discardState?: boolean }): Promise<void>;
}

/** What a connection carries from the moment it opens (Hocuspocus copies it into each document's context). */
interface ConnectionContext {
  readonly remoteAddress: string;
  readonly closeSocket: (code: number, reason: string) => void;
  /** Set by onAuthenticate. */
  readonly clientId?: string;
}

interface Participant {
  readonly clientId: string;
  name: string;
  role: Role;
  readonly resumeKeyDigest: string | null;
  readonly connections: Set<Connection<ConnectionContext>>;
}

/** Refuses a join with a reason the participant's app receives. Its message is empty so Hocuspocus logs nothing. */
class JoinRefused extends Error {
  constructor(readonly reason: 'wrong-code' | 'too-many-attempts' | 'session-full' | 'session-ended') {
    super('');
  }
}

/** The longest timer Node accepts: the Document's batch window, so only PersistBeforeBroadcast flushes it. */
const ENDLESS_BATCH_MS = 2_147_483_647;
/** The trailing wait of onDocumentChanged. */
const DOCUMENT_CHANGED_DEBOUNCE_MS = 20;

export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const limits: LiveServerLimits = { ...DEFAULT_LIVE_SERVER_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;

  // What the session starts from: the host's workspace, or the state folder of a session that was cut short.
  const resumed = options.resumeFrom === undefined ? null : await readResumableSession(options.resumeFrom);
  const initialState = resumed?.state ?? Y.encodeStateAsUpdate(createWorkspaceYDoc(options.document!));
  const documentName = resumed?.session.documentName ?? LIVE_DOCUMENT_NAME;
  const secret = resumed?.session.secret ?? generateSecret();
  const host = options.host ?? resumed?.session.host ?? defaultHostAddress();
  if (isWildcardAddress(host)) throw new Error('A live session listens on one network address of this computer, not on all of them: pick one.');
  const participants = new Map<string, Participant>();
  /** The pain points each participant added in this session (by clientId): theirs to delete. */
  const authored = new Map<string, Set<string>>();
  for (const saved of resumed?.session.participants ?? []) participants.set(saved.clientId, { ...saved, connections: new Set() });

  await mkdir(options.stateDir, { recursive: true });
  const limiter = new FailedJoinLimiter(limits.failedJoins);
  const sockets = new Set<WebSocketLike>();
  /** Connections whose current message is held back (see beforeSync). */
  const heldBack = new Set<Connection<ConnectionContext>>();
  /** Incomplete updates each connection sent in a row. */
  const incompleteInARow = new WeakMap<Connection<ConnectionContext>, number>();
  let stopping = false;
  let persister: PersistBeforeBroadcast | null = null;
  let judge: UpdateJudge | null = null;

  const reportError = (error: unknown) => options.onError?.(error);
  const participantOf = (connection: Connection<ConnectionContext>) => {
    const clientId = connection.context.clientId;
    return clientId === undefined ? undefined : participants.get(clientId);
  };
  const connected = () => [...participants.values()].filter((p) => p.connections.size > 0).map(({ clientId, name, role }) => ({ clientId, name, role }));
  const send = (connection: Connection<ConnectionContext>, message: LiveServerMessage) => connection.sendStateless(encodeServerMessage(message));
  const everyConnection = () => [...participants.values()].flatMap((p) => [...p.connections]);

  const saveSession = () =>
    writeSavedSession(options.stateDir, {
      documentName,
      secret,
      host,
      port: listeningPort,
      participants: [...participants.values()].map(({ clientId, name, role, resumeKeyDigest: digest }): SavedParticipant => ({ clientId, name, role, resumeKeyDigest: digest })),
    });
  let sessionWrites = Promise.resolve();
  /** Session writes one after the other, each with the session as it is when it starts. */
  const saveSessionSoon = () => {
    sessionWrites = sessionWrites.then(saveSession).catch(reportError);
    return sessionWrites;
  };

  const participantsChanged = () => {
    const peers: LivePeer[] = [{ clientId: FACILITATOR_CLIENT_ID, name: options.hostName ?? 'Facilitator', role: 'facilitator' }, ...connected()];
    for (const connection of everyConnection()) send(connection, { type: 'peers', peers });
    // The embedder's trouble is not the participant's: a throw here would reach Hocuspocus' connected hook, which
    // answers it with "permission denied" and the participant's app ends its session.
    try {
      options.onParticipantsChanged?.(connected());
    } catch (error) {
      reportError(error);
    }
  };

  /** The participant a valid token is: the same one again for a known resume key, else a new contributor. */
  const admit = (token: JoinToken): Participant => {
    const digest = token.resumeKey === undefined ? null : resumeKeyDigest(token.resumeKey);
    const known = digest === null ? undefined : [...participants.values()].find((p) => p.resumeKeyDigest === digest);
    if (known) {
      known.name = token.name;
      return known;
    }
    if (participants.size >= limits.maxParticipants) throw new JoinRefused('session-full');
    const participant: Participant = { clientId: `p-${randomBytes(6).toString('hex')}`, name: token.name, role: JOINING_ROLE, resumeKeyDigest: digest, connections: new Set() };
    participants.set(participant.clientId, participant);
    return participant;
  };

  /** Makes Hocuspocus answer the message being handled without applying it (see beforeSync). */
  const holdBack = (connection: Connection<ConnectionContext>) => {
    heldBack.add(connection);
    connection.readOnly = true;
  };

  /** Asks the sender for what the host lacks: a sync step 1, answered with a sync step 2 of all of it. */
  const askForMissing = (connection: Connection<ConnectionContext>, doc: Y.Doc) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, connection.messageAddress);
    encoding.writeVarUint(encoder, 0); // Hocuspocus MessageType.Sync
    writeSyncStep1(encoder, doc);
    connection.send(encoding.toUint8Array(encoder));
  };

  let readCache: { version: number; doc: WorkspaceDocument } | null = null;
  let version = 0;
  const currentDocument = (doc: Y.Doc) => {
    if (readCache?.version !== version) readCache = { version, doc: readWorkspace(doc) };
    return readCache.doc;
  };

  const server = new Server<ConnectionContext>({
    name: 'stakemap-live',
    quiet: true,
    stopOnSignals: false,
    address: host,
    websocketOptions: { maxPayload: limits.maxMessageBytes },
    flushDelay: ENDLESS_BATCH_MS,
    flushMaxBytes: Number.MAX_SAFE_INTEGER,
    maxUnauthenticatedQueueSize: 2 * limits.maxMessageBytes,
    maxUnauthenticatedQueueMessages: limits.messageRate.burst,

    async onLoadDocument({ documentName: name }) {
      return name === documentName ? initialState : undefined;
    },

    async onAuthenticate({ token, documentName: name, context, connectionConfig }) {
      const address = context.remoteAddress;
      if (stopping) throw new JoinRefused('session-ended');
      if (limiter.isBlocked(address, now())) throw refuseBlocked(context);
      const parsed = parseJoinToken(token);
      // The secret was proven by the connection's handshake (frame-cipher.ts); what is left to check is the token.
      if (name !== documentName || parsed === null) {
        if (limiter.recordFailure(address, now())) throw refuseBlocked(context);
        throw new JoinRefused('wrong-code');
      }
      const participant = admit(parsed);
      connectionConfig.readOnly = participant.role === 'viewer';
      await saveSessionSoon();
      return { clientId: participant.clientId };
    },

    async connected({ connection }) {
      const participant = participantOf(connection);
      if (!participant) return;
      participant.connections.add(connection);
      send(connection, { type: 'welcome', clientId: participant.clientId, name: participant.name, role: participant.role });
      participantsChanged();
    },

    async onDisconnect({ context, socketId }) {
      const participant = context.clientId === undefined ? undefined : participants.get(context.clientId);
      if (!participant) return;
      for (const connection of participant.connections) if (connection.socketId === socketId) participant.connections.delete(connection);
      if (!stopping) participantsChanged();
    },

    async beforeSync({ connection, document: doc, type, payload }) {
      if (type === 0) return; // sync step 1: the sender's state vector, asking for what it lacks
      const participant = participantOf(connection);
      if (!participant || stopping || persister === null || judge === null) {
        holdBack(connection);
        return;
      }
      const own = authored.get(participant.clientId);
      const verdict = judge.judge({ update: payload, role: participant.role, context: { voterId: participant.clientId, ...(own ? { ownPainPointIds: own } : {}) } });
      switch (verdict.kind) {
        case 'unchanged':
          return;
        case 'incomplete': {
          holdBack(connection);
          const count = (incompleteInARow.get(connection) ?? 0) + 1;
          incompleteInARow.set(connection, count);
          if (count > limits.maxIncompleteInARow) connection.context.closeSocket(CLOSE_CODES.outOfOrder, 'out-of-order');
          else askForMissing(connection, doc);
          return;
        }
        case 'refused':
          holdBack(connection);
          send(connection, { type: 'refused', reason: verdict.reason });
          connection.context.closeSocket(CLOSE_CODES.refused, 'refused');
          return;
        case 'accepted': {
          incompleteInARow.delete(connection);
          // Who added which pain point, so a contributor may delete (undo) their own and no one else's.
          const existed = new Set(verdict.before.painPoints.map((p) => p.id));
          const added = verdict.after.painPoints.filter((p) => !existed.has(p.id)).map((p) => p.id);
          if (added.length > 0) {
            const set = authored.get(participant.clientId) ?? new Set<string>();
            for (const id of added) set.add(id);
            authored.set(participant.clientId, set);
          }
          try {
            await persister.writeWith(connection, payload);
          } catch (error) {
            reportError(error);
            judge?.forgetAccepted();
            holdBack(connection);
            connection.context.closeSocket(CLOSE_CODES.storageFailed, 'storage-failed');
          }
          return;
        }
      }
    },

    async beforeHandleAwareness({ states, connection, document: doc }) {
      // Presence is relayed to everyone, so it is bounded like the document: a state the size of a pointer and a
      // selection, a few per message, and never the presence of someone else's connection.
      if (connection === undefined) return;
      const othersClients = new Set<number>();
      for (const other of doc.getConnections()) if (other !== connection) for (const clientId of doc.getClients(other) as Set<number>) othersClients.add(clientId);
      let kept = 0;
      for (const [clientId, state] of states) {
        const tooLarge = JSON.stringify(state ?? null).length > limits.maxPresenceChars;
        if (othersClients.has(clientId) || tooLarge || kept >= MAX_PRESENCE_STATES_PER_MESSAGE) states.delete(clientId);
        else kept += 1;
      }
    },

    async afterHandleMessage({ connection }) {
      persister?.applied(connection);
      if (heldBack.delete(connection)) connection.readOnly = participantOf(connection)?.role === 'viewer';
    },
  });

  function refuseBlocked(context: ConnectionContext): JoinRefused {
    // After the refusal has gone out: a blocked address gets nothing more on this connection.
    setImmediate(() => context.closeSocket(CLOSE_CODES.tooManyAttempts, 'too-many-attempts'));
    return new JoinRefused('too-many-attempts');
  }

  wrapIncomingConnections(server.hocuspocus, {
    sessionKey: sessionKeyFromSecret(secret),
    onOpen: (socket) => {
      sockets.add(socket);
      return { remoteAddress: remoteAddressOf(socket) };
    },
    onClose: (socket) => sockets.delete(socket),
    admitsNow: (remoteAddress) => !stopping && !limiter.isBlocked(remoteAddress, now()),
    wrongKeyFrom: (remoteAddress) => limiter.recordFailure(remoteAddress, now()),
    newRateLimit: () => new MessageRateLimit(limits.messageRate, now()),
    now,
  });

  const listeningPort = await listen(server, options.port || resumed?.session.port || 0, Boolean(resumed && !options.port));
  // The host's own connection to the document: it keeps the document loaded while no participant is connected.
  const direct = await server.hocuspocus.openDirectConnection(documentName).catch(async (error: unknown) => {
    await server.destroy();
    throw error;
  });
  const sharedDocument = direct.document;
  if (sharedDocument === null) throw new Error('The shared document did not load.');
  const hostOrigin = Object.freeze({ source: 'local' as const, skipStoreHooks: true, stakemapHost: true });
  judge = new UpdateJudge(sharedDocument, { maxStateBytes: limits.maxStateBytes });
  persister = new PersistBeforeBroadcast({ document: sharedDocument, write: (state) => writeSharedState(options.stateDir, state), onWriteFailed: reportError });

  let changedTimer: NodeJS.Timeout | null = null;
  sharedDocument.on('update', (_update: Uint8Array, origin: unknown) => {
    version += 1;
    // After stop() nothing more is written: the state folder may be gone (discardState).
    if (stopping) return;
    const sender = connectionOf(origin);
    persister?.changed(sender);
    if (origin === hostOrigin || options.onDocumentChanged === undefined || changedTimer !== null) return;
    changedTimer = setTimeout(() => {
      changedTimer = null;
      if (!stopping) options.onDocumentChanged?.(currentDocument(sharedDocument));
    }, DOCUMENT_CHANGED_DEBOUNCE_MS);
  });
  sharedDocument.awareness.on('update', () => persister?.presenceChanged());

  // The starting point is on disk before anyone can join: a crash from here on resumes.
  await writeSharedState(options.stateDir, Y.encodeStateAsUpdate(sharedDocument));
  await saveSessionSoon();

  return {
    host,
    port: listeningPort,
    secret,
    joinCode: encodeJoinCode({ host, port: listeningPort, secret }),
    documentName,
    ydoc: sharedDocument,
    hostOrigin,
    readDocument: () => currentDocument(sharedDocument),
    participants: connected,
    setRole(clientId, role) {
      const participant = participants.get(clientId);
      if (!participant) return false;
      participant.role = role;
      for (const connection of participant.connections) {
        if (!heldBack.has(connection)) connection.readOnly = role === 'viewer';
        send(connection, { type: 'role', role });
      }
      void saveSessionSoon();
      participantsChanged();
      return true;
    },
    async stop(stopOptions = {}) {
      if (stopping) return;
      stopping = true;
      if (changedTimer !== null) clearTimeout(changedTimer);
      for (const connection of everyConnection()) send(connection, { type: 'ended', message: 'The facilitator ended the live session.' });
      await persister?.settled();
      persister?.stop();
      judge?.destroy();
      sharedDocument.flush();
      for (const socket of sockets) socket.close(CLOSE_CODES.ended, 'ended');
      try {
        await writeSharedState(options.stateDir, Y.encodeStateAsUpdate(sharedDocument)).catch(reportError);
        await sessionWrites;
        await direct.disconnect();
        await server.destroy();
      } finally {
        if (stopOptions.discardState) {
          await rm(path.join(options.stateDir, STATE_FILE), { force: true });
          await rm(path.join(options.stateDir, SESSION_FILE), { force: true });
        }
      }
    },
  };
}

/** The connection a transaction origin names, when the change came from a participant. */
function connectionOf(origin: unknown): Connection | null {
  if (typeof origin !== 'object' || origin === null) return null;
  const { source, connection } = origin as { source?: unknown; connection?: unknown };
  return source === 'connection' && typeof connection === 'object' && connection !== null ? (connection as Connection) : null;
}

/**
 * Listens on `port`; a resumed session whose old port is taken now falls back to any free port (participants then
 * need the new code). Server.listen() never rejects when the port is taken, so the HTTP server's error is watched.
 */
async function listen(server: Server<ConnectionContext>, port: number, fallBackToAnyPort: boolean): Promise<number> {
  const attempt = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.httpServer.once('error', onError);
      server.configuration.port = p;
      server
        .listen()
        .then(() => {
          server.httpServer.off('error', onError);
          resolve(server.address.port);
        })
        .catch(reject);
    });
  try {
    return await attempt(port);
  } catch (error) {
    if (!fallBackToAnyPort || (error as { code?: string }).code !== 'EADDRINUSE') throw error;
    return attempt(0);
  }
}

/** The peer's address, from the ws socket under Hocuspocus' WebSocket, IPv4-mapped IPv6 written as IPv4. */
function remoteAddressOf(socket: WebSocketLike): string {
  const address = (socket as { _socket?: { remoteAddress?: string } })._socket?.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

interface IncomingConnectionPolicy {
  /** The session's key (frame-cipher.ts): every connection's traffic is sealed with keys from it. */
  readonly sessionKey: Buffer;
  onOpen(socket: WebSocketLike): { remoteAddress: string };
  onClose(socket: WebSocketLike): void;
  admitsNow(remoteAddress: string): boolean;
  /** A connection from this address failed the handshake (no secret, or no hello); true if the address is now blocked. */
  wrongKeyFrom(remoteAddress: string): boolean;
  newRateLimit(): MessageRateLimit;
  now(): number;
}

/**
 * Wraps Hocuspocus' handleConnection, which its Server calls for every WebSocket that opens, and the message and
 * close handlers of the client connection it returns (both public: they are what an integration calls).
 *
 * - Encryption (frame-cipher.ts): the host's hello goes out as the socket opens; the participant's hello must prove
 *   it has the secret (if not, it is a wrong join code: counted against the address, and the socket is closed with
 *   CLOSE_CODES.wrongCode before Hocuspocus sees a byte). Hocuspocus is given a socket that seals what it sends;
 *   what arrives is opened before it is handed on, and a frame that does not open closes the connection.
 * - Every message takes a token of the connection's rate limit as it arrives, before it is opened, parsed or
 *   queued; an empty bucket closes the socket.
 */
function wrapIncomingConnections(hocuspocus: Hocuspocus<ConnectionContext>, policy: IncomingConnectionPolicy): void {
  const handleConnection = hocuspocus.handleConnection.bind(hocuspocus);
  hocuspocus.handleConnection = (incoming, request, defaultContext) => {
    const socket = incoming as WebSocketLike;
    const { remoteAddress } = policy.onOpen(socket);
    let closed = false;
    const closeSocket = (code: number, reason: string) => {
      if (closed) return;
      closed = true;
      socket.close(code, reason);
    };
    const handshake = new HostHandshake(policy.sessionKey);
    let channel: FrameChannel | null = null;
    /** What Hocuspocus sent before the handshake was done, sealed once it is. */
    const waiting: Uint8Array[] = [];
    const sealingSocket: WebSocketLike = {
      get readyState() {
        return socket.readyState;
      },
      send(data) {
        const bytes = frameBytes(data);
        if (channel === null) waiting.push(bytes);
        else socket.send(channel.seal(bytes));
      },
      close: closeSocket,
    };
    const client = handleConnection(sealingSocket, request, { ...defaultContext, remoteAddress, closeSocket });
    if (!policy.admitsNow(remoteAddress)) closeSocket(CLOSE_CODES.tooManyAttempts, 'too-many-attempts');
    else socket.send(handshake.hello());
    const rateLimit = policy.newRateLimit();
    const handleMessage = client.handleMessage;
    client.handleMessage = (data: Uint8Array) => {
      if (closed) return;
      if (!rateLimit.take(policy.now())) {
        closeSocket(CLOSE_CODES.tooManyMessages, 'too-many-messages');
        return;
      }
      if (channel === null) {
        try {
          const accepted = handshake.accept(data);
          channel = accepted.channel;
          socket.send(accepted.reply);
          for (const bytes of waiting.splice(0)) socket.send(channel.seal(bytes));
        } catch (error) {
          // Anything but a hello with the secret is a wrong try: a wrong code, or someone probing.
          if (policy.wrongKeyFrom(remoteAddress)) closeSocket(CLOSE_CODES.tooManyAttempts, 'too-many-attempts');
          else closeSocket(CLOSE_CODES.wrongCode, error instanceof FrameRejected ? error.reason : 'wrong-code');
        }
        return;
      }
      let plain: Uint8Array;
      try {
        plain = channel.open(data);
      } catch {
        closeSocket(CLOSE_CODES.wrongCode, 'altered');
        return;
      }
      handleMessage(plain);
    };
    const handleClose = client.handleClose.bind(client);
    client.handleClose = (event) => {
      closed = true;
      policy.onClose(socket);
      handleClose(event);
    };
    return client;
  };
}

/** What Hocuspocus hands its socket, as bytes (it sends Uint8Arrays; the rest is for the interface's sake). */
function frameBytes(data: string | ArrayBufferLike | Blob | ArrayBufferView): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer || data instanceof SharedArrayBuffer) return new Uint8Array(data);
  throw new Error('The live server does not send blobs.');
}
