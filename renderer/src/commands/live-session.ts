import * as Y from 'yjs';
import { create } from 'zustand';
import type { WorkspaceDocument } from '@shared/document/schema';
import { LiveReplica } from '@shared/live/live-replica';
import { HOST_CLIENT_ID, type LivePeer, type LivePeerPresence, type LivePresence, type LiveRole, type LiveStatus } from '@shared/live/live-protocol';
import { changeAllowed } from '@shared/live/roles';
import { createWorkspaceYDoc, readWorkspace } from '@shared/live/workspace-ydoc';
import type { ResumableLiveSession } from '@shared/host/channels';
import { host } from '../host';
import { displayName } from './document-name';
import { confirmUnsavedChanges } from './file-commands';
import { adoptLiveDocument, announce, currentDocument, loadWorkspace, setLiveSessionHooks, setReadOnly, useEditor } from '../store/editor-store';
import { mirrorTimer, timerSnapshot, useTimer } from '../store/timer-store';
import { showMessage } from '../store/ui-store';

/*
 * The renderer's side of a live session (issue 15): this person's replica of the shared document
 * (shared/live/live-replica.ts) and the way their edits reach it. The app keeps working as it always has:
 * an edit makes a new document and commits it to the store; while a session runs, the store hands each commit
 * here (setLiveSessionHooks) and it is written into the replica, whose update goes to main and on to everyone.
 * Changes from others, and this person's own undo (the session's undo is per person), come back as documents
 * that replace the store's present one. Main owns every connection: nothing here touches the network.
 */

export interface LiveSessionState {
  readonly status: LiveStatus;
  /** The last change the host refused, in words, until the next one. */
  readonly refused: string | null;
  /** A hosted session the last run stopped in the middle of (a crash), offered on the start view; or null. */
  readonly resumable: ResumableLiveSession | null;
}

export const useLiveSession = create<LiveSessionState>()(() => ({ status: { state: 'off' }, refused: null, resumable: null }));

/** Why a participant's window cannot change the map. */
const VIEWER = 'You are a viewer in this session: you can follow the map but not change it.';
const KEPT_COPY = 'This is the copy you kept from the live session: Save As keeps it as your own file, and then you can change it.';

/** Where everyone else is on the map (PresenceLayer.tsx draws it); empty outside a session. */
export const usePresence = create<{ readonly peers: readonly LivePeerPresence[] }>()(() => ({ peers: [] }));

/** Updates from main are applied with this origin, so they are not sent back. */
const FROM_SESSION = Symbol('session');
/** Consecutive commits of one field (typing) are one undo step; anything else starts a new one. */
const LONG_TIME = 1e12;

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

let replica: LiveReplica | null = null;
/**
 * On a participant's laptop: the role the host gave them (what they may change), null on the host's side. Kept
 * through a dropped connection (the host keeps it too).
 */
let participantRole: LiveRole | null = null;
/** The pain points this person added in the session: theirs to delete (the host's server allows the same). */
const ownPainPoints = new Set<string>();
/** While a crashed session is being resumed: the file its document belongs to (see the reset in onLiveUpdate). */
let resuming: { readonly filePath: string | null } | null = null;
/** Which side of a session this window is on, while one runs. */
let side: 'host' | 'participant' | null = null;
let stopTimerShare: (() => void) | null = null;

/** While hosting, everyone's stage bar shows this window's timer: sent on every change, and every few seconds. */
function followHostTimer(hosting: boolean): void {
  if (!hosting) {
    stopTimerShare?.();
    stopTimerShare = null;
    return;
  }
  if (stopTimerShare) return;
  const share = () => void host().shareLivePresence({ timer: timerSnapshot() });
  const unsubscribe = useTimer.subscribe((state, previous) => {
    if (state.timer !== previous.timer) share();
  });
  const interval = setInterval(share, 5_000);
  share();
  stopTimerShare = () => {
    unsubscribe();
    clearInterval(interval);
  };
}
let lastCoalesceKey: string | null = null;
let hostListeners: (() => void)[] = [];

