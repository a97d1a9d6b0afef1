import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLiveServer } from '../../electron/live/live-server';
import { sampleWorkspace } from '../../tests/unit/electron/live/sample-workspace';

/*
 * The host of the live soak (bench/live/soak.ts), in a process of its own so its CPU and memory are its own: the
 * real session server on the loopback with a temporary state folder. Prints one JSON line with the join code,
 * then one line a second with its CPU time and resident memory, until stdin closes.
 */

const stateDir = await mkdtemp(path.join(os.tmpdir(), 'stakemap-soak-'));
const server = await startLiveServer({ document: sampleWorkspace(), host: '127.0.0.1', stateDir, limits: { maxParticipants: 1000 } });
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
say({ joinCode: server.joinCode, node: process.version });
const started = process.cpuUsage();
const timer = setInterval(() => {
  const cpu = process.cpuUsage(started);
  say({ cpuMs: (cpu.user + cpu.system) / 1000, rssBytes: process.memoryUsage().rss, at: Date.now() });
}, 1000);
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(timer);
  void server.stop({ discardState: true }).then(() => process.exit(0));
});
