import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findDanglingReferences } from '../../../../shared/document/references';
import { workspaceSchema } from '../../../../shared/document/schema';
import { addPainPoint } from '../../../../shared/operations/pain-points';
import { makeTempDir } from '../helpers';
import { ParticipantClient, until } from './live-clients';

/*
 * Issue 15, item 9: a host killed with SIGKILL in the middle of a session and started again from its state folder
 * resumes with every edit it had acknowledged. A participant adds pain points one after another, each waiting for
 * the host's acknowledgement, while the host is killed at a random moment; the host is started again with
 * `resumeFrom`, on the same port with the same secret, so the same join code works. A newcomer then finds every
 * pain point that had been acknowledged, and the participant's own app, which reconnects by itself, merges what
 * was still unacknowledged, so all of it is there in the end.
 *
 * The host runs in a child process on this test's Node (Node 24 through `npm run test:live`).
 */

/** Kills and restarts per run. */
const ROUNDS = 5;

let childScript = '';
const children: ChildProcess[] = [];
const clients: ParticipantClient[] = [];

beforeAll(async () => {
  const dir = await makeTempDir('stakemap-live-child-');
  childScript = path.join(dir, 'live-host-child.mjs');
  await build({
    entryPoints: [path.join(__dirname, 'live-host-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: childScript,
    logLevel: 'silent',
    // Bundled CommonJS dependencies may call require(): give the ES module one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts the host; resolves with its join code once it listens. */
function startHost(stateDir: string, mode: 'fresh' | 'resume'): Promise<{ child: ChildProcess; joinCode: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [childScript, stateDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, joinCode: (JSON.parse(line) as { joinCode: string }).joinCode, exited });
    });
    void exited.then((how) => reject(new Error(`the host ended (${String(how)}) before listening: ${stderr}`)));
  });
}

describe('crash-resume', () => {
  it('a host killed with SIGKILL and started again resumes with every acknowledged edit, on the same join code', async () => {
    const stateDir = await makeTempDir('stakemap-live-state-');
    let host = await startHost(stateDir, 'fresh');
    const joinCode = host.joinCode;
    const ann = new ParticipantClient(joinCode, { name: 'Ann', resumeKey: 'ann-resume-key-0123456789' });
    clients.push(ann);
    await ann.synced();

    const acknowledged: string[] = [];
    const sent: string[] = [];
    const add = (id: string) => {
      sent.push(id);
      ann.edit((doc) => addPainPoint(doc, { id, title: `Pain ${id}`, categoryId: 'workflows' }));
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      const count = 2 + Math.floor(Math.random() * 6);
      for (let i = 0; i < count; i += 1) {
        add(`p-${round}-${i}`);
        await ann.acknowledgedByHost();
        acknowledged.push(`p-${round}-${i}`);
      }
      // The kill lands right behind the last acknowledgement (within the same turn), with one more edit in flight:
      // an acknowledgement sent before its edit was on disk would be caught here.
      add(`p-${round}-in-flight`);
      ann.provider.flushPendingUpdates();
      host.child.kill('SIGKILL');
      await host.exited;

      host = await startHost(stateDir, 'resume');
      expect(host.joinCode).toBe(joinCode);
      // A newcomer sees every acknowledged edit at once: nothing the host had acknowledged was lost.
      const newcomer = new ParticipantClient(joinCode, { name: `Newcomer ${round}` });
      clients.push(newcomer);
      await newcomer.synced();
      expect(newcomer.document.painPoints.map((p) => p.id)).toEqual(expect.arrayContaining(acknowledged));
      newcomer.destroy();
      // Ann's app reconnects by itself before the next round.
      await until(() => ann.provider.isSynced && !ann.provider.hasUnsyncedChanges, 'Ann to reconnect and sync', 15_000);
    }
    // Ann's app merged what was in flight at each kill.
    const check = new ParticipantClient(joinCode, { name: 'Check' });
    clients.push(check);
    await check.synced();
    await until(() => sent.every((id) => check.document.painPoints.some((p) => p.id === id)), 'every edit Ann made', 10_000);
    expect(workspaceSchema.safeParse(check.document).success).toBe(true);
    expect(findDanglingReferences(check.document)).toEqual([]);
    expect(ann.document).toEqual(check.document);
  }, 60_000);
});
