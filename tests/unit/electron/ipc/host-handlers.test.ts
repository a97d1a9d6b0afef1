import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentState, UnsavedChoice } from '../../../../shared/host/channels';
import {
  createHostHandlers,
  NOT_GRANTED_REASON,
  OPEN_DIALOG_FILTERS,
  safeFileName,
  SAVE_NOT_GRANTED_REASON,
  withWorkspaceExtension,
  type HostDialogs,
  type OpenDialogRequest,
  type SaveDialogRequest,
} from '../../../../electron/ipc/host-handlers';
import { FileAccessList } from '../../../../electron/services/file-access';
import { SETTINGS_KEYS } from '../../../../electron/services/key-value-store';
import { LaunchFiles } from '../../../../electron/services/launch-files';
import { RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { makeTempDir, MemoryStore } from '../helpers';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/workspaces');
const NOW = new Date('2026-11-22T10:00:00.000Z');

/** Dialogs answered from queues, recording what they were asked; an unexpected dialog fails the test. */
class FakeDialogs implements HostDialogs {
  readonly openAnswers: (string | null)[] = [];
  readonly saveAnswers: (string | null)[] = [];
  readonly unsavedAnswers: UnsavedChoice[] = [];
  readonly openRequests: OpenDialogRequest[] = [];
  readonly saveRequests: SaveDialogRequest[] = [];
  readonly unsavedRequests: string[] = [];

  async showOpenDialog(request: OpenDialogRequest) {
    this.openRequests.push(request);
    return this.next(this.openAnswers, 'open');
  }
  async showSaveDialog(request: SaveDialogRequest) {
    this.saveRequests.push(request);
    return this.next(this.saveAnswers, 'save');
  }
  async askUnsavedChanges(displayName: string) {
    this.unsavedRequests.push(displayName);
    return this.next(this.unsavedAnswers, 'unsaved-changes');
  }
  private next<T>(queue: T[], name: string): T {
    if (queue.length === 0) throw new Error(`unexpected ${name} dialog`);
    return queue.shift() as T;
  }
}

async function setUp(options: { pendingFilePath?: string | null; store?: MemoryStore } = {}) {
  const dir = await makeTempDir();
  const store = options.store ?? new MemoryStore();
  const dialogs = new FakeDialogs();
  const access = new FileAccessList('linux');
  const recent = new RecentWorkspaces(store, 'linux');
  const documentStates: DocumentState[] = [];
  let closeConfirmations = 0;
  const launchFiles = new LaunchFiles(() => undefined);
  if (options.pendingFilePath) launchFiles.add(options.pendingFilePath);
  const osRecent: string[] = [];
  const handlers = createHostHandlers({
    dialogs,
    settings: store,
    recent,
    access,
    window: {
      setDocumentState: (state) => documentStates.push(state),
      closeConfirmed: () => void closeConfirmations++,
    },
    launch: {
      platform: 'linux',
      takePendingFilePath: () => launchFiles.takePending(),
    },
    now: () => NOW,
    addOsRecentDocument: (filePath) => osRecent.push(filePath),
  });
  const workspace = async (name: string, fixture = 'valid-minimal.stakemap') => {
    const filePath = path.join(dir, name);
    await fs.copyFile(path.join(FIXTURES, fixture), filePath);
    return filePath;
  };
  return { dir, store, dialogs, access, recent, handlers, documentStates, osRecent, workspace, closeConfirmations: () => closeConfirmations };
}

describe('workspace:open-dialog', () => {
  it('opens the chosen file, lists it as recent and allows saving over it', async () => {
    const t = await setUp();
    const file = await t.workspace('Workshop.stakemap');
    t.dialogs.openAnswers.push(file);
    const result = await t.handlers['workspace:open-dialog'](undefined);
    expect(result).toEqual({ kind: 'opened', filePath: file, content: await fs.readFile(file, 'utf8') });
    expect(t.dialogs.openRequests[0]?.filters).toEqual(OPEN_DIALOG_FILTERS);
    expect(t.recent.list()).toEqual([{ filePath: file, fileName: 'Workshop.stakemap', openedAt: NOW.toISOString() }]);
    expect(t.access.canWrite(file)).toBe(true);
    expect(t.osRecent).toEqual([file]);
  });

  it('starts in the folder of the most recent workspace', async () => {
    const t = await setUp();
    t.recent.add('/maps/old.stakemap', NOW);
    t.dialogs.openAnswers.push(null);
    await t.handlers['workspace:open-dialog'](undefined);
    expect(t.dialogs.openRequests[0]?.defaultPath).toBe('/maps');
  });

  it('returns canceled when the dialog is canceled', async () => {
    const t = await setUp();
    t.dialogs.openAnswers.push(null);
    expect(await t.handlers['workspace:open-dialog'](undefined)).toEqual({ kind: 'canceled' });
  });

  it('returns the text of a broken file for the renderer to explain, without listing it as recent', async () => {
    const t = await setUp();
    const file = await t.workspace('broken.stakemap', 'truncated.stakemap');
    t.dialogs.openAnswers.push(file);
    const result = await t.handlers['workspace:open-dialog'](undefined);
    expect(result.kind).toBe('opened');
    expect(t.recent.list()).toEqual([]);
    expect(t.access.canWrite(file)).toBe(false);
  });

  it('lists a file with dangling references as recent: it opens', async () => {
    const t = await setUp();
    const file = await t.workspace('dangling.stakemap', 'dangling-references.stakemap');
    t.dialogs.openAnswers.push(file);
    expect((await t.handlers['workspace:open-dialog'](undefined)).kind).toBe('opened');
    expect(t.recent.has(file)).toBe(true);
  });

  it('reports a missing file and a folder with reasons', async () => {
    const t = await setUp();
    t.dialogs.openAnswers.push(path.join(t.dir, 'missing.stakemap'), t.dir);
    expect(await t.handlers['workspace:open-dialog'](undefined)).toEqual({
      kind: 'readFailed',
      filePath: path.join(t.dir, 'missing.stakemap'),
      reason: 'The file does not exist.',
      code: 'ENOENT',
    });
    expect(await t.handlers['workspace:open-dialog'](undefined)).toMatchObject({ kind: 'readFailed', reason: 'It is a folder, not a file.' });
  });
});

describe('workspace:open-path', () => {
  it('refuses a path the user never chose, without reading it', async () => {
    const t = await setUp();
    const file = await t.workspace('secret.stakemap');
    expect(await t.handlers['workspace:open-path']({ filePath: file })).toEqual({
      kind: 'readFailed',
      filePath: file,
      reason: NOT_GRANTED_REASON,
      code: null,
    });
    expect(await t.handlers['workspace:open-path']({ filePath: '/etc/passwd' })).toMatchObject({ kind: 'readFailed', code: null });
  });

  it('opens a recent workspace', async () => {
    const t = await setUp();
    const file = await t.workspace('recent.stakemap');
    t.recent.add(file, new Date('2026-01-01T00:00:00Z'));
    expect((await t.handlers['workspace:open-path']({ filePath: file })).kind).toBe('opened');
    expect(t.recent.list()[0]?.openedAt).toBe(NOW.toISOString());
  });

  it('opens a file granted by the command line or the OS', async () => {
    const t = await setUp();
    const file = await t.workspace('from-os.stakemap');
    t.access.grantRead(file);
    expect((await t.handlers['workspace:open-path']({ filePath: file })).kind).toBe('opened');
  });

  it('keeps a recent entry whose file has gone, reporting it missing', async () => {
    const t = await setUp();
    const file = path.join(t.dir, 'gone.stakemap');
    t.recent.add(file, NOW);
    expect(await t.handlers['workspace:open-path']({ filePath: file })).toMatchObject({ kind: 'readFailed', code: 'ENOENT' });
    expect(await t.handlers['recent:list'](undefined)).toHaveLength(1);
  });

  it('refuses an oversized file with its size and the limit', async () => {
    const t = await setUp();
    const file = path.join(t.dir, 'huge.stakemap');
    await fs.writeFile(file, '');
    await fs.truncate(file, 100 * 1024 * 1024 + 10);
    t.access.grantRead(file);
    expect(await t.handlers['workspace:open-path']({ filePath: file })).toEqual({
      kind: 'tooLarge',
      filePath: file,
      size: 100 * 1024 * 1024 + 10,
      limit: 100 * 1024 * 1024,
    });
  });
});

describe('workspace:save', () => {
  it('saves over a file opened this session, and it joins the recent list', async () => {
    const t = await setUp();
    const file = await t.workspace('a.stakemap');
    t.access.grantWrite(file);
    expect(await t.handlers['workspace:save']({ filePath: file, content: '{"new":true}\n' })).toEqual({ kind: 'saved', filePath: file });
    expect(await fs.readFile(file, 'utf8')).toBe('{"new":true}\n');
    expect(t.recent.has(file)).toBe(true);
  });

  it('refuses a path that was neither opened nor saved this session (a recent entry is not enough)', async () => {
    const t = await setUp();
    const file = await t.workspace('a.stakemap');
    const before = await fs.readFile(file, 'utf8');
    t.recent.add(file, NOW);
    t.access.grantRead(file);
    expect(await t.handlers['workspace:save']({ filePath: file, content: 'evil' })).toEqual({
      kind: 'writeFailed',
      filePath: file,
      reason: SAVE_NOT_GRANTED_REASON,
      code: null,
    });
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  it('reports a write failure with a reason and leaves the original untouched', async () => {
    const t = await setUp();
    const folder = path.join(t.dir, 'maps');
    await fs.mkdir(folder);
    const file = path.join(folder, 'a.stakemap');
    await fs.writeFile(file, 'original');
    t.access.grantWrite(file);
    // The folder disappears (a USB stick pulled out, a synced folder removed) before the save.
    await fs.rm(folder, { recursive: true });
    await fs.writeFile(folder, 'now a file');
    const result = await t.handlers['workspace:save']({ filePath: file, content: 'new' });
    expect(result).toEqual({
      kind: 'writeFailed',
      filePath: file,
      reason: 'The folder does not exist: a part of the path is a file, not a folder.',
      code: 'ENOTDIR',
    });
    expect(await fs.readFile(folder, 'utf8')).toBe('now a file');
  });
});

describe('workspace:save-as', () => {
  it('suggests the title as file name, adds the extension, writes, lists as recent and allows Save', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(path.join(t.dir, 'Workshop'));
    const result = await t.handlers['workspace:save-as']({ suggestedName: 'Workshop: Q3/Q4', content: 'text\n' });
    const expected = path.join(t.dir, 'Workshop.stakemap');
    expect(result).toEqual({ kind: 'saved', filePath: expected });
    expect(t.dialogs.saveRequests[0]).toMatchObject({ defaultPath: 'Workshop Q3 Q4.stakemap', filters: [{ extensions: ['stakemap'] }] });
    expect(await fs.readFile(expected, 'utf8')).toBe('text\n');
    expect(t.recent.list()[0]?.filePath).toBe(expected);
    expect(t.access.canWrite(expected)).toBe(true);
  });

  it('keeps a .stakemap or .json extension the user typed', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(path.join(t.dir, 'a.stakemap'), path.join(t.dir, 'b.json'));
    expect(await t.handlers['workspace:save-as']({ suggestedName: 'x', content: '' })).toMatchObject({ filePath: path.join(t.dir, 'a.stakemap') });
    expect(await t.handlers['workspace:save-as']({ suggestedName: 'x', content: '' })).toMatchObject({ filePath: path.join(t.dir, 'b.json') });
  });

  it('asks again instead of silently overwriting the file the added extension names', async () => {
    const t = await setUp();
    const existing = path.join(t.dir, 'taken.stakemap');
    await fs.writeFile(existing, 'precious');
    t.dialogs.saveAnswers.push(path.join(t.dir, 'taken'), null);
    expect(await t.handlers['workspace:save-as']({ suggestedName: 'x', content: 'new' })).toEqual({ kind: 'canceled' });
    expect(t.dialogs.saveRequests[1]).toMatchObject({ defaultPath: existing, title: '“taken.stakemap” already exists' });
    expect(await fs.readFile(existing, 'utf8')).toBe('precious');
  });

  it('returns canceled and writes nothing when the dialog is canceled', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(null);
    expect(await t.handlers['workspace:save-as']({ suggestedName: 'x', content: 'y' })).toEqual({ kind: 'canceled' });
    expect(await fs.readdir(t.dir)).toEqual([]);
  });
});

