import { execFileSync } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_WORKSPACE_BYTES } from '../../../../shared/document/format';
import { invokeChannels } from '../../../../shared/host/channels';
import { createHostHandlers, type HostDialogs, type OpenDialogRequest, type SaveDialogRequest } from '../../../../electron/ipc/host-handlers';
import { SAVE_NOT_GRANTED_REASON, workspaceTooLargeReason } from '../../../../electron/ipc/workspace-handlers';
import { validateInvokeArgs } from '../../../../electron/ipc/register-handlers';
import { FileAccessList } from '../../../../electron/services/file-access';
import { RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { createVersionHistory } from '../../../../electron/services/version-history';
import { READ_ONLY_REASON, tempFilePattern, type WorkspaceFs } from '../../../../electron/services/workspace-files';
import { makeTempDir, MemoryStore } from '../helpers';

/*
 * Issue 11, the write path: a CSV export writes both files or changes neither, and asks before replacing the
 * solutions file (defect 5); a save can never write a workspace it would refuse to open (defect 7); a named pipe
 * or any other non-regular file is refused without being opened (defect 8); a read-only file is not replaced.
 */

const FIXTURE = path.resolve(__dirname, '../../../fixtures/workspaces/valid-minimal.stakemap');
const NEW_WORKSPACE = '{"format":"stakemap","version":1,"title":"New"}\n';

/** Dialogs answered from queues, recording what they were asked; a dialog without an answer fails the test. */
class Dialogs implements HostDialogs {
  readonly open: (string | null)[] = [];
  readonly save: (string | null)[] = [];
  readonly replace: boolean[] = [];
  readonly asked: string[] = [];
  readonly replaceQuestions: (readonly string[])[] = [];

  async showOpenDialog(request: OpenDialogRequest) {
    this.asked.push(`open: ${request.title}`);
    return this.next(this.open, 'open');
  }
  async showSaveDialog(request: SaveDialogRequest) {
    this.asked.push(`save: ${request.title}`);
    return this.next(this.save, 'save');
  }
  async askUnsavedChanges(): Promise<never> {
    throw new Error('unexpected unsaved-changes question');
  }
  async confirmReplace(fileNames: readonly string[]) {
    this.replaceQuestions.push(fileNames);
    return this.next(this.replace, 'replace');
  }
  private next<T>(queue: T[], name: string): T {
    if (queue.length === 0) throw new Error(`unexpected ${name} dialog`);
    return queue.shift() as T;
  }
}

async function setUp(options: { fs?: WorkspaceFs; maxOpenBytes?: number } = {}) {
  const dir = await fs.realpath(await makeTempDir('stakemap-hostile-writes-'));
  const userData = await makeTempDir('stakemap-userdata-');
  const store = new MemoryStore();
  const dialogs = new Dialogs();
  const access = new FileAccessList('linux');
  const versions = createVersionHistory({ dir: path.join(userData, 'versions'), now: () => new Date('2026-11-22T10:00:00.000Z'), log: () => undefined });
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
    versions,
    ...(options.fs ? { fs: options.fs } : {}),
    ...(options.maxOpenBytes !== undefined ? { maxOpenBytes: options.maxOpenBytes } : {}),
  });
  const open = async (name = 'Workshop.stakemap') => {
    const filePath = path.join(dir, name);
    await fs.copyFile(FIXTURE, filePath);
    dialogs.open.push(filePath);
    expect(await handlers['workspace:open-dialog'](undefined)).toMatchObject({ kind: 'opened', filePath });
    return filePath;
  };
  /** Every file in the folder with its bytes, to compare before and after. */
  const snapshot = async () => {
    const names = (await fs.readdir(dir)).sort();
    return Promise.all(names.map(async (name) => [name, (await fs.lstat(path.join(dir, name))).isFile() ? await fs.readFile(path.join(dir, name), 'utf8') : '(not a file)']));
  };
  return { dir, store, dialogs, access, handlers, versions, open, snapshot };
}

