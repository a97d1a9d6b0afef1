import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannels, type SaveResult } from '../../../../shared/host/channels';
import { createHostHandlers, type HostDialogs } from '../../../../electron/ipc/host-handlers';
import { IpcRequestError, validateInvokeArgs } from '../../../../electron/ipc/register-handlers';
import { FileAccessList } from '../../../../electron/services/file-access';
import { RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { createVersionHistory } from '../../../../electron/services/version-history';
import { WRITE_MISMATCH_REASON, type WorkspaceFs } from '../../../../electron/services/workspace-files';
import { makeTempDir, MemoryStore } from '../helpers';

/*
 * Journey 9, "no lost work", as main sees it: saves one at a time per file, a file changed on disk behind the
 * app is not silently replaced, every save is checked by reading it back, and earlier versions are kept in the
 * app's data folder. Real files in temporary folders throughout.
 */

const FIXTURE = path.resolve(__dirname, '../../../fixtures/workspaces/valid-minimal.stakemap');

/** A workspace's text with another title: each call gives different, valid content. */
const workspaceText = (title: string) =>
  `${JSON.stringify({ format: 'stakemap', version: 1, title, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z', stakeholders: [], relationships: [], painPoints: [], solutions: [], categories: [], viewport: { x: 0, y: 0, zoom: 1 } }, null, 2)}\n`;

async function setUp(options: { fs?: WorkspaceFs; saveAnswers?: (string | null)[] } = {}) {
  const dir = await fs.realpath(await makeTempDir('stakemap-docs-'));
  const userData = await makeTempDir('stakemap-userdata-');
  const store = new MemoryStore();
  const access = new FileAccessList('linux');
  const recent = new RecentWorkspaces(store, 'linux');
  const openAnswers: (string | null)[] = [];
  const saveAnswers = options.saveAnswers ?? [];
  const dialogs: HostDialogs = {
    showOpenDialog: async () => openAnswers.shift() ?? null,
    showSaveDialog: async () => saveAnswers.shift() ?? null,
    askUnsavedChanges: async () => 'cancel',
    confirmReplace: async (names) => {
      throw new Error(`unexpected question about replacing ${names.join(', ')}`);
    },
  };
  const logged: string[] = [];
  let clock = Date.parse('2026-11-22T10:00:00.000Z');
  const versions = createVersionHistory({
    dir: path.join(userData, 'versions'),
    now: () => new Date((clock += 1000)),
    platform: 'linux',
    log: (message) => logged.push(message),
  });
  const handlers = createHostHandlers({
    dialogs,
    settings: store,
    recent,
    access,
    window: { setDocumentState: () => undefined, closeConfirmed: () => undefined },
    launch: { platform: 'linux', takePendingFilePath: () => null },
    now: () => new Date(clock),
    printToPdf: async () => new Uint8Array(),
    capturePage: async () => '',
    versions,
    ...(options.fs ? { fs: options.fs } : {}),
  });
  /** Copies a valid workspace into the folder and opens it as the user would (Open dialog). */
  const open = async (name = 'Workshop.stakemap') => {
    const filePath = path.join(dir, name);
    await fs.copyFile(FIXTURE, filePath);
    openAnswers.push(filePath);
    expect(await handlers['workspace:open-dialog'](undefined)).toMatchObject({ kind: 'opened', filePath });
    return filePath;
  };
  const save = async (filePath: string, content: string, overwrite?: boolean): Promise<SaveResult> => {
    const args = validateInvokeArgs('workspace:save', overwrite === undefined ? { filePath, content } : { filePath, content, overwrite });
    const result = await handlers['workspace:save'](args);
    // Every answer fits the channel's result schema, as the renderer will check.
    invokeChannels['workspace:save'].result.parse(result);
    return result;
  };
  return { dir, userData, handlers, access, versions, logged, open, save };
}

const tempFiles = async (dir: string) => (await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'));

describe('workspace:save when the file changed on disk behind the app', () => {
  it('saves over a file that did not change, again and again (its own saves are remembered)', async () => {
    const t = await setUp();
    const file = await t.open();
    for (const title of ['one', 'two', 'three']) {
      expect(await t.save(file, workspaceText(title))).toEqual({ kind: 'saved', filePath: file });
    }
    expect(await fs.readFile(file, 'utf8')).toBe(workspaceText('three'));
  });

  it('writes nothing and reports a conflict when another program changed the file; overwrite saves anyway', async () => {
    const t = await setUp();
    const file = await t.open();
    await fs.writeFile(file, workspaceText('Changed by a colleague'));
    expect(await t.save(file, workspaceText('Mine'))).toEqual({ kind: 'conflict', filePath: file, change: 'modified' });
    expect(await fs.readFile(file, 'utf8')).toBe(workspaceText('Changed by a colleague'));
    // Asking again without overwrite still refuses.
    expect(await t.save(file, workspaceText('Mine'), false)).toMatchObject({ kind: 'conflict' });

    expect(await t.save(file, workspaceText('Mine'), true)).toEqual({ kind: 'saved', filePath: file });
    expect(await fs.readFile(file, 'utf8')).toBe(workspaceText('Mine'));
    // The colleague's version was kept before it was replaced, and can be restored.
    const versions = await t.handlers['versions:list']({ filePath: file });
    const contents = await Promise.all(versions.map((v) => t.handlers['versions:read']({ filePath: file, versionId: v.versionId })));
    expect(contents.slice(0, 2)).toEqual([
      { kind: 'read', content: workspaceText('Mine') },
      { kind: 'read', content: workspaceText('Changed by a colleague') },
    ]);
    // From now on the overwritten file is the one remembered.
    expect(await t.save(file, workspaceText('Mine again'))).toMatchObject({ kind: 'saved' });
  });

  it('notices a change that kept the size', async () => {
    const t = await setUp();
    const file = await t.open();
    const original = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, original.replace('Minimal', 'Maximal'));
    expect(await t.save(file, workspaceText('Mine'))).toEqual({ kind: 'conflict', filePath: file, change: 'modified' });
  });

  it('does not count a file rewritten with the same bytes (a sync client, a touch) as changed', async () => {
    const t = await setUp();
    const file = await t.open();
    await fs.writeFile(file, await fs.readFile(file));
    await fs.utimes(file, new Date('2030-01-01'), new Date('2030-01-01'));
    expect(await t.save(file, workspaceText('Mine'))).toEqual({ kind: 'saved', filePath: file });
  });

  it('reports a deleted or moved file as a conflict; overwrite writes it again', async () => {
    const t = await setUp();
    const file = await t.open();
    await fs.rename(file, path.join(t.dir, 'Moved.stakemap'));
    expect(await t.save(file, workspaceText('Mine'))).toEqual({ kind: 'conflict', filePath: file, change: 'deleted' });
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await t.save(file, workspaceText('Mine'), true)).toEqual({ kind: 'saved', filePath: file });
    expect(await fs.readFile(file, 'utf8')).toBe(workspaceText('Mine'));
  });

  it('saves normally after the file was reloaded from disk', async () => {
    const t = await setUp();
    const file = await t.open();
    await fs.writeFile(file, workspaceText('Changed by a colleague'));
    expect(await t.save(file, workspaceText('Mine'))).toMatchObject({ kind: 'conflict' });
    expect(await t.handlers['workspace:open-path']({ filePath: file })).toMatchObject({
      kind: 'opened',
      content: workspaceText('Changed by a colleague'),
    });
    expect(await t.save(file, workspaceText('Merged'))).toEqual({ kind: 'saved', filePath: file });
  });

  it('does not check for changes on Save As: the dialog already asked about replacing the file', async () => {
    const t = await setUp();
    const file = await t.open();
    await fs.writeFile(file, workspaceText('Changed by a colleague'));
    t.access.grantRead(file);
    const answers: (string | null)[] = [file];
    const handlers = createHostHandlers({
      dialogs: {
        showOpenDialog: async () => null,
        showSaveDialog: async () => answers.shift() ?? null,
        askUnsavedChanges: async () => 'cancel',
        confirmReplace: async () => false,
      },
      settings: new MemoryStore(),
      recent: new RecentWorkspaces(new MemoryStore(), 'linux'),
      access: t.access,
      window: { setDocumentState: () => undefined, closeConfirmed: () => undefined },
      launch: { platform: 'linux', takePendingFilePath: () => null },
      now: () => new Date(),
      printToPdf: async () => new Uint8Array(),
      capturePage: async () => '',
    });
    expect(await handlers['workspace:save-as']({ suggestedName: 'x', content: workspaceText('Mine') })).toEqual({ kind: 'saved', filePath: file });
    // And Save after Save As compares with what Save As wrote.
    expect(await handlers['workspace:save']({ filePath: file, content: workspaceText('Mine 2') })).toMatchObject({ kind: 'saved' });
  });

  it('accepts overwrite only as a boolean', () => {
    expect(() => validateInvokeArgs('workspace:save', { filePath: '/w/a.stakemap', content: '', overwrite: 'yes' })).toThrow(IpcRequestError);
    expect(validateInvokeArgs('workspace:save', { filePath: '/w/a.stakemap', content: '' })).toEqual({ filePath: '/w/a.stakemap', content: '' });
  });
});

