import type { EventPayload, InvokeHandlers } from '../../shared/host/channels';
import type { FromLiveProcess, LiveStatus, ToLiveProcess } from '../../shared/live/live-protocol';

/*
 * Main's side of a live session (issue 15): one per window. Main never holds the shared document itself; it
 * starts the live process (electron/live/live-process.ts: the session server when hosting, the connection to the
 * host when joining), hands it the renderer's changes and hands the renderer everything it says. Main's job is
 * the lifecycle: one session at a time, a process that dies is reported rather than left hanging, and ending a
 * session stops its process.
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
}

type LiveChannels = 'live:host' | 'live:join' | 'live:send' | 'live:end' | 'live:set-role' | 'live:presence';
export type LiveSessionHandlers = InvokeHandlers<LiveChannels> & { readonly dispose: () => void };

export function createLiveSession(deps: LiveSessionDependencies): LiveSessionHandlers {
  let running: { readonly process: LiveProcessHandle; readonly side: 'host' | 'participant'; ended: boolean } | null = null;

  const start = (side: 'host' | 'participant', first: ToLiveProcess): Promise<{ ok: true } | { ok: false; message: string }> => {
    if (running && !running.ended) return Promise.resolve({ ok: false, message: 'A live session is already running in this window. End it first.' });
    const process = deps.spawn();
    const session = { process, side, ended: false };
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
      process.onMessage((message) => {
        if (session.ended) return;
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
            if (message.status.state === 'live') settle({ ok: true });
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
        if (session.ended) return;
        const message = side === 'host' ? `The session server stopped unexpectedly (exit code ${String(code)}). Your map is as it was.` : 'The connection to the session stopped unexpectedly. Your copy is kept.';
        settle({ ok: false, message });
        end(session, { state: 'ended', side, message });
      });
      process.send(first);
    });
  };

  /** Stops a session's process (asking first, then for good) and tells the renderer how it ended. */
  const end = (session: NonNullable<typeof running>, status: LiveStatus) => {
    if (session.ended) return;
    session.ended = true;
    try {
      session.process.send({ type: 'stop' });
    } catch {
      // Already gone.
    }
    setTimeout(() => session.process.kill(), 2_000).unref?.();
    deps.send('live:status', status);
    if (running === session) running = null;
  };

  return {
    'live:host': async ({ state, bind, name }) => start('host', { type: 'host', state, bind, name, stateDir: deps.stateDir }),
    'live:join': async ({ joinCode, name }) => start('participant', { type: 'join', joinCode, name }),
    'live:send': async ({ update }) => {
      if (running && !running.ended) running.process.send({ type: 'apply', update });
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
    dispose: () => {
      if (running) end(running, { state: 'off' });
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
    dispose: () => undefined,
  };
}
