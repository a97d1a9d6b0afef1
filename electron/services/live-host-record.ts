import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { encodeJoinCode } from '../live/join-code';
import { readResumableSession, SESSION_FILE, STATE_FILE } from '../live/session-state-files';
import { writeFileAtomic } from './workspace-files';

/*
 * What main keeps beside a hosted session's state folder so that, after the whole app stopped (a crash, a power
 * cut, a SIGKILL of main), the next start can offer to resume the session (issue 15, item 9). The session server
 * keeps the shared state itself (session-state-files.ts); this record is the host app's: which workspace file was
 * shared (so the resumed map saves back to it), under what name, on which network, since when.
 *
 *   live-host.json    { format, version, filePath, displayName, bind, name, startedAt }
 *
 * Written when a session goes live, removed when it is ended on purpose (End session, quitting); a crash leaves
 * it, with the state, for the offer.
 */

export const HOST_RECORD_FILE = 'live-host.json';

const hostRecordSchema = z.object({
  format: z.literal('stakemap-live-host'),
  version: z.literal(1),
  /** The shared workspace's file, when main let the renderer write it; null for a map never saved. */
  filePath: z.string().min(1).max(4096).nullable(),
  displayName: z.string().max(1024),
  bind: z.enum(['loopback', 'lan']),
  name: z.string().min(1).max(80),
  startedAt: z.string().max(40),
});

export type LiveHostRecord = Omit<z.infer<typeof hostRecordSchema>, 'format' | 'version'>;

/** A session the last run left running, as the start view offers it. */
export interface ResumableLiveSession {
  readonly record: LiveHostRecord;
  /** The code participants have: unchanged when it resumes. */
  readonly joinCode: string;
}

export async function writeHostRecord(stateDir: string, record: LiveHostRecord): Promise<void> {
  await writeFileAtomic(path.join(stateDir, HOST_RECORD_FILE), `${JSON.stringify({ format: 'stakemap-live-host', version: 1, ...record }, null, 2)}\n`);
}

/** The session the state folder can resume, or null: no record, no state, or either of them damaged. */
export async function readResumableLiveSession(stateDir: string): Promise<ResumableLiveSession | null> {
  let record: LiveHostRecord;
  try {
    const parsed = hostRecordSchema.safeParse(JSON.parse(await readFile(path.join(stateDir, HOST_RECORD_FILE), 'utf8')));
    if (!parsed.success) return null;
    const { format: _format, version: _version, ...rest } = parsed.data;
    record = rest;
  } catch {
    return null;
  }
  try {
    const { session } = await readResumableSession(stateDir);
    return { record, joinCode: encodeJoinCode({ host: session.host, port: session.port, secret: session.secret }) };
  } catch {
    return null;
  }
}

/** Forgets a session for good: its record and its shared state. */
export async function discardLiveSessionState(stateDir: string): Promise<void> {
  await Promise.all([HOST_RECORD_FILE, STATE_FILE, SESSION_FILE].map((name) => rm(path.join(stateDir, name), { force: true })));
}

/** Removes the record only (the session server removes its own state when it is stopped on purpose). */
export async function removeHostRecord(stateDir: string): Promise<void> {
  await rm(path.join(stateDir, HOST_RECORD_FILE), { force: true });
}