const exportCsv = (t: Awaited<ReturnType<typeof setUp>>, painPoints = 'id\np-new\n', solutions = 'id\nx-new\n') =>
  t.handlers['export:csv']({ suggestedName: 'Q3', painPoints, solutions });

/** A file system whose `rename` onto a path ending in `suffix` fails once with EIO (the second commit of a pair). */
function renameFailsOnce(suffix: string): WorkspaceFs {
  let failed = false;
  return {
    ...fs,
    rename: async (from, to) => {
      if (!failed && String(to).endsWith(suffix)) {
        failed = true;
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      }
      return fs.rename(from, to);
    },
  };
}

describe('export:csv writes both files or changes neither (defect 5)', () => {
  it('reproduction: the second commit fails with both files there before: both are byte-identical after, nothing is left beside them', async () => {
    const t = await setUp({ fs: renameFailsOnce('solutions.csv') });
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    const solutions = path.join(t.dir, 'Q3 solutions.csv');
    await fs.writeFile(painPoints, 'id\np-previous\n');
    await fs.writeFile(solutions, 'id\nx-previous\n');
    const before = await t.snapshot();
    t.dialogs.save.push(painPoints);
    t.dialogs.replace.push(true);
    expect(await exportCsv(t)).toEqual({
      kind: 'writeFailed',
      filePath: solutions,
      reason: 'The disk reported an input/output error.',
      code: 'EIO',
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('puts the previous file back when links are not supported (a copy is kept aside instead)', async () => {
    const noLinks: WorkspaceFs = {
      ...renameFailsOnce('solutions.csv'),
      link: async () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      },
    };
    const t = await setUp({ fs: noLinks });
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    await fs.writeFile(painPoints, 'id\np-previous\n');
    await fs.chmod(painPoints, 0o640);
    const before = await t.snapshot();
    t.dialogs.save.push(painPoints);
    expect(await exportCsv(t)).toMatchObject({ kind: 'writeFailed', filePath: path.join(t.dir, 'Q3 solutions.csv'), code: 'EIO' });
    expect(await t.snapshot()).toEqual(before);
    // The copy put back keeps the file's permission bits.
    expect((await fs.stat(painPoints)).mode & 0o777).toBe(0o640);
  });

  it('undoes the second file as well when it was replaced but did not read back as written', async () => {
    // Something (a sync client, a failing disk) changes the solutions file right after it is renamed into place.
    let tampered = false;
    const tampering: WorkspaceFs = {
      ...fs,
      rename: async (from, to) => {
        await fs.rename(from, to);
        if (!tampered && String(to).endsWith('solutions.csv') && tempFilePattern(path.basename(String(to))).test(path.basename(String(from)))) {
          tampered = true;
          await fs.writeFile(to, 'garbled');
        }
      },
    };
    const t = await setUp({ fs: tampering });
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    await fs.writeFile(painPoints, 'id\np-previous\n');
    await fs.writeFile(path.join(t.dir, 'Q3 solutions.csv'), 'id\nx-previous\n');
    const before = await t.snapshot();
    t.dialogs.save.push(painPoints);
    t.dialogs.replace.push(true);
    const result = await exportCsv(t);
    expect(result).toMatchObject({ kind: 'writeFailed', filePath: path.join(t.dir, 'Q3 solutions.csv') });
    expect(result.kind === 'writeFailed' && result.reason).toMatch(/^The file on disk does not match what was written/);
    expect(await t.snapshot()).toEqual(before);
  });

  it('removes a first file that did not exist before, and keeps an existing second one, when the second fails', async () => {
    const t = await setUp({ fs: renameFailsOnce('solutions.csv') });
    await fs.writeFile(path.join(t.dir, 'Q3 solutions.csv'), 'id\nx-previous\n');
    const before = await t.snapshot();
    t.dialogs.save.push(path.join(t.dir, 'Q3 pain points.csv'));
    t.dialogs.replace.push(true);
    expect(await exportCsv(t)).toMatchObject({ kind: 'writeFailed', code: 'EIO' });
    expect(await t.snapshot()).toEqual(before);
  });

  it('says where the earlier file is when even putting it back fails, and keeps it there', async () => {
    let renamesOntoPainPoints = 0;
    const failing: WorkspaceFs = {
      ...fs,
      rename: async (from, to) => {
        // The solutions file cannot be renamed into place; then putting the earlier pain points back (the second
        // rename onto that file, after the export's own) fails too.
        if (String(to).endsWith('solutions.csv')) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        if (String(to).endsWith('pain points.csv') && ++renamesOntoPainPoints === 2) {
          throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' });
        }
        return fs.rename(from, to);
      },
    };
    const t = await setUp({ fs: failing });
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    await fs.writeFile(painPoints, 'id\np-previous\n');
    t.dialogs.save.push(painPoints);
    const result = await exportCsv(t);
    const kept = (await fs.readdir(t.dir)).find((name) => tempFilePattern('Q3 pain points.csv').test(name));
    expect(kept).toBeDefined();
    expect(await fs.readFile(path.join(t.dir, kept!), 'utf8')).toBe('id\np-previous\n');
    expect(result).toEqual({
      kind: 'writeFailed',
      filePath: path.join(t.dir, 'Q3 solutions.csv'),
      reason: `The disk reported an input/output error. The earlier “Q3 pain points.csv” could not be put back (The disk is read-only.); its earlier content is in “${kept!}”, a hidden file in the same folder: copy it elsewhere before exporting there again, which removes it.`,
      code: 'EIO',
    });
  });

  it('changes nothing when the current file cannot be kept aside (no link, and the copy fails)', async () => {
    const noAside: WorkspaceFs = {
      ...fs,
      link: async () => {
        throw Object.assign(new Error('ENOTSUP: operation not supported, link'), { code: 'ENOTSUP' });
      },
      open: (async (p: string, flags?: string, mode?: number) => {
        // The copy's own temp file cannot be created (the disk is full); the CSV temp files were written before.
        if (flags === 'wx' && /pain points\.csv\.[0-9a-f]{12}\.tmp$/.test(p) && (await fs.readdir(path.dirname(p))).some((n) => n.includes('pain points.csv.'))) {
          throw Object.assign(new Error('ENOSPC: no space left on device, open'), { code: 'ENOSPC' });
        }
        return fs.open(p, flags, mode);
      }) as WorkspaceFs['open'],
    };
    const t = await setUp({ fs: noAside });
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    await fs.writeFile(painPoints, 'id\np-previous\n');
    const before = await t.snapshot();
    t.dialogs.save.push(painPoints);
    const result = await exportCsv(t);
    expect(result).toEqual({
      kind: 'writeFailed',
      filePath: painPoints,
      reason: 'Stakemap could not keep the current “Q3 pain points.csv” aside to put it back should the export fail, so it changed nothing (The disk is full.)',
      code: 'ENOSPC',
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('replaces both files when nothing fails, keeping nothing aside', async () => {
    const t = await setUp();
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    const solutions = path.join(t.dir, 'Q3 solutions.csv');
    await fs.writeFile(painPoints, 'old');
    await fs.writeFile(solutions, 'old');
    t.dialogs.save.push(painPoints);
    t.dialogs.replace.push(true);
    expect(await exportCsv(t)).toEqual({ kind: 'saved', filePaths: [painPoints, solutions] });
    expect(await t.snapshot()).toEqual([
      ['Q3 pain points.csv', 'id\np-new\n'],
      ['Q3 solutions.csv', 'id\nx-new\n'],
    ]);
  });

  it('removes what a killed export kept aside the next time it writes that file', async () => {
    const t = await setUp();
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    await fs.writeFile(painPoints, 'old');
    // A hard link (or copy) of the previous export, named as keepPreviousContent names them.
    await fs.link(painPoints, path.join(t.dir, '.Q3 pain points.csv.0123456789ab.tmp'));
    t.dialogs.save.push(painPoints);
    expect(await exportCsv(t)).toMatchObject({ kind: 'saved' });
    expect((await t.snapshot()).map(([name]) => name)).toEqual(['Q3 pain points.csv', 'Q3 solutions.csv']);
  });
});

describe('export:csv asks before replacing the solutions file (defect 5)', () => {
  it('asks with the solutions file’s name; Cancel writes nothing', async () => {
    const t = await setUp();
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    await fs.writeFile(path.join(t.dir, 'Q3 solutions.csv'), 'id\nx-previous\n');
    const before = await t.snapshot();
    t.dialogs.save.push(painPoints);
    t.dialogs.replace.push(false);
    expect(await exportCsv(t)).toEqual({ kind: 'canceled' });
    expect(t.dialogs.replaceQuestions).toEqual([['Q3 solutions.csv']]);
    expect(await t.snapshot()).toEqual(before);
  });

  it('writes both once the user chose Replace', async () => {
    const t = await setUp();
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    const solutions = path.join(t.dir, 'Q3 solutions.csv');
    await fs.writeFile(solutions, 'id\nx-previous\n');
    t.dialogs.save.push(painPoints);
    t.dialogs.replace.push(true);
    expect(await exportCsv(t)).toEqual({ kind: 'saved', filePaths: [painPoints, solutions] });
    expect(t.dialogs.replaceQuestions).toEqual([['Q3 solutions.csv']]);
    expect(await fs.readFile(solutions, 'utf8')).toBe('id\nx-new\n');
  });

  it('does not ask when there is no solutions file yet (the save dialog asked about the pain points file)', async () => {
    const t = await setUp();
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    await fs.writeFile(painPoints, 'old');
    t.dialogs.save.push(painPoints);
    expect(await exportCsv(t)).toMatchObject({ kind: 'saved' });
    expect(t.dialogs.replaceQuestions).toEqual([]);
  });
});

describe('a save never writes a workspace it would refuse to open (defect 7)', () => {
  // 2 bytes per character in UTF-8: within the channel's character limit, just over the byte limit.
  const tooLarge = 'é'.repeat(MAX_WORKSPACE_BYTES / 2 + 1);
  const tooLargeBytes = MAX_WORKSPACE_BYTES + 2;

  it('reproduction: Save of a text under the character limit but over the byte limit is refused, the file unchanged', async () => {
    const t = await setUp();
    const filePath = await t.open();
    const before = await fs.readFile(filePath);
    // The renderer may send it (the channel counts characters), but main refuses to write it.
    const args = validateInvokeArgs('workspace:save', { filePath, content: tooLarge });
    const result = await t.handlers['workspace:save'](args);
    expect(result).toEqual({ kind: 'writeFailed', filePath, reason: workspaceTooLargeReason(tooLargeBytes), code: null });
    expect(invokeChannels['workspace:save'].result.parse(result)).toEqual(result);
    expect(workspaceTooLargeReason(tooLargeBytes)).toBe(
      'The workspace is 100.1 MB when saved as UTF-8 text, more than the 100 MB a workspace file may have: Stakemap could not open such a file again.',
    );
    expect(await fs.readFile(filePath)).toEqual(before);
    expect((await fs.readdir(t.dir)).sort()).toEqual(['Workshop.stakemap']);
    // Not even a previous version was kept: nothing was about to be replaced.
    expect(await t.versions.list(filePath)).toEqual([]);
  }, 60_000);

  it('refuses Save As of it before showing the dialog', async () => {
    const t = await setUp();
    const result = await t.handlers['workspace:save-as'](validateInvokeArgs('workspace:save-as', { suggestedName: 'Huge', content: tooLarge }));
    // No dialog was queued: had it been shown, the fake would have thrown.
    expect(result).toEqual({ kind: 'writeFailed', filePath: 'Huge.stakemap', reason: workspaceTooLargeReason(tooLargeBytes), code: null });
    expect(t.dialogs.asked).toEqual([]);
    expect(await fs.readdir(t.dir)).toEqual([]);
  }, 60_000);

  it('counts bytes, not characters, right at the limit (a lowered limit keeps the test small)', async () => {
    const t = await setUp({ maxOpenBytes: 100 });
    const filePath = path.join(t.dir, 'Limit.stakemap');
    const atLimit = `{"format":"stakemap","version":1,"title":"${'é'.repeat(28)}"}`; // 100 bytes, 72 characters
    expect(Buffer.byteLength(atLimit)).toBe(100);
    t.dialogs.save.push(filePath);
    expect(await t.handlers['workspace:save-as']({ suggestedName: 'Limit', content: atLimit })).toEqual({ kind: 'saved', filePath });
    const overLimit = atLimit.replace('"}', 'é"}');
    expect(await t.handlers['workspace:save']({ filePath, content: overLimit })).toMatchObject({ kind: 'writeFailed', code: null });
    expect(await fs.readFile(filePath, 'utf8')).toBe(atLimit);
    // And what was saved opens again.
    expect(await t.handlers['workspace:open-path']({ filePath })).toMatchObject({ kind: 'opened' });
  });
});

/**
 * Makes a named pipe at `filePath` and runs `body`. Should anything open the pipe for reading (the regression
 * these tests catch), it would wait forever for a writer; so after a while, and at the end, the pipe is opened
 * for writing (without blocking) and closed again, which hands a stuck reader an empty file: the test then
 * fails on its assertions instead of hanging the test process.
 */
async function withFifo(filePath: string, body: () => Promise<void>): Promise<void> {
  execFileSync('mkfifo', [filePath]);
  const releaseReaders = () =>
    fs
      .open(filePath, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK)
      .then((handle) => handle.close())
      .catch(() => undefined); // ENXIO: no reader, nothing stuck.
  const safetyNet = setInterval(() => void releaseReaders(), 2_000);
  try {
    await body();
  } finally {
    clearInterval(safetyNet);
    await releaseReaders();
  }
}

const isFifo = async (filePath: string) => (await fs.lstat(filePath)).isFIFO();
const FIFO_REASON = 'It is a named pipe (FIFO), not a regular file. Stakemap writes only to regular files, so it did not open or replace it.';

describe('a named pipe or other non-regular file is refused, never opened (defect 8)', () => {
  it('reproduction: Save As onto a FIFO answers at once with a reason, and the FIFO stays', { timeout: 10_000 }, async () => {
    const t = await setUp();
    const fifo = path.join(t.dir, 'pipe.stakemap');
    await withFifo(fifo, async () => {
      t.dialogs.save.push(fifo);
      expect(await t.handlers['workspace:save-as']({ suggestedName: 'x', content: NEW_WORKSPACE })).toEqual({
        kind: 'writeFailed',
        filePath: fifo,
        reason: FIFO_REASON,
        code: null,
      });
      expect(await isFifo(fifo)).toBe(true);
      expect(await fs.readdir(t.dir)).toEqual(['pipe.stakemap']);
    });
  });

  it('Save over a workspace that was replaced by a FIFO since it was opened', { timeout: 10_000 }, async () => {
    const t = await setUp();
    const filePath = await t.open();
    await fs.rm(filePath);
    await withFifo(filePath, async () => {
      expect(await t.handlers['workspace:save']({ filePath, content: NEW_WORKSPACE })).toEqual({ kind: 'writeFailed', filePath, reason: FIFO_REASON, code: null });
      expect(await t.handlers['workspace:save']({ filePath, content: NEW_WORKSPACE, overwrite: true })).toEqual({
        kind: 'writeFailed',
        filePath,
        reason: FIFO_REASON,
        code: null,
      });
      expect(await isFifo(filePath)).toBe(true);
    });
  });

  it('exports onto a FIFO, including either file of the CSV pair', { timeout: 10_000 }, async () => {
    const t = await setUp();
    const fifo = path.join(t.dir, 'report.md');
    await withFifo(fifo, async () => {
      t.dialogs.save.push(fifo);
      expect(await t.handlers['export:save']({ format: 'markdown', suggestedName: 'report', data: '# Report\n' })).toEqual({
        kind: 'writeFailed',
        filePath: fifo,
        reason: FIFO_REASON,
        code: null,
      });
    });
    const solutionsFifo = path.join(t.dir, 'Q3 solutions.csv');
    await withFifo(solutionsFifo, async () => {
      await fs.writeFile(path.join(t.dir, 'Q3 pain points.csv'), 'old');
      t.dialogs.save.push(path.join(t.dir, 'Q3 pain points.csv'));
      // Not asked about replacing it (it is not a file): the write refuses it.
      expect(await exportCsv(t)).toEqual({ kind: 'writeFailed', filePath: solutionsFifo, reason: FIFO_REASON, code: null });
      expect(await fs.readFile(path.join(t.dir, 'Q3 pain points.csv'), 'utf8')).toBe('old');
      expect(await isFifo(solutionsFifo)).toBe(true);
    });
  });
});

describe('a read-only file is not replaced', () => {
  it('Save over a file made read-only (0444) says so and changes nothing, not even the versions kept', async () => {
    const t = await setUp();
    const filePath = await t.open();
    await fs.chmod(filePath, 0o444);
    const before = await fs.readFile(filePath);
    const versionsBefore = await t.versions.list(filePath);
    for (const overwrite of [false, true]) {
      expect(await t.handlers['workspace:save']({ filePath, content: NEW_WORKSPACE, overwrite })).toEqual({
        kind: 'writeFailed',
        filePath,
        reason: READ_ONLY_REASON,
        code: null,
      });
    }
    expect(await fs.readFile(filePath)).toEqual(before);
    expect((await fs.stat(filePath)).mode & 0o777).toBe(0o444);
    expect(await fs.readdir(t.dir)).toEqual(['Workshop.stakemap']);
    expect(await t.versions.list(filePath)).toEqual(versionsBefore);
  });

  it('Save As and exports onto a read-only file are refused too; a file any write bit allows is replaced', async () => {
    const t = await setUp();
    const target = path.join(t.dir, 'Locked.stakemap');
    await fs.writeFile(target, 'locked');
    await fs.chmod(target, 0o444);
    t.dialogs.save.push(target);
    expect(await t.handlers['workspace:save-as']({ suggestedName: 'Locked', content: NEW_WORKSPACE })).toEqual({
      kind: 'writeFailed',
      filePath: target,
      reason: READ_ONLY_REASON,
      code: null,
    });
    const report = path.join(t.dir, 'report.md');
    await fs.writeFile(report, 'locked');
    await fs.chmod(report, 0o400);
    t.dialogs.save.push(report);
    expect(await t.handlers['export:save']({ format: 'markdown', suggestedName: 'report', data: '# New\n' })).toMatchObject({
      kind: 'writeFailed',
      reason: READ_ONLY_REASON,
    });
    expect(await t.snapshot()).toEqual([
      ['Locked.stakemap', 'locked'],
      ['report.md', 'locked'],
    ]);
    // The bits decide, not who we run as: a group-writable file is not read-only.
    await fs.chmod(report, 0o464);
    t.dialogs.save.push(report);
    expect(await t.handlers['export:save']({ format: 'markdown', suggestedName: 'report', data: '# New\n' })).toEqual({ kind: 'saved', filePath: report });
  });

  it('keeps the message the renderer shows with it meaningful: it ends a sentence, and offers Save As elsewhere', () => {
    expect(READ_ONLY_REASON).toMatch(/read-only.*\.$/);
    expect(SAVE_NOT_GRANTED_REASON).toMatch(/Save As/);
  });
});