describe('workspace:save, one at a time per file', () => {
  it('runs quick saves of one file one after another: all saved, the last one on disk, no temp file', async () => {
    const calls: string[] = [];
    const spy: WorkspaceFs = {
      ...fs,
      open: (async (p: string, flags?: string, mode?: number) => {
        calls.push(flags === 'wx' ? 'write temp' : `open ${path.basename(p)}`);
        return fs.open(p, flags, mode);
      }) as WorkspaceFs['open'],
      rename: async (from, to) => {
        calls.push('rename');
        return fs.rename(from, to);
      },
    };
    const t = await setUp({ fs: spy });
    const file = await t.open();
    calls.length = 0;
    const titles = Array.from({ length: 12 }, (_, i) => `Save ${i + 1} ${'x'.repeat(i * 997)}`);
    const results = await Promise.all(titles.map((title) => t.save(file, workspaceText(title))));
    // Interleaved saves would see each other's writes as changes made behind their back.
    expect(results).toEqual(titles.map(() => ({ kind: 'saved', filePath: file })));
    expect(await fs.readFile(file, 'utf8')).toBe(workspaceText(titles.at(-1)!));
    expect(await tempFiles(t.dir)).toEqual([]);
    // Each save's temp write and rename happen before the next save writes its temp file.
    const steps = calls.filter((call) => call === 'write temp' || call === 'rename');
    expect(steps).toEqual(titles.flatMap(() => ['write temp', 'rename']));
  });
});