describe('recent:list and recent:remove', () => {
  it('lists and forgets recent workspaces', async () => {
    const t = await setUp();
    t.recent.add('/w/a.stakemap', NOW);
    t.recent.add('/w/b.stakemap', NOW);
    expect((await t.handlers['recent:list'](undefined)).map((e) => e.fileName)).toEqual(['b.stakemap', 'a.stakemap']);
    expect((await t.handlers['recent:remove']({ filePath: '/w/b.stakemap' })).map((e) => e.fileName)).toEqual(['a.stakemap']);
  });
});

describe('app:launch-state', () => {
  it('reports the first run on the first launch only, remembered in settings', async () => {
    const store = new MemoryStore();
    const t = await setUp({ store });
    expect(await t.handlers['app:launch-state'](undefined)).toEqual({ firstRun: true, pendingFilePath: null, platform: 'linux' });
    expect(store.get(SETTINGS_KEYS.launchedBefore)).toBe(true);
    // Asked again by the same process (StrictMode, reload): the same answer.
    expect((await t.handlers['app:launch-state'](undefined)).firstRun).toBe(true);
    const relaunched = await setUp({ store });
    expect((await relaunched.handlers['app:launch-state'](undefined)).firstRun).toBe(false);
  });

  it('hands over the file given at launch, and allows opening it', async () => {
    const t = await setUp({ pendingFilePath: '/w/cli.stakemap' });
    expect((await t.handlers['app:launch-state'](undefined)).pendingFilePath).toBe('/w/cli.stakemap');
    expect(t.access.canRead('/w/cli.stakemap')).toBe(true);
  });
});

