import { createHash, randomBytes } from 'node:crypto';

/*
 * What a participant's app sends when it joins (the Hocuspocus provider's `token`): the name the others will see,
 * and optionally a resume key. JSON, so it can grow. Not the join code's secret: that never travels. The
 * connection itself proves the participant has it (its frames are sealed with keys from it, frame-cipher.ts).
 *
 * The resume key is a random string the participant's app makes when it joins and keeps for the session. Sent
 * again after a dropped connection, it makes the host see the same participant with the role the facilitator gave
 * them: without it an editor whose Wi-Fi blinked would come back a contributor and the offline edits they merge
 * would be refused. It is never shown or sent to anyone else, so it cannot be used to take someone's role.
 */

export interface JoinToken {
  readonly name: string;
  readonly resumeKey?: string;
}

/** Longest display name accepted; longer ones are cut (it is a label in a list, not a document field). */
export const MAX_NAME_LENGTH = 60;

const RESUME_KEY = /^[A-Za-z0-9_-]{16,128}$/;

/** The token a participant's app sends, as text. */
export function encodeJoinToken(token: JoinToken): string {
  return JSON.stringify(token);
}

/** A fresh resume key for a participant's app to keep for the session. */
export function newResumeKey(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The token read on the host, or null if it is not one: not a JSON object, a resume key of the wrong form. A
 * missing or blank name becomes "Participant"; control characters are dropped and the name is cut to
 * MAX_NAME_LENGTH. Other fields are ignored.
 */
export function parseJoinToken(text: string): JoinToken | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { name, resumeKey } = value as Record<string, unknown>;
  if (resumeKey !== undefined && (typeof resumeKey !== 'string' || !RESUME_KEY.test(resumeKey))) return null;
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  const cleanName = typeof name === 'string' ? name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_NAME_LENGTH) : '';
  return { name: cleanName === '' ? 'Participant' : cleanName, ...(resumeKey === undefined ? {} : { resumeKey }) };
}

/** What the host keeps of a resume key on disk: its hash, so the state folder does not hold the key itself. */
export function resumeKeyDigest(resumeKey: string): string {
  return createHash('sha256').update(resumeKey, 'utf8').digest('hex');
}
