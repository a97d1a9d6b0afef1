import * as fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveResult } from '../../../../shared/host/channels';
import { createHostHandlers, type HostDialogs, type HostHandlers } from '../../../../electron/ipc/host-handlers';
import { changeCheckFailedReason } from '../../../../electron/ipc/workspace-handlers';
import { describeFileError } from '../../../../electron/services/file-errors';
import { FileAccessList } from '../../../../electron/services/file-access';
import { RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { tempFilePattern, type WorkspaceFs } from '../../../../electron/services/workspace-files';
import { makeTempDir, MemoryStore } from '../helpers';

/*
 * Fault injection on the save path: every call to the file system that a save makes (through the host handlers,
 * as the app does) is made to fail in turn, once with each of ENOSPC, EACCES, EROFS, ENOENT and EBUSY. The calls
 * are found by a dry run, so a new step in the save path is covered without editing this file. After every
 * failure: the user's file holds exactly its old bytes (or, where the step comes after the new file is in place,
 * exactly the new ones), no temp file is left in the folder, and a failed save names the file and says why in
 * words. How many failures were injected is in the names of the last tests.
 */

const CODES = ['ENOSPC', 'EACCES', 'EROFS', 'ENOENT', 'EBUSY'] as const;
type Code = (typeof CODES)[number];

const ORIGINAL = '{"format":"stakemap","version":1,"title":"Original"}\n';
const NEW = '{"format":"stakemap","version":1,"title":"New, and longer than the original"}\n';

/** Where the save is when a call happens; the expected outcome of a failure depends on it. */
type Phase = 'check' | 'prepare' | 'write' | 'commit' | 'verify';

interface Step {
  readonly phase: Phase;
  /** e.g. "open temp (wx)", "temp.sync", "rename temp → target". */
  readonly call: string;
}

const fsError = (code: Code, call: string) => Object.assign(new Error(`${code}: injected failure, ${call}`), { code });

/**
 * A real file system whose calls are recorded as steps; the call number `failAt` (counting from when it is
 * armed) fails with `code`. A failing close still closes the real file, so no descriptor leaks.
 */
function faultyFs(dir: string, file: string) {
  const steps: Step[] = [];
  let armed = false;
  let failAt = -1;
  let code: Code = 'ENOSPC';
  let phase: Phase = 'check';
  const tempName = tempFilePattern(path.basename(file));

  const role = (p: unknown): string => {
    const name = String(p);
    if (name === file) return 'target';
    if (name === dir) return 'folder';
    if (tempName.test(path.basename(name))) return 'temp';
    return `other (${path.basename(name)})`;
  };

  /** Records a call; throws when it is the one to fail. */
  const step = (call: string) => {
    if (!armed) return;
    const index = steps.length;
    steps.push({ phase, call });
    if (index === failAt) throw fsError(code, call);
  };

  const HANDLE_METHODS = new Set(['writeFile', 'write', 'sync', 'datasync', 'close', 'read', 'stat', 'chmod', 'truncate']);
  const wrapHandle = (handle: FileHandle, who: string): FileHandle =>
    new Proxy(handle, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (typeof property !== 'string' || !HANDLE_METHODS.has(property)) return (value as (...a: unknown[]) => unknown).bind(target);
        return async (...args: unknown[]) => {
          try {
            step(`${who}.${property}`);
          } catch (error) {
            if (property === 'close') await target.close();
            throw error;
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });

  const faulty: WorkspaceFs = {
    realpath: (async (p: string, ...rest: never[]) => {
      phase = 'prepare';
      step(`realpath ${role(p)}`);
      return fs.realpath(p, ...rest);
    }) as WorkspaceFs['realpath'],
    stat: (async (p: string, ...rest: never[]) => {
      step(`stat ${role(p)}`);
      return fs.stat(p, ...rest);
    }) as WorkspaceFs['stat'],
    readdir: (async (p: string, ...rest: never[]) => {
      step(`readdir ${role(p)}`);
      return fs.readdir(p, ...rest);
    }) as WorkspaceFs['readdir'],
    open: (async (p: string, flags?: string, mode?: number) => {
      const who = role(p);
      if (who === 'temp') phase = 'write';
      if (who === 'target' && phase === 'commit') phase = 'verify';
      step(`open ${who} (${flags ?? 'r'})`);
      return wrapHandle(await fs.open(p, flags, mode), who);
    }) as WorkspaceFs['open'],
    chmod: async (p, mode) => {
      step(`chmod ${role(p)}`);
      return fs.chmod(p, mode);
    },
    link: async (existing, alias) => {
      step(`link ${role(existing)} → ${role(alias)}`);
      return fs.link(existing, alias);
    },
    rename: async (from, to) => {
      phase = 'commit';
      step(`rename ${role(from)} → ${role(to)}`);
      return fs.rename(from, to);
    },
    rm: async (p, options) => {
      step(`rm ${role(p)}`);
      return fs.rm(p, options);
    },
  };

  return {
    fs: faulty,
    steps,
    /** Starts recording (and failing call number `at`, if given) from the next call. */
    arm(at = -1, withCode: Code = 'ENOSPC') {
      armed = true;
      failAt = at;
      code = withCode;
      phase = 'check';
      steps.length = 0;
    },
  };
}

type Outcome =
  | { readonly kind: 'saved' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'writeFailed'; readonly fileHolds: 'old' | 'new'; readonly reason: string; readonly code: Code };

/** What a save must do when `step` fails with `code`. */
function expectedOutcome(scenario: Scenario, step: Step, code: Code): Outcome {
  const failed = (reason: string, fileHolds: 'old' | 'new' = 'old'): Outcome => ({ kind: 'writeFailed', fileHolds, reason, code });
  const readReason = describeFileError(fsError(code, ''), 'read');
  const writeReason = describeFileError(fsError(code, ''), 'write');
  switch (step.phase) {
    case 'check':
      // Reading the file as it is now, to compare it with the one opened (Save) or keep it as a version.
      if (!scenario.checksChanges || step.call === 'target.close') return { kind: 'saved' };
      if (step.call.startsWith('stat') && code === 'ENOENT') return { kind: 'conflict' }; // "the file was deleted"
      return failed(changeCheckFailedReason(readReason));
    case 'prepare':
      if (step.call.startsWith('readdir')) return { kind: 'saved' }; // the clean-up of leftovers is best effort
      // A target that "does not exist" is simply created.
      if (code === 'ENOENT') return { kind: 'saved' };
      return failed(writeReason);
    case 'write':
      return failed(writeReason);
    case 'commit':
      if (step.call.startsWith('rename')) return failed(writeReason);
      return { kind: 'saved' }; // fsync of the folder: not possible everywhere, and the new file is in place
    case 'verify':
      if (step.call === 'target.stat' || step.call === 'target.close') return { kind: 'saved' }; // the bytes were compared
      return failed(`The file was written but could not be read back to check it (${readReason})`, 'new');
    default: {
      const unreachable: never = step.phase;
      return unreachable;
    }
  }
}

interface Scenario {
  readonly name: string;
  /** Whether the file was opened first, so the save compares it with what was opened. */
  readonly checksChanges: boolean;
  readonly fileName: string;
  /** The file's bytes before the save, or null when the save creates it. */
  readonly original: string | null;
  readonly save: (handlers: HostHandlers, file: string) => Promise<SaveResult>;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'Save over an opened workspace',
    checksChanges: true,
    fileName: 'Workshop.stakemap',
    original: ORIGINAL,
    save: (handlers, file) => handlers['workspace:save']({ filePath: file, content: NEW }),
  },
  {
    name: 'Save As a new workspace',
    checksChanges: false,
    fileName: 'New workshop.stakemap',
    original: null,
    save: (handlers) => handlers['workspace:save-as']({ suggestedName: 'New workshop', content: NEW }),
  },
  {
    name: 'Export Markdown over an earlier export',
    checksChanges: false,
    fileName: 'Workshop.md',
    original: '# Earlier export\n',
    save: (handlers) => handlers['export:save']({ format: 'markdown', suggestedName: 'Workshop', data: NEW }),
  },
];

/** A folder holding the scenario's file, handlers using the faulty file system, the file opened if it should be. */
async function setUp(scenario: Scenario) {
  const dir = await fs.realpath(await makeTempDir('stakemap-faults-'));
  const file = path.join(dir, scenario.fileName);
  if (scenario.original !== null) await fs.writeFile(file, scenario.original);
  const faulty = faultyFs(dir, file);
  const store = new MemoryStore();
  const access = new FileAccessList('linux');
  const dialogs: HostDialogs = {
    showOpenDialog: async () => file,
    showSaveDialog: async () => file,
    askUnsavedChanges: async () => 'cancel',
    confirmReplace: async () => false,
  };
  const handlers = createHostHandlers({
    dialogs,
    settings: store,
    recent: new RecentWorkspaces(store, 'linux'),
    access,
    window: { setDocumentState: () => undefined, closeConfirmed: () => undefined },
    launch: { platform: 'linux', takePendingFilePath: () => null },
    now: () => new Date('2026-11-22T10:00:00.000Z'),
    printToPdf: async () => new Uint8Array(),
    capturePage: async () => '',
    fs: faulty.fs,
  });
  if (scenario.checksChanges) {
    // Opening needs a real workspace; then the file gets the bytes this test compares.
    await fs.writeFile(file, await fs.readFile(path.resolve(__dirname, '../../../fixtures/workspaces/valid-minimal.stakemap')));
    expect(await handlers['workspace:open-dialog'](undefined)).toMatchObject({ kind: 'opened' });
    // Saved once through the app, so the remembered content is ORIGINAL.
    expect(await handlers['workspace:save']({ filePath: file, content: ORIGINAL })).toEqual({ kind: 'saved', filePath: file });
  }
  return { dir, file, faulty, handlers };
}

/** The steps a save makes when nothing fails. */
async function dryRun(scenario: Scenario): Promise<Step[]> {
  const t = await setUp(scenario);
  t.faulty.arm();
  expect(await scenario.save(t.handlers, t.file)).toEqual({ kind: 'saved', filePath: t.file });
  return [...t.faulty.steps];
}

const stepsByScenario = await Promise.all(SCENARIOS.map(async (scenario) => ({ scenario, steps: await dryRun(scenario) })));
const INJECTED = stepsByScenario.reduce((sum, { steps }) => sum + steps.length * CODES.length, 0);

describe('a save when one file system call fails (fault injection)', () => {
  for (const { scenario, steps } of stepsByScenario) {
    describe(scenario.name, () => {
      it(`makes the calls every atomic save needs (${steps.length} in all)`, () => {
        const calls = steps.map((s) => `${s.phase}: ${s.call}`);
        for (const needed of [
          'prepare: realpath target',
          'write: open temp (wx)',
          'write: temp.writeFile',
          'write: temp.sync',
          'write: temp.close',
          'commit: rename temp → target',
          'commit: open folder (r)',
          'commit: folder.sync',
          'verify: open target (r)',
          'verify: target.read',
        ]) {
          expect(calls).toContain(needed);
        }
        // The permission bits of an existing file are restored on the temp file before it replaces it.
        if (scenario.original !== null) expect(calls).toContain('write: chmod temp');
      });

      steps.forEach((step, index) => {
        it(`#${index + 1} ${step.phase}: ${step.call} fails with ${CODES.join(', ')}`, async () => {
          for (const code of CODES) {
            const t = await setUp(scenario);
            const before = scenario.original === null ? null : await fs.readFile(t.file);
            t.faulty.arm(index, code);
            const result = await scenario.save(t.handlers, t.file);
            const context = `${step.phase}: ${step.call} failing with ${code}`;
            expect(t.faulty.steps[index], context).toEqual(step);

            const expected = expectedOutcome(scenario, step, code);
            const names = await fs.readdir(t.dir);
            expect(names.filter((name) => name.endsWith('.tmp')), `temp files left after ${context}`).toEqual([]);
            const holds = names.includes(scenario.fileName) ? await fs.readFile(t.file) : null;

            switch (expected.kind) {
              case 'saved':
                expect(result, context).toEqual({ kind: 'saved', filePath: t.file });
                expect(holds?.toString('utf8'), context).toBe(NEW);
                break;
              case 'conflict':
                expect(result, context).toEqual({ kind: 'conflict', filePath: t.file, change: 'deleted' });
                expect(holds, context).toEqual(before);
                break;
              case 'writeFailed':
                expect(result, context).toEqual({ kind: 'writeFailed', filePath: t.file, reason: expected.reason, code });
                expect(expected.reason, context).not.toMatch(/system reported/);
                if (expected.fileHolds === 'old') expect(holds, `the file is untouched after ${context}`).toEqual(before);
                else expect(holds?.toString('utf8'), context).toBe(NEW);
                break;
              default: {
                const unreachable: never = expected;
                throw new Error(String(unreachable));
              }
            }
          }
        });
      });
    });
  }

  it(`injected ${INJECTED} failures in all (${stepsByScenario.map(({ scenario, steps }) => `${scenario.name}: ${steps.length} calls`).join('; ')}; × ${CODES.length} error codes)`, () => {
    expect(INJECTED).toBeGreaterThanOrEqual(3 * 10 * CODES.length);
  });
});
