import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../../../shared/document/parse';
import { serializeWorkspace } from '../../../../shared/document/serialize';
import { createWorkspace } from '../../../../shared/operations/workspace';
import type { WorkspaceDocument } from '../../../../shared/document/schema';
import { tempFilePattern, writeFileAtomic } from '../../../../electron/services/workspace-files';
import { makeTempDir } from '../helpers';

/*
 * A crash in the middle of a save leaves the old file or the new one, never a broken one (journey 9). A child
 * process saves two complete versions of a workspace (about 1 KB and 300 KB) over one file, alternately, with
 * writeFileAtomic; it is killed with SIGKILL at a random moment, again and again. After every kill the file must
 * parse and be one of the two versions byte for byte. A kill cannot clean up, so the temp file of the save it
 * interrupted may remain, but the next save removes it: there is never more than one.
 *
 * Quick by default (40 kills, for npm test). `npm run test:crash` runs 500 (STAKEMAP_CRASH_KILLS sets any number).
 * SIGKILL ends the process, not the machine: what the OS had accepted still reaches the disk. A power cut is
 * covered by the fsyncs (file, then folder) that this test cannot observe.
 */

const FULL_MODE_KILLS = 500;
const QUICK_MODE_KILLS = 40;
const KILLS = Number(process.env.STAKEMAP_CRASH_KILLS ?? (process.env.npm_lifecycle_event === 'test:crash' ? FULL_MODE_KILLS : QUICK_MODE_KILLS));
/** A kill lands this long, at most, after the child says it is saving (random, uniform). */
const MAX_KILL_DELAY_MS = 40;

const NOW = new Date('2026-11-22T10:00:00.000Z');

/** A complete, valid workspace of `stakeholderCount` stakeholders, as Save writes it. */
function workspaceOf(title: string, stakeholderCount: number): Buffer {
  const doc: WorkspaceDocument = {
    ...createWorkspace(title, NOW),
    stakeholders: Array.from({ length: stakeholderCount }, (_, i) => ({
      id: `s-${i}`,
      name: `Stakeholder ${i}`,
      kind: i === 0 ? ('team' as const) : ('department' as const),
      position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 140 },
      owner: '',
      notes: `Notes on stakeholder ${i}: approvals, briefs, weekly sync.`,
      color: null,
    })),
  };
  const text = serializeWorkspace(doc);
  const parsed = parseWorkspace(text);
  if (!parsed.ok) throw new Error(`test workspace does not parse: ${JSON.stringify(parsed.error)}`);
  return Buffer.from(text, 'utf8');
}

/** The child bundled into one plain ES module for node. */
async function bundleChild(dir: string): Promise<string> {
  const outfile = path.join(dir, 'crash-save-child.mjs');
  await build({
    entryPoints: [path.join(__dirname, 'crash-save-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Starts the child, waits until it says it is saving, kills it after `delayMs`, and waits for it to end. */
async function runAndKill(script: string, args: readonly string[], delayMs: number): Promise<NodeJS.Signals | number | null> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const ended = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const saving = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('saving') && resolve(true));
    void ended.then(() => resolve(false));
  });
  if (!(await saving)) throw new Error(`the child ended before saving: ${stderr}`);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  const how = await ended;
  if (how !== 'SIGKILL') throw new Error(`the child ended by ${String(how)} instead of being killed: ${stderr}`);
  return how;
}

describe(`a save killed at a random moment (${KILLS} kills)`, () => {
  it(
    `leaves a file that parses and is one of the two versions byte for byte, after each of ${KILLS} SIGKILLs`,
    async () => {
      const work = await makeTempDir('stakemap-crash-');
      const folder = path.join(work, 'maps');
      await fs.mkdir(folder);
      const target = path.join(folder, 'Workshop.stakemap');
      const small = workspaceOf('Small version', 3);
      const large = workspaceOf('Large version', 1100);
      expect(small.length).toBeGreaterThan(800);
      // A few KB: the empty map with the default workshop agenda (new in format version 2), which is about 1.6 KB of it.
      expect(small.length).toBeLessThan(4 * 1024);
      expect(large.length).toBeGreaterThan(250 * 1024);
      expect(large.length).toBeLessThan(400 * 1024);
      const smallFile = path.join(work, 'small.src');
      const largeFile = path.join(work, 'large.src');
      await fs.writeFile(smallFile, small);
      await fs.writeFile(largeFile, large);
      const script = await bundleChild(work);
      await writeFileAtomic(target, small);

      const tempPattern = tempFilePattern(path.basename(target));
      const seen = { small: 0, large: 0, tempLeft: 0 };
      for (let kill = 1; kill <= KILLS; kill++) {
        await runAndKill(script, [target, smallFile, largeFile], Math.random() * MAX_KILL_DELAY_MS);

        const bytes = await fs.readFile(target);
        const which = bytes.equals(small) ? 'small' : bytes.equals(large) ? 'large' : null;
        expect(which, `after kill ${kill} the file is neither version (${bytes.length} bytes)`).not.toBeNull();
        seen[which!]++;
        expect(parseWorkspace(bytes.toString('utf8')).ok, `after kill ${kill} the file does not parse`).toBe(true);

        const names = await fs.readdir(folder);
        const temps = names.filter((name) => tempPattern.test(name));
        // Only the interrupted save's temp file, if any: the save before it cleaned up after earlier kills.
        expect(temps.length, `after kill ${kill}: ${names.join(', ')}`).toBeLessThanOrEqual(1);
        expect(names.filter((name) => name !== 'Workshop.stakemap' && !tempPattern.test(name))).toEqual([]);
        if (temps.length > 0) seen.tempLeft++;
      }

      // The next save, by anyone, removes what the last kill left.
      await writeFileAtomic(target, small);
      expect(await fs.readdir(folder)).toEqual(['Workshop.stakemap']);
      console.info(
        `crash-save: ${KILLS} kills survived; the file held the small version ${seen.small} times and the large one ${seen.large} times; ` +
          `${seen.tempLeft} kills interrupted a save after its temp file was created.`,
      );
    },
    KILLS * 2_000 + 30_000,
  );
});
