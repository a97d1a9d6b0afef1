import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecoveryDrafts } from '../../../../electron/services/recovery-drafts';
import {
  ALTERNATING_DRAFT_ID,
  COMING_AND_GOING_DRAFT_ID,
  CONTENT_A,
  CONTENT_B,
  CONTENT_X,
  DRAFT_FILE_PATH,
} from './crash/recovery-drafts-crash-data';
import { makeTempDir } from '../helpers';

/*
 * "A crash mid-write leaves the previous draft or the new one, never a broken one", tested for real: a child
 * process writes drafts in a loop (crash/recovery-drafts-crash-child.ts) and is killed with SIGKILL at a random
 * moment, again and again, on the same folder. After each kill, a fresh createRecoveryDrafts (as after a
 * relaunch) must list and read only complete drafts: the alternating one holds exactly content A or B (once any
 * write of it completed), the other one is absent or exactly its content, and nothing else is offered.
 *
 * Quick by default (part of `npm test`); `npm run test:crash` (with the save crash test) or
 * `npm run test:crash-drafts` (this one alone) runs the full 500 kills, and STAKEMAP_CRASH_KILLS=<n> any number. Nothing here measures time: delays only spread the kills around.
 */

const QUICK_KILLS = 40;
const FULL_KILLS = 500;

function killCount(): number {
  const fromEnv = Number(process.env.STAKEMAP_CRASH_KILLS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const fullRun = ['test:crash', 'test:crash-drafts'].includes(process.env.npm_lifecycle_event ?? '');
  return fullRun ? FULL_KILLS : QUICK_KILLS;
}

const KILLS = killCount();
/** The longest a child is left to write before it is killed (after it said "ready"). */
const MAX_KILL_DELAY_MS = 60;

const HERE = path.dirname(fileURLToPath(import.meta.url));
let childScript = '';
let planFile = '';

beforeAll(async () => {
  const out = await makeTempDir('stakemap-crash-child-');
  childScript = path.join(out, 'recovery-drafts-crash-child.mjs');
  planFile = path.join(out, 'plan.json');
  // The contents are made here once, not by each child: a child only loads the service and starts writing.
  const plan = {
    alternating: { draftId: ALTERNATING_DRAFT_ID, filePath: DRAFT_FILE_PATH, displayName: 'Crash test.stakemap', contents: [CONTENT_A, CONTENT_B] },
    comingAndGoing: { draftId: COMING_AND_GOING_DRAFT_ID, content: CONTENT_X },
  };
  await fs.writeFile(planFile, JSON.stringify(plan));
  await build({
    entryPoints: [path.join(HERE, 'crash', 'recovery-drafts-crash-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
});

/** A small seeded generator (mulberry32), so a failing run can be repeated with STAKEMAP_CRASH_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Collects what the child prints into `output.text`, for as long as it runs. */
function collectOutput(child: ChildProcess, output: { text: string }): void {
  child.stdout?.on('data', (chunk: Buffer) => (output.text += chunk.toString('utf8')));
}

/** Resolves once the child printed `line`, or rejects if it exits first. */
function waitForLine(child: ChildProcess, line: string, output: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (output.text.split('\n').includes(line)) {
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`the child exited (${code}) before printing "${line}": ${output.text}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

describe('recovery drafts under SIGKILL', () => {
  it(
    `never leave a broken draft: ${KILLS} kills at random moments`,
    async () => {
      const seed = Number(process.env.STAKEMAP_CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);
      const next = random(seed);
      const dir = path.join(await makeTempDir('stakemap-crash-drafts-'), 'recovery');
      const figures = { kills: 0, cutMidWrite: 0, foundA: 0, foundB: 0, foundNone: 0, secondPresent: 0 };
      const failures: string[] = [];
      let completedOnce = false;

      for (let kill = 0; kill < KILLS && failures.length === 0; kill++) {
        const child = spawn(process.execPath, [childScript, dir, planFile], { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = { text: '' };
        collectOutput(child, output);
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        // 'close', not 'exit': by then everything the child printed has been read.
        const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
        await waitForLine(child, 'ready', output);
        await new Promise((resolve) => setTimeout(resolve, next() * MAX_KILL_DELAY_MS));
        child.kill('SIGKILL');
        const signal = await exited;
        if (signal !== 'SIGKILL') failures.push(`kill ${kill}: the child ended by itself (${signal}): ${stderr}`);
        figures.kills++;
        // What the child printed reached us before it died, so "saved" means a write really completed.
        if (output.text.split('\n').includes('saved')) completedOnce = true;

        const names = await fs.readdir(dir).catch(() => [] as string[]);
        if (names.some((name) => name.endsWith('.tmp'))) figures.cutMidWrite++;

        // As after a relaunch: a new instance on the same folder.
        const drafts = createRecoveryDrafts({ dir, now: () => new Date() });
        const listed = await drafts.list();
        const alternating = listed.find((d) => d.draftId === ALTERNATING_DRAFT_ID);
        const second = listed.find((d) => d.draftId === COMING_AND_GOING_DRAFT_ID);
        const others = listed.filter((d) => d !== alternating && d !== second);
        if (others.length > 0) failures.push(`kill ${kill}: unexpected drafts ${JSON.stringify(others.map((d) => d.draftId))}`);

        const content = await drafts.read(ALTERNATING_DRAFT_ID);
        if (alternating === undefined || content === null) {
          figures.foundNone++;
          if (completedOnce) failures.push(`kill ${kill}: the draft is gone although a write of it had completed`);
          if ((alternating === undefined) !== (content === null)) failures.push(`kill ${kill}: list() and read() disagree`);
        } else if (content === CONTENT_A || content === CONTENT_B) {
          if (content === CONTENT_A) figures.foundA++;
          else figures.foundB++;
          const title = content === CONTENT_A ? 'Crash draft A' : 'Crash draft B';
          if (alternating.title !== title || alternating.size !== Buffer.byteLength(content) || alternating.filePath !== DRAFT_FILE_PATH) {
            failures.push(`kill ${kill}: the listing does not describe the draft read: ${JSON.stringify(alternating)}`);
          }
        } else {
          failures.push(`kill ${kill}: the draft holds ${content.length} characters that are neither content A nor B`);
        }

        const secondContent = await drafts.read(COMING_AND_GOING_DRAFT_ID);
        if (secondContent !== null) {
          figures.secondPresent++;
          if (secondContent !== CONTENT_X || second === undefined) failures.push(`kill ${kill}: the second draft is broken`);
        }
        // list() removed the temp files of the killed write: none may pile up over hundreds of kills.
        const leftovers = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.tmp'));
        if (leftovers.length > 0) failures.push(`kill ${kill}: temp files left after list(): ${leftovers.join(', ')}`);
      }

      console.info(`[recovery drafts crash test] seed ${seed}: ${JSON.stringify(figures)}`);
      expect(failures, `seed ${seed} (set STAKEMAP_CRASH_SEED to repeat)`).toEqual([]);
      expect(figures.kills).toBe(KILLS);
      // The run proved something: writes completed, and kills hit both contents.
      expect(completedOnce).toBe(true);
      expect(figures.foundA + figures.foundB).toBeGreaterThan(0);
    },
    KILLS * 2_000 + 30_000,
  );
});