/** Makes `ydoc` this window's replica: commits go into it, its changes come back to the store. */
function attach(ydoc: Y.Doc): LiveReplica {
  detach();
  const next = new LiveReplica(ydoc, { captureTimeout: LONG_TIME });
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_SESSION) void host().shareLiveChange(toBase64(update));
  });
  next.onChange((doc, source) => {
    if (source !== 'mine') adoptLiveDocument(withLocalViewport(doc));
  });
  replica = next;
  setLiveSessionHooks({
    refusal: (before, after) => {
      if (participantRole === null || participantRole === 'facilitator') return null;
      const self = selectOwnVoterId(useLiveSession.getState());
      const verdict = changeAllowed(participantRole, before, after, { ...(self ? { voterId: self } : {}), ownPainPointIds: ownPainPoints });
      return verdict.ok ? null : verdict.reason;
    },
    committed: (doc, coalesceKey) => {
      const known = new Set(next.document.painPoints.map((p) => p.id));
      for (const painPoint of doc.painPoints) if (!known.has(painPoint.id)) ownPainPoints.add(painPoint.id);
      if (coalesceKey === null || coalesceKey !== lastCoalesceKey) next.stopCapturing();
      lastCoalesceKey = coalesceKey;
      // The pan and zoom are this person's own (withLocalViewport): the shared one stays the host's.
      next.commit({ ...doc, viewport: next.document.viewport });
    },
    undo: () => {
      if (!next.undo()) announce('Nothing of yours to undo in this session.');
    },
    redo: () => {
      if (!next.redo()) announce('Nothing of yours to redo.');
    },
  });
  return next;
}

/** Forgets what this window knew of the session it was in: at its end, and before another begins. */
function forgetSession(): void {
  participantRole = null;
  ownPainPoints.clear();
}

function detach(): void {
  replica?.destroy();
  replica = null;
  lastCoalesceKey = null;
  setLiveSessionHooks(null);
  usePresence.setState({ peers: [] });
}

/** Each person keeps their own pan and zoom: the shared document's viewport is the host's file's. */
function withLocalViewport(doc: WorkspaceDocument): WorkspaceDocument {
  const viewport = useEditor.getState().workspace?.viewport;
  return viewport ? { ...doc, viewport } : doc;
}

/** Listens to main for as long as the window lives (set up once, by App). */
export function listenToLiveSession(): () => void {
  const api = host();
  hostListeners.forEach((off) => off());
  hostListeners = [
    api.onLiveStatus((status) => {
      useLiveSession.setState({ status });
      if (status.state === 'live' || status.state === 'offline' || status.state === 'connecting') side = status.side;
      followHostTimer(status.state === 'live' && status.side === 'host');
      if (status.state === 'live' && status.side === 'participant') {
        participantRole = status.role;
        setReadOnly(status.role === 'viewer' ? VIEWER : null);
      }
      if (status.state === 'ended' || status.state === 'off') {
        if (side === 'participant' && useEditor.getState().workspace) setReadOnly(KEPT_COPY);
        side = null;
        detach();
        forgetSession();
        if (status.state === 'ended') announce(status.message);
      }
    }),
    api.onLiveUpdate((update, reset) => {
      if (reset) {
        // The host's whole document: on joining, and after a refused change (this copy becomes the host's again).
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, fromBase64(update), FROM_SESSION);
        const joining = replica === null;
        attach(ydoc);
        const doc = readWorkspace(ydoc);
        // Resuming after a crash: the session's document is the newest there is, unsaved, and belongs to the
        // workspace's file. Joining: a copy of someone else's map, with no file of its own.
        if (joining) loadWorkspace(doc, { filePath: resuming?.filePath ?? null, fitOnOpen: true, unsaved: true });
        else adoptLiveDocument(withLocalViewport(doc));
        resuming = null;
        return;
      }
      if (replica) Y.applyUpdate(replica.ydoc, fromBase64(update), FROM_SESSION);
    }),
    api.onLivePresence((peers) => {
      usePresence.setState({ peers: replica ? peers : [] });
      // A participant's stage bar shows the facilitator's timer.
      const hostTimer = peers.find((p) => p.clientId === HOST_CLIENT_ID)?.timer;
      if (hostTimer && side === 'participant') mirrorTimer(hostTimer);
    }),
    api.onLiveRefused((reason) => {
      useLiveSession.setState({ refused: reason });
      showMessage({ tone: 'warning', title: 'The host refused a change', summary: reason, details: ['Your copy now shows the host’s document again.'] });
    }),
  ];
  return () => hostListeners.forEach((off) => off());
}

