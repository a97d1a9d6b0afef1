import type { Role } from '../../shared/live/roles';

/*
 * What the host's server tells a participant's app besides the shared document itself: Hocuspocus stateless
 * messages, JSON text, and the close codes of the WebSocket. The participant's side of the contract:
 *
 *   - Join with the Hocuspocus provider: document name LIVE_DOCUMENT_NAME, token encodeJoinToken({ secret, name,
 *     resumeKey }) (join-token.ts; keep the resume key for the session so a reconnect keeps the role), and
 *     `flushDelay` of RECOMMENDED_CLIENT_FLUSH_DELAY_MS or more, which keeps the app well inside the message rate
 *     limit (message-rate-limit.ts).
 *   - `welcome` says who you are: your clientId (the participant record you vote as has that id) and role.
 *   - `role` says the facilitator changed your role; it applies from your next message on.
 *   - `peers` is who is in the session now, the facilitator first.
 *   - `refused` says the host refused one of your changes, and why (show it). The host then closes the
 *     connection (CLOSE_CODES.refused). Your Y.Doc still holds the refused change and would send it again on
 *     every reconnect, so do not let the provider reconnect with it: destroy the provider and its Y.Doc, and join
 *     again with a fresh Y.Doc, which syncs to the host's state. Edits made after the refused one and not yet
 *     acknowledged go with it; the app may offer them again from its own document.
 *   - `ended` says the facilitator ended the session: keep the copy, read-only.
 *   - A connection closed with CLOSE_CODES.storageFailed is not your fault: the provider reconnects by itself
 *     and your changes are sent again. One closed with tooManyMessages, tooBig or outOfOrder means the app is
 *     misbehaving; one closed with tooManyAttempts means the address is blocked for a minute.
 *
 * Acknowledgement: the provider's count of unsynced changes drops to 0 when the host has applied every change
 * you sent, and the host applies a change only after it is in the host's state folder (persist-before-
 * broadcast.ts): from then on it survives the host crashing.
 */

/** The one document a session shares. */
export const LIVE_DOCUMENT_NAME = 'stakemap-workspace';

/** The provider's `flushDelay` a participant's app should use, in milliseconds (see message-rate-limit.ts). */
export const RECOMMENDED_CLIENT_FLUSH_DELAY_MS = 50;

export interface LivePeer {
  readonly clientId: string;
  readonly name: string;
  readonly role: Role;
}

export type LiveServerMessage =
  | { readonly type: 'welcome'; readonly clientId: string; readonly name: string; readonly role: Role }
  | { readonly type: 'role'; readonly role: Role }
  | { readonly type: 'peers'; readonly peers: readonly LivePeer[] }
  | { readonly type: 'refused'; readonly reason: string }
  | { readonly type: 'ended'; readonly message: string };

/** The clientId the facilitator has in `peers`. */
export const FACILITATOR_CLIENT_ID = 'host';

/** WebSocket close codes the host uses (4000-4999 are the application's). */
export const CLOSE_CODES = {
  /** A change was refused (a `refused` message came first): join again with a fresh copy. */
  refused: 4403,
  /** Too many messages too fast. */
  tooManyMessages: 4429,
  /** The join code's secret was wrong: the participant's first encrypted frame did not open (frame-cipher.ts). */
  wrongCode: 4401,
  /**
   * Set by the participant's own side, never sent: the other end did not prove it has the secret, or a frame did
   * not open (encrypted-web-socket.ts). Not the host, or not this session's.
   */
  notTheHost: 4402,
  /** Too many wrong join codes from this address: blocked for a while. */
  tooManyAttempts: 4430,
  /** Updates kept arriving that build on changes the host never received. */
  outOfOrder: 4409,
  /** The facilitator ended the session. */
  ended: 4000,
  /** The host could not save the session state; the provider reconnects and sends the change again. */
  storageFailed: 1011,
  /** A message larger than the limit (sent by the WebSocket server itself). */
  tooBig: 1009,
} as const;

export function encodeServerMessage(message: LiveServerMessage): string {
  return JSON.stringify(message);
}

/** A stateless payload from the host, or null if it is not one of these messages. */
export function parseServerMessage(payload: string): LiveServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  return type === 'welcome' || type === 'role' || type === 'peers' || type === 'refused' || type === 'ended' ? (value as LiveServerMessage) : null;
}
