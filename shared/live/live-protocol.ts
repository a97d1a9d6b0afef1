import { z } from 'zod';

/*
 * What a live session says between its three places: the renderer (the person's own replica of the shared
 * document and their undo, shared/live/live-replica.ts), main (which owns every connection, so the renderer never
 * touches the network) and the live process main starts (electron/live/live-process.ts: the session server on the
 * host, the connection to it on a participant's machine; Electron's Node, in a process of its own so a flood of
 * messages cannot stall the window). Yjs updates travel as base64 text.
 */

export const LIVE_ROLES = ['facilitator', 'editor', 'contributor', 'viewer'] as const;
export type LiveRole = (typeof LIVE_ROLES)[number];

/** Words for each role, as the session dialog lists them. */
export const LIVE_ROLE_WORDS: Record<LiveRole, { readonly label: string; readonly can: string }> = {
  facilitator: { label: 'Facilitator', can: 'everything, and runs the session' },
  editor: { label: 'Editor', can: 'the map, pain points and solutions; not the agenda, voting or participants' },
  contributor: { label: 'Contributor', can: 'pain points, quotes and votes only' },
  viewer: { label: 'Viewer', can: 'watch only' },
};

/** A Yjs update (or state), base64: at most 8 MiB of it, so one message cannot exhaust main. */
export const liveUpdateSchema = z.string().max(8 * 1024 * 1024 * 1.4);

export const livePeerSchema = z.object({
  clientId: z.string().max(200),
  name: z.string().max(200),
  role: z.enum(LIVE_ROLES),
});
export type LivePeer = z.infer<typeof livePeerSchema>;

/** How the session stands, as the renderer shows it. */
export const liveStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('connecting'), side: z.enum(['host', 'participant']) }),
  z.object({
    state: z.literal('live'),
    side: z.enum(['host', 'participant']),
    /** What a participant types to join (the host only shows it). */
    joinCode: z.string().max(400).nullable(),
    role: z.enum(LIVE_ROLES),
    peers: z.array(livePeerSchema).max(500),
    /** A participant's own id in the session: the participants-list record they vote as. */
    self: z.string().max(200).nullable().optional(),
  }),
  /** A participant whose connection dropped: they keep working; their edits merge when it comes back. */
  z.object({ state: z.literal('offline'), side: z.literal('participant'), message: z.string().max(2000) }),
  /** The session is over (ended by the host, refused, or the host is gone for good): the copy stays, read-only. */
  z.object({ state: z.literal('ended'), side: z.enum(['host', 'participant']), message: z.string().max(2000) }),
]);
export type LiveStatus = z.infer<typeof liveStatusSchema>;

/** The stage timer as the facilitator's window runs it, for everyone's stage bar: what is left when it was sent. */
export const liveTimerSchema = z.object({
  durationMs: z.number().finite().min(0).max(1e9),
  remainingMs: z.number().finite().min(0).max(1e9),
  running: z.boolean(),
});
export type LiveTimer = z.infer<typeof liveTimerSchema>;

/**
 * Where one person is on the map: their pointer (map coordinates) and the stakeholders they have selected; the
 * facilitator's also carries the stage timer. Each part is sent on its own and merged with the last.
 */
export const livePresenceSchema = z.object({
  pointer: z.object({ x: z.number().finite(), y: z.number().finite() }).nullable().optional(),
  selection: z.array(z.string().max(200)).max(200).optional(),
  timer: liveTimerSchema.optional(),
});
export type LivePresence = z.infer<typeof livePresenceSchema>;

/** Someone else's presence, with the name and colour they are shown with. */
export const livePeerPresenceSchema = livePresenceSchema.extend({ clientId: z.string().max(200), name: z.string().max(200), color: z.string().max(20) });
export type LivePeerPresence = z.infer<typeof livePeerPresenceSchema>;

/** Colours people are shown in, told apart on light and dark maps; each person keeps theirs for the session. */
export const PRESENCE_COLORS = ['#d9480f', '#1971c2', '#2b8a3e', '#ae3ec9', '#e67700', '#0c8599', '#c2255c', '#5f3dc4'] as const;

/** The facilitator's clientId in a session (electron/live/live-messages.ts FACILITATOR_CLIENT_ID says the same). */
export const HOST_CLIENT_ID = 'host';

/** Main -> live process. */
export type ToLiveProcess =
  | { readonly type: 'host'; readonly state: string; readonly bind: 'loopback' | 'lan'; readonly stateDir: string; readonly name: string }
  /** Starts the session again from its state folder, after the process before stopped unexpectedly. */
  | { readonly type: 'resume'; readonly bind: 'loopback' | 'lan'; readonly stateDir: string; readonly name: string }
  | { readonly type: 'join'; readonly joinCode: string; readonly name: string }
  | { readonly type: 'apply'; readonly update: string }
  | { readonly type: 'set-role'; readonly clientId: string; readonly role: LiveRole }
  | { readonly type: 'presence'; readonly presence: LivePresence }
  | { readonly type: 'stop' };




/** Live process -> main. `reset`: the update is the whole document, replacing the renderer's copy. */
export type FromLiveProcess =
  | { readonly type: 'update'; readonly update: string; readonly reset?: boolean }
  | { readonly type: 'status'; readonly status: LiveStatus }
  | { readonly type: 'refused'; readonly reason: string }
  | { readonly type: 'presence'; readonly peers: readonly LivePeerPresence[] }
  | { readonly type: 'failed'; readonly message: string };
