import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspaceYDoc, readWorkspace } from '../../../../shared/live/workspace-ydoc';
import { readResumableSession, ResumeError, SESSION_FILE, STATE_FILE, writeSavedSession, writeSharedState } from '../../../../electron/live/session-state-files';
import { startLiveServer } from '../../../../electron/live/live-server';
import { makeTempDir } from '../helpers';
import { sampleWorkspace } from './sample-workspace';

/* The state folder of a hosted session (session-state-files.ts): what a restart reads, and what it refuses. */

const session = {
  documentName: 'stakemap-workspace',
  secret: 'ABCDEFGHJKMNPQRS',
  host: '127.0.0.1',
  port: 41234,
  participants: [{ clientId: 'p-1', name: 'Ann', role: 'editor' as const, resumeKeyDigest: 'a'.repeat(64) }],
};

describe('session state files', () => {
  it('reads back the session and the shared state it wrote', async () => {
    const dir = await makeTempDir();
    const state = Y.encodeStateAsUpdate(createWorkspaceYDoc(sampleWorkspace()));
    await writeSharedState(dir, state);
    await writeSavedSession(dir, session);
    expect(await readResumableSession(dir)).toEqual({ session, state });
    expect(JSON.parse(await readFile(path.join(dir, SESSION_FILE), 'utf8'))).toMatchObject({ format: 'stakemap-live-session', version: 1 });
  });

  it('a state saved when snapshots were one value in meta resumes with them in their own records, on top of the saved history', async () => {
    const dir = await makeTempDir();
    const snapshot = { id: 'snap-1', name: 'First map', takenAt: '2026-11-22T10:00:00.000Z', state: { stakeholders: [], relationships: [], painPoints: [], solutions: [], categories: [], ballots: [] } };
    const legacy = createWorkspaceYDoc(sampleWorkspace());
    legacy.getMap<unknown>('meta').set('snapshots', [snapshot]);
    await writeSharedState(dir, Y.encodeStateAsUpdate(legacy));
    await writeSavedSession(dir, session);
    const { state } = await readResumableSession(dir);
    const resumed = new Y.Doc();
    Y.applyUpdate(resumed, state);
    expect(resumed.getMap<unknown>('meta').has('snapshots')).toBe(false);
    expect(readWorkspace(resumed).snapshots).toEqual([snapshot]);
    // A participant's copy of the old history takes the move as one more change.
    const participant = new Y.Doc();
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(legacy));
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(resumed, Y.encodeStateVector(participant)));
    expect(readWorkspace(participant)).toEqual(readWorkspace(resumed));
  });

  it('refuses, with a reason, a folder with nothing to resume or damaged files', async () => {
    const empty = await makeTempDir();
    await expect(readResumableSession(empty)).rejects.toThrow(ResumeError);
    await expect(readResumableSession(empty)).rejects.toThrow(/no live session to resume/);

    const damaged: Array<[string, (dir: string) => Promise<void>, RegExp]> = [
      ['session not JSON', (dir) => writeFile(path.join(dir, SESSION_FILE), '{'), /not JSON/],
      ['session of another shape', (dir) => writeFile(path.join(dir, SESSION_FILE), JSON.stringify({ format: 'stakemap-live-session', version: 1, secret: 3 })), /does not describe a session/],
      ['state not Yjs', (dir) => writeFile(path.join(dir, STATE_FILE), new Uint8Array([255, 255, 255, 255, 1, 2, 3])), /cannot be read|holds/],
      [
        'state with garbage',
        (dir) => {
          const ydoc = createWorkspaceYDoc(sampleWorkspace());
          ydoc.getMap('evil').set('x', 1);
          return writeFile(path.join(dir, STATE_FILE), Y.encodeStateAsUpdate(ydoc));
        },
        /unknown root type/,
      ],
    ];
    for (const [what, damage, reason] of damaged) {
      const dir = await makeTempDir();
      await writeSharedState(dir, Y.encodeStateAsUpdate(createWorkspaceYDoc(sampleWorkspace())));
      await writeSavedSession(dir, session);
      await damage(dir);
      await expect(readResumableSession(dir), what).rejects.toThrow(reason);
    }
  });

  it('a session writes its folder as soon as it starts, and stop can discard it', async () => {
    const dir = await makeTempDir();
    const server = await startLiveServer({ document: sampleWorkspace(), host: '127.0.0.1', stateDir: dir });
    const saved = await readResumableSession(dir);
    expect(saved.session).toMatchObject({ secret: server.secret, port: server.port, host: '127.0.0.1', participants: [] });
    await server.stop({ discardState: true });
    await expect(readResumableSession(dir)).rejects.toThrow(/no live session/);
  });

  it('resumes a stopped session from its folder: same document, code and roles', async () => {
    const dir = await makeTempDir();
    const first = await startLiveServer({ document: sampleWorkspace(), host: '127.0.0.1', stateDir: dir });
    const { joinCode } = first;
    await first.stop();
    const second = await startLiveServer({ resumeFrom: dir, host: '127.0.0.1', stateDir: dir });
    try {
      expect(second.joinCode).toBe(joinCode);
      expect(second.readDocument()).toEqual(sampleWorkspace());
    } finally {
      await second.stop();
    }
  });
});
