import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { z } from 'zod';
import { writeFileAtomic } from '../services/workspace-files';
import { findShapeProblem } from './binding-shape';
import { ROLES } from '../../shared/live/roles';
import { readWorkspace, writeWorkspace } from '../../shared/live/workspace-ydoc';

/*
 * What a hosted session keeps on disk so that a host killed mid-session (SIGKILL, a power cut) can start again
 * where it stopped (issue 15, item 9). In a folder of the app's data (the state folder), never in or beside the
 * user's file: the file stays the plain JSON document, saved the usual way.
 *
 *   live-state.yjs     the shared document's whole Yjs state (Y.encodeStateAsUpdate), replaced atomically
 *   live-session.json  the session: its secret, address and port (so participants' apps reconnect by themselves
 *                      with the code they have), and who joined with which role (by a digest of each one's
 *                      resume key, so a returning participant keeps their role)
 *
 * Every write is writeFileAtomic's (temp file, fsync, rename, fsync of the folder): a kill leaves the previous
 * state or the new one.
 */

export const STATE_FILE = 'live-state.yjs';
export const SESSION_FILE = 'live-session.json';

const savedParticipantSchema = z.object({
  clientId: z.string().min(1).max(200),
  name: z.string().max(200),
  role: z.enum(ROLES),
  resumeKeyDigest: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});

const savedSessionSchema = z.object({
  format: z.literal('stakemap-live-session'),
  version: z.literal(1),
  documentName: z.string().min(1).max(200),
  secret: z.string().min(1).max(200),
  host: z.string().min(1).max(300),
  port: z.int().min(1).max(65535),
  participants: z.array(savedParticipantSchema).max(10_000),
});

export type SavedParticipant = z.infer<typeof savedParticipantSchema>;
export type SavedSession = Omit<z.infer<typeof savedSessionSchema>, 'format' | 'version'>;

export interface ResumableSession {
  readonly session: SavedSession;
  /** The shared document's state, already checked to be what the binding writes. */
  readonly state: Uint8Array;
}

/** Why a state folder cannot be resumed from, in words for the host. */
export class ResumeError extends Error {
  override readonly name = 'ResumeError';
}

export async function writeSharedState(stateDir: string, state: Uint8Array): Promise<void> {
  await writeFileAtomic(path.join(stateDir, STATE_FILE), state);
}

export async function writeSavedSession(stateDir: string, session: SavedSession): Promise<void> {
  const text = JSON.stringify({ format: 'stakemap-live-session', version: 1, ...session }, null, 2);
  await writeFileAtomic(path.join(stateDir, SESSION_FILE), `${text}\n`);
}

/** The session a state folder holds, or a ResumeError saying why there is none to resume. */
export async function readResumableSession(stateDir: string): Promise<ResumableSession> {
  const [stateBytes, sessionText] = await Promise.all([
    readFile(path.join(stateDir, STATE_FILE)).catch(() => null),
    readFile(path.join(stateDir, SESSION_FILE), 'utf8').catch(() => null),
  ]);
  if (stateBytes === null || sessionText === null) throw new ResumeError('There is no live session to resume in this folder.');
  let json: unknown;
  try {
    json = JSON.parse(sessionText);
  } catch {
    throw new ResumeError('The saved live session is damaged (its session file is not JSON).');
  }
  const parsed = savedSessionSchema.safeParse(json);
  if (!parsed.success) throw new ResumeError('The saved live session is damaged (its session file does not describe a session).');
  let state: Uint8Array = new Uint8Array(stateBytes);
  const check = new Y.Doc();
  try {
    Y.applyUpdate(check, state);
  } catch {
    throw new ResumeError('The saved live session is damaged (its shared state cannot be read).');
  }
  // Saved by a version that kept the snapshots in meta, as one value: they move to their collection, as one more
  // change on top of the saved history, so the participants' copies merge with it.
  if (check.getMap('meta').has('snapshots')) {
    try {
      writeWorkspace(check, readWorkspace(check));
    } catch {
      throw new ResumeError('The saved live session is damaged (its shared state cannot be read).');
    }
    state = Y.encodeStateAsUpdate(check);
  }
  const problem = findShapeProblem(check);
  check.destroy();
  if (problem !== null) throw new ResumeError(`The saved live session is damaged (its shared state holds ${problem}).`);
  const { format: _format, version: _version, ...session } = parsed.data;
  return { session, state };
}
