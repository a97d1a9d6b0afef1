import path from 'node:path';
import { utilityProcess } from 'electron';
import type { FromLiveProcess, ToLiveProcess } from '../shared/live/live-protocol';
import type { LiveProcessHandle } from './services/live-session';

/** The built live process (electron/live/live-process.ts), beside main.cjs. */
export const LIVE_PROCESS_FILE = 'live-process.cjs';

/**
 * Starts the live process as Electron's utilityProcess: Electron's own Node (24), a process of its own, talking
 * to main over its parent port. Nothing but main can reach it.
 */
export function spawnElectronLiveProcess(): LiveProcessHandle {
  const child = utilityProcess.fork(path.join(__dirname, LIVE_PROCESS_FILE), [], { serviceName: 'Stakemap live session', stdio: 'inherit' });
  return {
    send: (message: ToLiveProcess) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromLiveProcess)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
