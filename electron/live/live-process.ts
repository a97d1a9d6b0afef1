import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { FromLiveProcess, LivePeer, LivePeerPresence, LivePresence, LiveRole, ToLiveProcess } from '../../shared/live/live-protocol';
import { livePeerPresenceSchema, PRESENCE_COLORS } from '../../shared/live/live-protocol';
import { readWorkspace, writeWorkspace } from '../../shared/live/workspace-ydoc';
import { addParticipant } from '../../shared/operations/participants';
import { parseJoinCode } from './join-code';
import { encodeJoinToken, newResumeKey } from './join-token';
import { CLOSE_CODES, FACILITATOR_CLIENT_ID, LIVE_DOCUMENT_NAME, parseServerMessage, RECOMMENDED_CLIENT_FLUSH_DELAY_MS } from './live-messages';
import { startLiveServer } from './live-server';
import { SealedProvider } from './sealed-provider';

/*
 * The live process: one per live session, started by main (electron/services/live-session.ts) as Electron's
 * utilityProcess (or, in tests, a Node 24 child process). On the host it runs the session server (live-server.ts)
 * over the shared document; on a participant's machine it holds the connection to the host. Either way it relays
 * Yjs updates between the renderer's replica (through main) and everyone else, and reports how the session stands.
 * A process of its own: the network, the server and a flood of messages never share an event loop with the window.
 */

/** Changes this process makes itself (enlisting participants): local to the server, sent on to the renderer. */
const FROM_THIS_PROCESS = Object.freeze({ source: 'local' as const, skipStoreHooks: true, stakemapLiveProcess: true });

/** The renderer's own changes arrive with this origin, so they are not sent back to it. */
const FROM_RENDERER = Symbol('renderer');

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** How this process talks to main: Electron's parentPort, or Node's IPC channel. */
interface ParentChannel {
  send(message: FromLiveProcess): void;
  onMessage(listener: (message: ToLiveProcess) => void): void;
}

function parentChannel(): ParentChannel {
  const electronPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (event: { data: unknown }) => void): void } }).parentPort;
  if (electronPort) {
    return {
      send: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data as ToLiveProcess)),
    };
  }
  // Main is gone without a word (it crashed or was killed): stop serving at once. A host's state folder stays as it
  // is, so the app's next start can offer to resume the session. (Electron ends a utility process with main.)
  process.on('disconnect', () => process.exit(1));
  return {
    send: (message) => process.send?.(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToLiveProcess)),
  };
}

const parent = parentChannel();
let stop: (() => Promise<void>) | null = null;
let apply: ((update: Uint8Array) => void) | null = null;
let setRole: ((clientId: string, role: LiveRole) => void) | null = null;

parent.onMessage((message) => {
  switch (message.type) {
    case 'host':
    case 'resume':
      void host(message).catch((error: unknown) => fail(error));
      return;
    case 'join':
      join(message.joinCode, message.name);
      return;
    case 'apply':
      apply?.(fromBase64(message.update));
      return;
    case 'set-role':
      setRole?.(message.clientId, message.role);
      return;
    case 'presence':
      presence?.(message.presence);
      return;
    case 'stop':
      void (stop?.() ?? Promise.resolve()).finally(() => process.exit(0));
      return;
  }
});

