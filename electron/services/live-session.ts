import type { EventPayload, InvokeHandlers } from '../../shared/host/channels';
import type { FromLiveProcess, LiveStatus, ToLiveProcess } from '../../shared/live/live-protocol';
import { discardLiveSessionState, readResumableLiveSession, removeHostRecord, writeHostRecord, type LiveHostRecord } from './live-host-record';

/*
 * Main's side of a live session (issue 15): one per window. Main never holds the shared document itself; it
 * starts the live process (electron/live/live-process.ts: the session server when hosting, the connection to the
 * host when joining), hands it the renderer's changes and hands the renderer everything it says. Main's job is
 * the lifecycle: one session at a time, a process that dies is reported rather than left hanging (a host's is
 * brought back), ending a session stops its process, and a session the whole app stopped in the middle of (a
 * crash) is offered again at the next start (live-host-record.ts).
 */

/** The live process as main sees it: Electron's utilityProcess in the app, a Node 24 child process in tests. */
export interface LiveProcessHandle {
  send(message: ToLiveProcess): void;
  onMessage(listener: (message: FromLiveProcess) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface LiveSessionDependencies {
  readonly spawn: () => LiveProcessHandle;
  /** Sends a live event to the window's renderer. */
  readonly send: <C extends 'live:update' | 'live:status' | 'live:refused' | 'live:presence'>(channel: C, payload: EventPayload<C>) => void;
  /** Where a hosted session keeps its shared state so a crash can resume it (never the user's file). */
  readonly stateDir: string;
  /** How long starting or joining may take before it is given up. */
  readonly startTimeoutMs?: number;
  readonly now?: () => Date;
}

type LiveChannels = 'live:host' | 'live:join' | 'live:send' | 'live:end' | 'live:set-role' | 'live:presence' | 'live:resumable' | 'live:resume' | 'live:discard-resumable';
export type LiveSessionHandlers = InvokeHandlers<LiveChannels> & {
  /** Ends the running session; resolves once its process has exited (or been killed) and its record is written. */
  readonly dispose: () => Promise<void>;
};

/** How many times in a row a hosted session is brought back after its process stopped unexpectedly. */
const MAX_RESUMES = 3;

interface RunningSession {
  process: LiveProcessHandle;
  readonly side: 'host' | 'participant';
  ended: boolean;
  /** What a hosted session is resumed with (its process died): the same folder, network and name. */
  readonly resume: Extract<ToLiveProcess, { type: 'resume' }> | null;
  /** A hosted session's record (live-host-record.ts), written once it is live. */
  readonly record: LiveHostRecord | null;
  resumes: number;
  live: boolean;
}

export function createLiveSession(deps: LiveSessionDependencies): LiveSessionHandlers {
  let running: RunningSession | null = null;
  /** The host record's writes and removals, in order: a removal must never be overtaken by the write before it. */
  let recordChanges = Promise.resolve();
  const changeRecord = (change: () => Promise<void>) => {
    recordChanges = recordChanges.then(change).catch(() => undefined);
  };
  /** The last ended session's process going away: a stopping host still removes its state files meanwhile. */
  let processGone = Promise.resolve();

  const start = (side: 'host' | 'participant', first: ToLiveProcess, record: LiveHostRecord | null = null): Promise<{ ok: true } | { ok: false; message: string }> => {
    if (running && !running.ended) return Promise.resolve({ ok: false, message: 'A live session is already running in this window. End it first.' });
    const resume = first.type === 'host' || first.type === 'resume' ? ({ type: 'resume', bind: first.bind, stateDir: first.stateDir, name: first.name } as const) : null;
    const session: RunningSession = { process: deps.spawn(), side, ended: false, resume, record, resumes: 0, live: false };
    running = session;
    deps.send('live:status', { state: 'connecting', side });
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: { ok: true } | { ok: false; message: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        settle({ ok: false, message: side === 'host' ? 'The session server did not start in time.' : 'The host did not answer in time. Check the code and that you are on the same network.' });
        end(session, { state: 'ended', side, message: 'Could not start the session.' });
      }, deps.startTimeoutMs ?? 15_000);
      wire(session, session.process, settle);
      session.process.send(first);
    });
  };

  /** Relays what a session's process says, and deals with it stopping. */
  const wire = (session: RunningSession, process: LiveProcessHandle, settle: (result: { ok: true } | { ok: false; message: string }) => void) => {
    const { side } = session;
    process.onMessage((message) => {
      if (session.ended || session.process !== process) return;
      switch (message.type) {
        case 'update':
          deps.send('live:update', message.reset ? { update: message.update, reset: true } : { update: message.update });
          return;
        case 'refused':
          deps.send('live:refused', { reason: message.reason });
          return;
        case 'presence':
          deps.send('live:presence', { peers: [...message.peers] });
          return;
        case 'status':
          if (message.status.state === 'live') {
            const { record } = session;
            if (!session.live && record) changeRecord(() => writeHostRecord(deps.stateDir, record));
            session.live = true;
            session.resumes = 0;
            settle({ ok: true });
          }
          if (message.status.state === 'ended') {
            settle({ ok: false, message: message.status.message });
            end(session, message.status);
            return;
          }
          deps.send('live:status', message.status);
          return;
        case 'failed':
          settle({ ok: false, message: message.message });
          end(session, { state: 'ended', side, message: message.message });
          return;
      }
    });
    process.onExit((code) => {
      if (session.ended || session.process !== process) return;
      // A hosted session whose server stopped is brought back from its state folder: the same code and port,
      // every change it had acknowledged; participants reconnect by themselves.
      if (side === 'host' && session.live && session.resume && session.resumes < MAX_RESUMES) {
        session.resumes += 1;
        deps.send('live:status', { state: 'connecting', side });
        const next = deps.spawn();
        session.process = next;
        wire(session, next, () => undefined);
        next.send(session.resume);
        return;
      }
      const message =
        side === 'host' ? `The session server stopped unexpectedly (exit code ${String(code)}). Your map is as it was.` : 'The connection to the session stopped unexpectedly. Your copy is kept.';
      settle({ ok: false, message });
      end(session, { state: 'ended', side, message });
    });
  };

  /** Stops a session's process (asking first, then for good) and tells the renderer how it ended. */
  const end = (session: RunningSession, status: LiveStatus) => {
    if (session.ended) return;
    session.ended = true;
    const { process } = session;
    try {
      process.send({ type: 'stop' });
    } catch {
      // Already gone.
    }
    processGone = new Promise<void>((resolve) => {
      process.onExit(() => resolve());
      setTimeout(() => {
        process.kill();
        resolve();
      }, 2_000).unref?.();
    });
    // Ended on purpose: nothing to offer at the next start. (Ended otherwise, the state is left as it was.)
    if (session.side === 'host' && status.state === 'off') changeRecord(() => removeHostRecord(deps.stateDir));
    deps.send('live:status', status);
    if (running === session) running = null;
  };

  return {
    'live:host': async ({ state, bind, name, file }) =>
      start('host', { type: 'host', state, bind, name, stateDir: deps.stateDir }, { ...file, bind, name, startedAt: (deps.now?.() ?? new Date()).toISOString() }),
    'live:resumable': async () => {
      if (running && !running.ended) return null;
      const found = await readResumableLiveSession(deps.stateDir);
      return found && { displayName: found.record.displayName, filePath: found.record.filePath, startedAt: found.record.startedAt, joinCode: found.joinCode };
    },
    'live:resume': async () => {
      const found = running && !running.ended ? null : await readResumableLiveSession(deps.stateDir);
      if (!found) return { ok: false, message: 'There is no live session to resume.' };
      const { record } = found;
      const result = await start('host', { type: 'resume', bind: record.bind, stateDir: deps.stateDir, name: record.name }, record);
      return result.ok ? { ok: true, filePath: record.filePath, displayName: record.displayName } : result;
    },
    'live:discard-resumable': async () => {
      if (!running || running.ended) {
        changeRecord(() => discardLiveSessionState(deps.stateDir));
        await recordChanges;
      }
      return undefined;
    },
    'live:join': async ({ joinCode, name }) => start('participant', { type: 'join', joinCode, name }),
    'live:send': async ({ update }) => {
      try {
        if (running && !running.ended) running.process.send({ type: 'apply', update });
      } catch {
        // The process is gone and being brought back: its state folder has every change it acknowledged.
      }
      return undefined;
    },
    'live:end': async () => {
      if (running) end(running, { state: 'off' });
      return undefined;
    },
    'live:presence': async (presence) => {
      if (running && !running.ended) running.process.send({ type: 'presence', presence });
      return undefined;
    },
    'live:set-role': async ({ clientId, role }) => {
      if (running?.side === 'host' && !running.ended) running.process.send({ type: 'set-role', clientId, role });
      return undefined;
    },
    dispose: async () => {
      if (running) end(running, { state: 'off' });
      await processGone;
      await recordChanges;
    },
  };
}

/** The live handlers where no session can run (a host without the live process). */
export function createUnavailableLiveSession(): LiveSessionHandlers {
  const message = 'Live sessions are not available here.';
  return {
    'live:host': async () => ({ ok: false, message }),
    'live:join': async () => ({ ok: false, message }),
    'live:send': async () => undefined,
    'live:end': async () => undefined,
    'live:set-role': async () => undefined,
    'live:presence': async () => undefined,
    'live:resumable': async () => null,
    'live:resume': async () => ({ ok: false, message }),
    'live:discard-resumable': async () => undefined,
    dispose: async () => undefined,
  };
}
