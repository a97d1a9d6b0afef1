import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FromLiveProcess, ToLiveProcess } from '../../../../shared/live/live-protocol';
import { createWorkspaceYDoc } from '../../../../shared/live/workspace-ydoc';
import { createWorkspace } from '../../../../shared/operations/workspace';
import { writeSavedSession, writeSharedState } from '../../../../electron/live/session-state-files';
import { HOST_RECORD_FILE } from '../../../../electron/services/live-host-record';
import { createLiveSession, type LiveProcessHandle } from '../../../../electron/services/live-session';
import { makeTempDir } from '../helpers';

/*
 * Main's side of a live session (live-session.ts) with a stand-in for the live process: what it records for a
 * hosted session, how a session the whole app stopped in the middle of is offered and resumed at the next start,
 * and that a session ended on purpose leaves nothing to offer.
 */

class FakeLiveProcess implements LiveProcessHandle {
  readonly sent: ToLiveProcess[] = [];
  private messageListener: ((message: FromLiveProcess) => void) | null = null;
  private readonly exitListeners: Array<(code: number | null) => void> = [];
  killed = false;
  send(message: ToLiveProcess): void {
    this.sent.push(message);
  }
  onMessage(listener: (message: FromLiveProcess) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (code: number | null) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.killed = true;
  }
  say(message: FromLiveProcess): void {
    this.messageListener?.(message);
  }
  exit(code: number | null): void {
    for (const listener of this.exitListeners) listener(code);
  }
}

const LIVE: FromLiveProcess = { type: 'status', status: { state: 'live', side: 'host', joinCode: '127.0.0.1:41234-ABCD-EFGH-JKMN-PQRS', role: 'facilitator', peers: [] } };

function service(stateDir: string) {
  const processes: FakeLiveProcess[] = [];
  const events: Array<{ channel: string; payload: unknown }> = [];
  const handlers = createLiveSession({
    spawn: () => {
      const next = new FakeLiveProcess();
      processes.push(next);
      return next;
    },
    send: (channel, payload) => events.push({ channel, payload }),
    stateDir,
    now: () => new Date('2026-12-02T09:30:00.000Z'),
  });
  return { handlers, processes, events };
}

/** What the session server leaves in its state folder while a session runs (session-state-files.ts). */
async function serverState(stateDir: string): Promise<void> {
  await writeSharedState(stateDir, Y.encodeStateAsUpdate(createWorkspaceYDoc(createWorkspace('Room', new Date('2026-12-01T09:00:00.000Z')))));
  await writeSavedSession(stateDir, { documentName: 'stakemap', secret: 'ABCDEFGHJKMNPQRS', host: '127.0.0.1', port: 41234, participants: [] });
}

const until = async (check: () => Promise<boolean> | boolean) => {
  for (let i = 0; i < 200 && !(await check()); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
};
const exists = (file: string) => readFile(file).then(() => true, () => false);

describe('a hosted session the app stopped in the middle of', () => {
  it('is recorded once live, offered at the next start with its file and code, and resumed from its state folder', async () => {
    const stateDir = await makeTempDir();
    const first = service(stateDir);
    const started = first.handlers['live:host']({ state: 'AAA=', bind: 'lan', name: 'Fran', file: { filePath: '/w/room.stakemap', displayName: 'room.stakemap' } });
    await serverState(stateDir);
    first.processes[0]!.say(LIVE);
    expect(await started).toEqual({ ok: true });
    await until(() => exists(path.join(stateDir, HOST_RECORD_FILE)));
    // While it runs there is nothing to resume.
    expect(await first.handlers['live:resumable'](undefined)).toBeNull();

    // The whole app is killed: the next start (a new service over the same folder) offers the session.
    const next = service(stateDir);
    expect(await next.handlers['live:resumable'](undefined)).toEqual({
      displayName: 'room.stakemap',
      filePath: '/w/room.stakemap',
      startedAt: '2026-12-02T09:30:00.000Z',
      joinCode: '127.0.0.1:41234-ABCD-EFGH-JKMN-PQRS',
    });
    const resumed = next.handlers['live:resume'](undefined);
    await until(() => next.processes.length === 1 && next.processes[0]!.sent.length === 1);
    expect(next.processes[0]!.sent).toEqual([{ type: 'resume', bind: 'lan', stateDir, name: 'Fran' }]);
    next.processes[0]!.say(LIVE);
    expect(await resumed).toEqual({ ok: true, filePath: '/w/room.stakemap', displayName: 'room.stakemap' });

    // Ended on purpose: the record goes, so nothing is offered after that.
    await next.handlers['live:end'](undefined);
    await until(async () => !(await exists(path.join(stateDir, HOST_RECORD_FILE))));
    expect(await service(stateDir).handlers['live:resumable'](undefined)).toBeNull();
  });

  it('is not offered without the server state, or with a damaged record; discarding forgets it', async () => {
    const stateDir = await makeTempDir();
    const record = { format: 'stakemap-live-host', version: 1, filePath: null, displayName: 'Untitled', bind: 'loopback', name: 'Fran', startedAt: '2026-12-02T09:30:00.000Z' };
    await writeFile(path.join(stateDir, HOST_RECORD_FILE), JSON.stringify(record));
    expect(await service(stateDir).handlers['live:resumable'](undefined)).toBeNull();
    await serverState(stateDir);
    expect(await service(stateDir).handlers['live:resumable'](undefined)).toMatchObject({ displayName: 'Untitled', filePath: null });
    await writeFile(path.join(stateDir, HOST_RECORD_FILE), JSON.stringify({ ...record, bind: 'everywhere' }));
    expect(await service(stateDir).handlers['live:resumable'](undefined)).toBeNull();
    expect(await service(stateDir).handlers['live:resume'](undefined)).toEqual({ ok: false, message: 'There is no live session to resume.' });

    await writeFile(path.join(stateDir, HOST_RECORD_FILE), JSON.stringify(record));
    const { handlers } = service(stateDir);
    await handlers['live:discard-resumable'](undefined);
    expect(await handlers['live:resumable'](undefined)).toBeNull();
    expect(await exists(path.join(stateDir, 'live-state.yjs'))).toBe(false);
  });

  it('dispose (the app quitting) resolves only once the process is gone and the record removed', async () => {
    // The e2e fixture deletes the user data folder after dispose: a stopping host must not still be writing in it.
    const stateDir = await makeTempDir();
    const { handlers, processes } = service(stateDir);
    const started = handlers['live:host']({ state: 'AAA=', bind: 'loopback', name: 'Fran', file: { filePath: null, displayName: 'Untitled' } });
    await serverState(stateDir);
    processes[0]!.say(LIVE);
    await started;
    await until(() => exists(path.join(stateDir, HOST_RECORD_FILE)));

    let disposed = false;
    const disposing = handlers.dispose().then(() => (disposed = true));
    expect(processes[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(disposed).toBe(false);
    processes[0]!.exit(0);
    await disposing;
    expect(await exists(path.join(stateDir, HOST_RECORD_FILE))).toBe(false);
  });

  it('a session that never went live records nothing', async () => {
    const stateDir = await makeTempDir();
    const { handlers, processes } = service(stateDir);
    const started = handlers['live:host']({ state: 'AAA=', bind: 'loopback', name: 'Fran', file: { filePath: null, displayName: 'Untitled' } });
    processes[0]!.say({ type: 'failed', message: 'No network.' });
    expect(await started).toEqual({ ok: false, message: 'No network.' });
    expect(await exists(path.join(stateDir, HOST_RECORD_FILE))).toBe(false);
  });
});