function fail(error: unknown): void {
  parent.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

async function host(message: Extract<ToLiveProcess, { type: 'host' | 'resume' }>): Promise<void> {
  // A resumed server is listening before startLiveServer returns, and participants reconnect the moment it is:
  // who joins in that gap is taken in once this process is ready (the list is read again then), not reported to
  // functions that do not exist yet. (A CI run lost a participant to exactly that: the hook threw, and Hocuspocus
  // turned the throw into "permission denied".)
  let participantsChanged: ((participants: readonly LivePeer[]) => void) | null = null;
  const common = {
    host: message.bind === 'loopback' ? '127.0.0.1' : undefined,
    stateDir: message.stateDir,
    hostName: message.name,
    onParticipantsChanged: (participants: readonly LivePeer[]) => participantsChanged?.(participants),
  };
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  if (message.type === 'resume') {
    // The process before this one stopped unexpectedly: the session comes back from its state folder (same code,
    // same port, every change it had acknowledged), and the participants reconnect by themselves.
    server = await startLiveServer({ ...common, resumeFrom: message.stateDir });
  } else {
    // The renderer's document, as its replica holds it; the server makes the session's shared document from it,
    // and the renderer's replica then restarts from the server's state (one shared history for everyone).
    const initial = new Y.Doc();
    Y.applyUpdate(initial, fromBase64(message.state));
    server = await startLiveServer({ ...common, document: readWorkspace(initial) });
    initial.destroy();
  }
  const report = (participants: readonly LivePeer[]) =>
    parent.send({
      type: 'status',
      status: { state: 'live', side: 'host', joinCode: server.joinCode, role: 'facilitator', peers: [{ clientId: FACILITATOR_CLIENT_ID, name: message.name, role: 'facilitator' }, ...participants] },
    });
  /**
   * Everyone who joins is on the participants list, under their clientId, so their own laptop can cast their dots
   * (the server lets a participant vote as that record only). Written by this process, so the renderer hears it.
   */
  const enlist = (participants: readonly LivePeer[]) => {
    const doc = readWorkspace(server.ydoc);
    let next = doc;
    for (const p of participants) if (!next.participants.some((x) => x.id === p.clientId)) next = addParticipant(next, { id: p.clientId, label: p.name });
    if (next !== doc) writeWorkspace(server.ydoc, next, FROM_THIS_PROCESS);
  };
  server.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== server.hostOrigin) parent.send({ type: 'update', update: toBase64(update) });
  });
  // The server's document is the Hocuspocus Document: its awareness holds everyone's presence. The facilitator's
  // own presence (pointer, selection, the stage timer) goes out as a stateless message instead, because the
  // server's batched flush never sends the server's own awareness state.
  const shared = server.ydoc as Y.Doc & { awareness?: Awareness; broadcastStateless?: (payload: string) => void };
  if (shared.awareness) watchPresence(shared.awareness, () => FACILITATOR_CLIENT_ID, () => []);
  let own: LivePeerPresence = { name: message.name, clientId: FACILITATOR_CLIENT_ID, color: colorFor(FACILITATOR_CLIENT_ID) };
  presence = (state) => {
    own = { ...own, ...state };
    shared.broadcastStateless?.(JSON.stringify({ type: HOST_PRESENCE, presence: own }));
  };
  apply = (update) => Y.applyUpdate(server.ydoc, update, server.hostOrigin);
  setRole = (clientId, role) => void server.setRole(clientId, role);
  stop = () => server.stop({ discardState: true });
  parent.send({ type: 'update', update: toBase64(Y.encodeStateAsUpdate(server.ydoc)), reset: true });
  participantsChanged = (participants) => {
    report(participants);
    enlist(participants);
  };
  participantsChanged(server.participants());
}