describe('workspace:save reads the file back', () => {
  it('reports a file that does not hold what was written, and asks before saving over it next time', async () => {
    let tamper = false;
    const flaky: WorkspaceFs = {
      ...fs,
      rename: async (from, to) => {
        await fs.rename(from, to);
        // A failing disk or a network share drops the end of the file.
        if (tamper) await fs.truncate(to, 10);
      },
    };
    const t = await setUp({ fs: flaky });
    const file = await t.open();
    tamper = true;
    const result = await t.save(file, workspaceText('Mine'));
    expect(result).toMatchObject({ kind: 'writeFailed', filePath: file, code: null });
    expect(result.kind === 'writeFailed' && result.reason).toMatch(new RegExp(`^${WRITE_MISMATCH_REASON} \\(it holds 10 bytes of the [\\d,]+ bytes written: it was cut short\\)\\.$`));
    tamper = false;
    // The file now holds neither what was opened nor what was written: the user decides.
    expect(await t.save(file, workspaceText('Mine'))).toEqual({ kind: 'conflict', filePath: file, change: 'modified' });
    expect(await t.save(file, workspaceText('Mine'), true)).toEqual({ kind: 'saved', filePath: file });
  });
});

describe('previous versions (versions:list, versions:read)', () => {
  it('keeps the opened content and each save, newest first, outside the workspace folder', async () => {
    const t = await setUp();
    const file = await t.open();
    const opened = await fs.readFile(file, 'utf8');
    await t.save(file, workspaceText('one'));
    await t.save(file, workspaceText('two'));
    const listed = await t.handlers['versions:list']({ filePath: file });
    invokeChannels['versions:list'].result.parse(listed);
    expect(listed.map((v) => v.size)).toEqual([workspaceText('two'), workspaceText('one'), opened].map((text) => Buffer.byteLength(text)));
    expect(listed[0]!.savedAt > listed[1]!.savedAt).toBe(true);
    const read = await Promise.all(listed.map((v) => t.handlers['versions:read']({ filePath: file, versionId: v.versionId })));
    expect(read).toEqual([workspaceText('two'), workspaceText('one'), opened].map((content) => ({ kind: 'read', content })));
    expect(await fs.readdir(t.dir)).toEqual(['Workshop.stakemap']);
    expect(t.versions.folderFor(file).startsWith(t.userData)).toBe(true);
  });

  it('keeps at most 10 versions', async () => {
    const t = await setUp();
    const file = await t.open();
    for (let i = 0; i < 14; i++) await t.save(file, workspaceText(`save ${i}`));
    const listed = await t.handlers['versions:list']({ filePath: file });
    expect(listed).toHaveLength(10);
    expect(await t.handlers['versions:read']({ filePath: file, versionId: listed[0]!.versionId })).toEqual({ kind: 'read', content: workspaceText('save 13') });
  });

  it('gives nothing for a file the user has not opened, nor for an id it did not list', async () => {
    const t = await setUp();
    const file = await t.open();
    await t.save(file, workspaceText('one'));
    const [latest] = await t.handlers['versions:list']({ filePath: file });
    const stranger = path.join(t.dir, 'Not opened.stakemap');
    expect(await t.handlers['versions:list']({ filePath: stranger })).toEqual([]);
    expect(await t.handlers['versions:read']({ filePath: stranger, versionId: latest!.versionId })).toEqual({ kind: 'missing' });
    expect(await t.handlers['versions:read']({ filePath: file, versionId: '2000-01-01T00-00-00.000Z-1' })).toEqual({ kind: 'missing' });
  });

  it('refuses version ids that are not ids before they reach main (no paths)', () => {
    for (const versionId of ['../../config', '..\\index', 'index.json', '2026-11-22T10-00-00.000Z-1/../../x', '']) {
      expect(() => validateInvokeArgs('versions:read', { filePath: '/w/a.stakemap', versionId }), versionId).toThrow(IpcRequestError);
    }
    expect(validateInvokeArgs('versions:read', { filePath: '/w/a.stakemap', versionId: '2026-11-22T10-00-00.000Z-12' })).toBeTruthy();
  });

  it('saves even when no version can be kept (the app data folder is unusable)', async () => {
    const t = await setUp();
    const file = await t.open();
    await fs.writeFile(path.join(t.userData, 'versions'), 'a file in the way');
    expect(await t.save(file, workspaceText('Mine'))).toEqual({ kind: 'saved', filePath: file });
    expect(await fs.readFile(file, 'utf8')).toBe(workspaceText('Mine'));
    expect(t.logged.length).toBeGreaterThan(0);
    expect(await t.handlers['versions:list']({ filePath: file })).toEqual([]);
  });
});
