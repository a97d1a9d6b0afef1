import { startLiveServer } from '../../../../electron/live/live-server';
import { sampleWorkspace } from './sample-workspace';

/*
 * A host for the crash test (live-server-crash.test.ts), in a process of its own so the test can SIGKILL it:
 * `node live-host-child.mjs <stateDir> fresh|resume`. It starts the live server on loopback and prints one JSON
 * line with the join code, then serves until it is killed.
 */

const [stateDir, mode] = process.argv.slice(2);
if (!stateDir || (mode !== 'fresh' && mode !== 'resume')) throw new Error('usage: live-host-child <stateDir> fresh|resume');

const server =
  mode === 'fresh'
    ? await startLiveServer({ document: sampleWorkspace(), host: '127.0.0.1', stateDir })
    : await startLiveServer({ resumeFrom: stateDir, host: '127.0.0.1', stateDir });
process.stdout.write(`${JSON.stringify({ joinCode: server.joinCode, node: process.version })}\n`);