function join(joinCode: string, name: string): void {
  const code = parseJoinCode(joinCode);
  if (!code.ok) {
    parent.send({ type: 'status', status: { state: 'ended', side: 'participant', message: code.message } });
    return;
  }
  const resumeKey = newResumeKey();
  let ydoc = new Y.Doc();
  let provider: HocuspocusProvider | null = null;
  let role: LiveRole = 'contributor';
  let clientId = '';
  let peers: LivePeer[] = [];
  let everSynced = false;
  let ended = false;
  /** The facilitator's presence, from their stateless messages. */
  let hostPresence: LivePeerPresence | null = null;
  let resendPresence: (() => void) | null = null;

  const report = () => parent.send({ type: 'status', status: { state: 'live', side: 'participant', joinCode: null, role, peers, self: clientId || null } });
  const end = (text: string) => {
    if (ended) return;
    ended = true;
    provider?.destroy();
    parent.send({ type: 'status', status: { state: 'ended', side: 'participant', message: text } });
  };

  /** Connects (again) with a fresh copy: on joining, and after the host refused a change, so the copy is the host's. */
  const connect = () => {
    provider?.destroy();
    ydoc = new Y.Doc();
    let synced = false;
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_RENDERER && synced) parent.send({ type: 'update', update: toBase64(update) });
    });
    const current = new SealedProvider(code.value, {
      name: LIVE_DOCUMENT_NAME,
      document: ydoc,
      token: encodeJoinToken({ name, resumeKey }),
      flushDelay: RECOMMENDED_CLIENT_FLUSH_DELAY_MS,
      onSynced: () => {
        if (synced) return;
        synced = true;
        everSynced = true;
        // The whole document, once: the renderer's copy becomes the host's.
        parent.send({ type: 'update', update: toBase64(Y.encodeStateAsUpdate(ydoc)), reset: true });
        report();
      },
      onAuthenticationFailed: () => end(everSynced ? 'The host no longer lets you in.' : 'The host refused the code. Check it with the facilitator and try again.'),
      onDisconnect: () => {
        if (!ended && everSynced) parent.send({ type: 'status', status: { state: 'offline', side: 'participant', message: 'The connection to the host dropped. Keep working: your changes merge when it comes back.' } });
      },
      onConnect: () => {
        if (everSynced && !ended) report();
      },
      onClose: ({ event }) => {
        if (event.code === CLOSE_CODES.tooManyAttempts) end('Too many wrong codes from this computer: wait a minute, then try again.');
        else if (event.code === CLOSE_CODES.wrongCode) end(everSynced ? 'The host no longer lets you in.' : 'The host refused the code. Check it with the facilitator and try again.');
        else if (event.code === CLOSE_CODES.notTheHost) {
          end(
            everSynced
              ? 'The connection to the host could not be trusted (a message was altered on the way), so it was closed. Your copy stays open; Save As keeps it.'
              : 'The computer at that address is not this session’s host: it does not know the code. Check the address with the facilitator.',
          );
        }
        else if (event.code === CLOSE_CODES.ended) end('The facilitator ended the session. Your copy stays open; Save As keeps it.');
      },
      onStateless: ({ payload }) => {
        const fromHost = parseHostPresence(payload);
        if (fromHost) {
          hostPresence = fromHost;
          resendPresence?.();
          return;
        }
        const said = parseServerMessage(payload);
        if (!said) return;
        if (said.type === 'welcome') {
          clientId = said.clientId;
          role = said.role;
          report();
        } else if (said.type === 'refused') {
          parent.send({ type: 'refused', reason: said.reason });
          connect();
        } else if (said.type === 'role') {
          role = said.role;
          report();
        } else if (said.type === 'peers') {
          peers = [...said.peers];
          report();
        } else if (said.type === 'ended') {
          end(said.message);
        }
      },
    });
    provider = current;
    if (current.awareness) {
      resendPresence = watchPresence(current.awareness, () => clientId, () => (hostPresence ? [hostPresence] : []));
      presence = (state) => setPresence(current.awareness!, name, clientId, state);
    }
  };

  apply = (update) => Y.applyUpdate(ydoc, update, FROM_RENDERER);
  stop = async () => {
    ended = true;
    provider?.destroy();
  };
  connect();
}

// ----- presence ------------------------------------------------------------------------------------------------

let presence: ((state: LivePresence) => void) | null = null;

/** This person's presence in the awareness state everyone sees, with their name and a colour from their id. */
function setPresence(awareness: Awareness, name: string, clientId: string, state: LivePresence): void {
  const previous = (awareness.getLocalState() as { presence?: LivePresence } | null)?.presence ?? {};
  awareness.setLocalStateField('presence', { ...previous, ...state, name, clientId, color: colorFor(clientId || String(awareness.clientID)) });
}

/** The stateless message type the facilitator's presence travels in. */
const HOST_PRESENCE = 'host-presence';

function parseHostPresence(payload: string): LivePeerPresence | null {
  try {
    const value = JSON.parse(payload) as { type?: unknown; presence?: unknown };
    if (value.type !== HOST_PRESENCE) return null;
    const checked = livePeerPresenceSchema.safeParse(value.presence);
    return checked.success && checked.data.clientId === FACILITATOR_CLIENT_ID ? checked.data : null;
  } catch {
    return null;
  }
}

/** Sends main everyone else's presence whenever it changes (and when asked); someone who left drops out. */
function watchPresence(awareness: Awareness, ownClientId: (() => string) | null, extra: () => LivePeerPresence[]): () => void {
  const sendAll = () => {
    const peers: LivePeerPresence[] = [...extra()];
    for (const [id, state] of awareness.getStates()) {
      if (id === awareness.clientID) continue;
      const checked = livePeerPresenceSchema.safeParse((state as { presence?: unknown }).presence);
      if (checked.success && checked.data.clientId !== ownClientId?.()) peers.push(checked.data);
    }
    parent.send({ type: 'presence', peers });
  };
  awareness.on('change', sendAll);
  return sendAll;
}

function colorFor(id: string): string {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return PRESENCE_COLORS[Math.abs(hash) % PRESENCE_COLORS.length]!;
}