/** Session > Start Live Session: shares the open workspace. Resolves with the error, or null once it is live. */
export async function startHosting(name: string, bind: 'loopback' | 'lan'): Promise<string | null> {
  const doc = currentDocument();
  if (!doc) return 'Open a workspace first.';
  forgetSession();
  const ydoc = createWorkspaceYDoc(doc, FROM_SESSION);
  attach(ydoc);
  const filePath = useEditor.getState().workspace?.filePath ?? null;
  const result = await host().hostLiveSession(toBase64(Y.encodeStateAsUpdate(ydoc)), bind, name, { filePath, displayName: displayName() });
  if (!result.ok) {
    detach();
    return result.message;
  }
  return null;
}

/** At start: is there a hosted session the last run stopped in the middle of? True if so (the start view offers it). */
export async function findResumableSession(): Promise<boolean> {
  try {
    const resumable = await host().findResumableLiveSession();
    useLiveSession.setState({ resumable });
    return resumable !== null;
  } catch {
    useLiveSession.setState({ resumable: null });
    return false;
  }
}

/**
 * Starts that session again (after asking about unsaved changes): the same join code, so participants reconnect by
 * themselves, and every change it had acknowledged; its map opens as unsaved work of its file.
 */
export async function resumeSession(): Promise<void> {
  const offered = useLiveSession.getState().resumable;
  if (!offered || !(await confirmUnsavedChanges())) return;
  detach();
  forgetSession();
  resuming = { filePath: offered.filePath };
  const result = await host().resumeLiveSession();
  if (!result.ok) {
    resuming = null;
    showMessage({ tone: 'error', title: 'The live session could not be resumed', summary: result.message });
    return;
  }
  useLiveSession.setState({ resumable: null });
  announce(`The live session of “${result.displayName}” is running again, on the same join code. Participants reconnect by themselves.`);
}

/** Forgets the session the last run left. */
export async function discardResumableSession(): Promise<void> {
  await host().discardResumableLiveSession();
  useLiveSession.setState({ resumable: null });
}

/** Session > Join Live Session: the host's map opens when it arrives. Resolves with the error, or null. */
export async function joinSession(joinCode: string, name: string): Promise<string | null> {
  detach();
  forgetSession();
  const result = await host().joinLiveSession(joinCode, name);
  return result.ok ? null : result.message;
}

/** Ends the session (host) or leaves it (participant); the map stays open as it is. */
export async function endSession(): Promise<void> {
  await host().endLiveSession();
  detach();
  forgetSession();
  useLiveSession.setState({ status: { state: 'off' }, refused: null });
}

/** Where this person is on the map, for the others (PresenceLayer sends it a few times a second at most). */
export function sendPresence(presence: LivePresence): void {
  if (replica) void host().shareLivePresence(presence);
}

export function setPeerRole(peer: LivePeer, role: LiveRole): void {
  void host().setLiveRole(peer.clientId, role);
}

/** On a participant's laptop in a live session: their own id, the participants-list record they vote as. */
export const selectOwnVoterId = (s: LiveSessionState): string | null => (s.status.state === 'live' && s.status.side === 'participant' ? (s.status.self ?? null) : null);

/** On a participant's laptop: whether their role keeps the map's stakeholders and relationships as they are. */
export const selectMapLockedByRole = (s: LiveSessionState): boolean =>
  s.status.state === 'live' && s.status.side === 'participant' && (s.status.role === 'contributor' || s.status.role === 'viewer');

/** Whether this window is in a live session now (hosting or joined). */
export function isLive(): boolean {
  return replica !== null;
}