describe('window and dialog channels', () => {
  it('passes the document state to the window', async () => {
    const t = await setUp();
    const state = { displayName: 'a.stakemap', filePath: '/w/a.stakemap', dirty: true };
    await t.handlers['window:document-state'](state);
    expect(t.documentStates).toEqual([state]);
  });

  it('asks the unsaved-changes question with the document name', async () => {
    const t = await setUp();
    t.dialogs.unsavedAnswers.push('discard');
    expect(await t.handlers['dialog:unsaved-changes']({ displayName: 'a.stakemap' })).toBe('discard');
    expect(t.dialogs.unsavedRequests).toEqual(['a.stakemap']);
  });

  it('confirms the close to the window', async () => {
    const t = await setUp();
    await t.handlers['window:close-confirmed'](undefined);
    expect(t.closeConfirmations()).toBe(1);
  });
});

describe('file names', () => {
  it.each([
    ['Workshop', 'Workshop'],
    ['  a/b\\c:d*e?f"g<h>i|j  ', 'a b c d e f g h i j'],
    ['map.stakemap', 'map'],
    ['...hidden', 'hidden'],
    ['', 'Untitled'],
    ['\u0000\u0001', 'Untitled'],
  ])('safeFileName(%j) = %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it.each([
    ['/w/a', '/w/a.stakemap'],
    ['/w/a.stakemap', '/w/a.stakemap'],
    ['/w/a.STAKEMAP', '/w/a.STAKEMAP'],
    ['/w/a.json', '/w/a.json'],
    ['/w/a.txt', '/w/a.txt.stakemap'],
  ])('withWorkspaceExtension(%j) = %j', (input, expected) => {
    expect(withWorkspaceExtension(input)).toBe(expected);
  });
});
