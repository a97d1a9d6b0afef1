import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../../shared/export/export-options';
import type { PageCaptureRequest } from '../../../../shared/export/page-capture';
import type { PdfPrintRequest } from '../../../../shared/export/pdf-options';
import { embedWorkspaceInPng, extractWorkspaceFromPng } from '../../../../shared/export/png-text-chunk';
import { invokeChannels, type DocumentState, type UnsavedChoice } from '../../../../shared/host/channels';
import { solutionsCsvPath } from '../../../../electron/ipc/export-handlers';
import { createHostHandlers, type HostDialogs, type OpenDialogRequest, type SaveDialogRequest } from '../../../../electron/ipc/host-handlers';
import { NOT_GRANTED_REASON, OPEN_DIALOG_FILTERS, SAVE_NOT_GRANTED_REASON } from '../../../../electron/ipc/workspace-handlers';
import { validateInvokeArgs } from '../../../../electron/ipc/register-handlers';
import { FileAccessList } from '../../../../electron/services/file-access';
import { SETTINGS_KEYS } from '../../../../electron/services/key-value-store';
import { LaunchFiles } from '../../../../electron/services/launch-files';
import { RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { PNG_WITHOUT_WORKSPACE_REASON, type WorkspaceFs } from '../../../../electron/services/workspace-files';
import { makePng } from '../../shared/export/png-test-image';
import { makeTempDir, MemoryStore } from '../helpers';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/workspaces');
const NOW = new Date('2026-11-22T10:00:00.000Z');

/** Dialogs answered from queues, recording what they were asked; an unexpected dialog fails the test. */
class FakeDialogs implements HostDialogs {
  readonly openAnswers: (string | null)[] = [];
  readonly saveAnswers: (string | null)[] = [];
  readonly unsavedAnswers: UnsavedChoice[] = [];
  readonly replaceAnswers: boolean[] = [];
  readonly openRequests: OpenDialogRequest[] = [];
  readonly saveRequests: SaveDialogRequest[] = [];
  readonly unsavedRequests: string[] = [];
  readonly replaceRequests: (readonly string[])[] = [];

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
  async confirmReplace(fileNames: readonly string[]) {
    this.replaceRequests.push(fileNames);
    return this.next(this.replaceAnswers, 'replace');
  }
  private next<T>(queue: T[], name: string): T {
    if (queue.length === 0) throw new Error(`unexpected ${name} dialog`);
    return queue.shift() as T;
  }
}

/** What the fake print engine returns: a minimal but real PDF header. */
const PDF_BYTES = new Uint8Array(Buffer.from('%PDF-1.7\n%fake report\n%%EOF\n', 'latin1'));

interface SetUpOptions {
  pendingFilePath?: string | null;
  store?: MemoryStore;
  printToPdf?: (request: PdfPrintRequest) => Promise<Uint8Array>;
  fs?: WorkspaceFs;
  /** What the page capture answers (base64), instead of CAPTURED_PNG. */
  capture?: string;
}

/** What the fake page capture answers: a real 3 × 2 px PNG, in base64 as the DevTools protocol gives it. */
const CAPTURED_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACAQAAAAC1D1u3AAAADElEQVQI12N4wPAAAAOEAcEEVhFMAAAAAElFTkSuQmCC';

async function setUp(options: SetUpOptions = {}) {
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
  const printRequests: PdfPrintRequest[] = [];
  const captureRequests: PageCaptureRequest[] = [];
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
    printToPdf: async (request) => {
      printRequests.push(request);
      return options.printToPdf ? options.printToPdf(request) : PDF_BYTES;
    },
    capturePage: async (request) => {
      captureRequests.push(request);
      return options.capture ?? CAPTURED_PNG;
    },
    ...(options.fs ? { fs: options.fs } : {}),
  });
  const workspace = async (name: string, fixture = 'valid-minimal.stakemap') => {
    const filePath = path.join(dir, name);
    await fs.copyFile(path.join(FIXTURES, fixture), filePath);
    return filePath;
  };
  return {
    dir,
    store,
    dialogs,
    access,
    recent,
    handlers,
    documentStates,
    osRecent,
    printRequests,
    captureRequests,
    workspace,
    closeConfirmations: () => closeConfirmations,
  };
}

describe('workspace:read-other', () => {
  it('reads the chosen workspace for a merge without opening it: no recent entry, never saved over', async () => {
    const t = await setUp();
    const file = await t.workspace('Breakout A.stakemap');
    t.dialogs.openAnswers.push(file);
    const result = await t.handlers['workspace:read-other']({ purpose: 'merge' });
    expect(result).toEqual({ kind: 'opened', filePath: file, content: await fs.readFile(file, 'utf8'), source: 'workspace' });
    expect(t.dialogs.openRequests[0]?.title).toBe('Merge Workspace');
    expect(t.recent.list()).toEqual([]);
    expect(t.access.canWrite(file)).toBe(false);
    expect(t.osRecent).toEqual([]);
  });

  it('titles the dialog for a comparison, and returns canceled and read failures as Open does', async () => {
    const t = await setUp();
    t.dialogs.openAnswers.push(null, path.join(t.dir, 'missing.stakemap'));
    expect(await t.handlers['workspace:read-other']({ purpose: 'compare' })).toEqual({ kind: 'canceled' });
    expect(t.dialogs.openRequests[0]?.title).toBe('Compare with Workspace');
    expect((await t.handlers['workspace:read-other']({ purpose: 'compare' })).kind).toBe('readFailed');
  });
});

describe('workspace:open-dialog', () => {
  it('opens the chosen file, lists it as recent and allows saving over it', async () => {
    const t = await setUp();
    const file = await t.workspace('Workshop.stakemap');
    t.dialogs.openAnswers.push(file);
    const result = await t.handlers['workspace:open-dialog'](undefined);
    expect(result).toEqual({ kind: 'opened', filePath: file, content: await fs.readFile(file, 'utf8'), source: 'workspace' });
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
    expect(t.dialogs.saveRequests[0]).toMatchObject({
      defaultPath: 'Workshop Q3 Q4.stakemap',
      filters: [{ extensions: ['stakemap'] }],
      purpose: 'workspace',
    });
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

/** A PNG image as Stakemap exports it: the map picture with the workspace embedded. */
async function writePng(dir: string, name: string, workspaceText: string | null): Promise<string> {
  const png = workspaceText === null ? makePng() : embedWorkspaceInPng(makePng(), workspaceText);
  const filePath = path.join(dir, name);
  await fs.writeFile(filePath, png);
  return filePath;
}

describe('opening a PNG image exported by Stakemap', () => {
  it('offers PNG images in the Open dialog', () => {
    expect(OPEN_DIALOG_FILTERS).toContainEqual({ name: 'PNG image exported by Stakemap', extensions: ['png'] });
  });

  it('opens the workspace embedded in the image, without listing it as recent or allowing Save over it', async () => {
    const t = await setUp();
    const text = await fs.readFile(path.join(FIXTURES, 'valid-full.stakemap'), 'utf8');
    const png = await writePng(t.dir, 'Workshop map.png', text);
    const before = await fs.readFile(png);
    t.dialogs.openAnswers.push(png);
    expect(await t.handlers['workspace:open-dialog'](undefined)).toEqual({ kind: 'opened', filePath: png, content: text, source: 'png' });
    expect(t.recent.list()).toEqual([]);
    expect(t.osRecent).toEqual([]);
    expect(t.access.canWrite(png)).toBe(false);
    // Save must go through Save As: JSON never replaces the picture.
    expect(await t.handlers['workspace:save']({ filePath: png, content: text })).toMatchObject({ kind: 'writeFailed', reason: SAVE_NOT_GRANTED_REASON });
    expect(await fs.readFile(png)).toEqual(before);
  });

  it('opens a PNG handed over by the OS, and recognises a PNG by its bytes whatever its name', async () => {
    const t = await setUp();
    const png = await writePng(t.dir, 'renamed.stakemap', '{"format":"stakemap"}');
    t.access.grantRead(png);
    expect(await t.handlers['workspace:open-path']({ filePath: png })).toMatchObject({ kind: 'opened', source: 'png', content: '{"format":"stakemap"}' });
    expect(t.access.canWrite(png)).toBe(false);
  });

  it('refuses a PNG without a workspace, saying only Stakemap’s PNGs open', async () => {
    const t = await setUp();
    const png = await writePng(t.dir, 'holiday.png', null);
    t.dialogs.openAnswers.push(png);
    expect(await t.handlers['workspace:open-dialog'](undefined)).toEqual({
      kind: 'readFailed',
      filePath: png,
      reason: PNG_WITHOUT_WORKSPACE_REASON,
      code: null,
    });
    expect(PNG_WITHOUT_WORKSPACE_REASON).toBe('This PNG image has no Stakemap workspace in it. Only PNGs exported by Stakemap can be opened.');
  });

  it('refuses a truncated or damaged PNG with a reason, leaving the file as it was', async () => {
    const t = await setUp();
    const whole = embedWorkspaceInPng(makePng(), '{"format":"stakemap"}');
    const file = path.join(t.dir, 'cut.png');
    // Cut inside the workspace chunk (signature 8 + IHDR 25, then the chunk): a file cut after an intact
    // workspace chunk still opens (issue 11: only the workspace chunk has to be intact).
    const cutAt = 8 + 25 + 20;
    await fs.writeFile(file, whole.subarray(0, cutAt));
    t.dialogs.openAnswers.push(file);
    const result = await t.handlers['workspace:open-dialog'](undefined);
    expect(result).toMatchObject({ kind: 'readFailed', code: null });
    expect(result.kind === 'readFailed' && result.reason).toMatch(/^This PNG image is damaged or incomplete.*truncated/);
    expect((await fs.readFile(file)).length).toBe(cutAt);
  });

  it('keeps the 100 MB limit for images', async () => {
    const t = await setUp();
    const file = path.join(t.dir, 'huge.png');
    await fs.writeFile(file, makePng());
    await fs.truncate(file, 100 * 1024 * 1024 + 1);
    t.access.grantRead(file);
    expect(await t.handlers['workspace:open-path']({ filePath: file })).toMatchObject({ kind: 'tooLarge', size: 100 * 1024 * 1024 + 1 });
  });
});

describe('export:save', () => {
  const pngBase64 = () => Buffer.from(embedWorkspaceInPng(makePng(), '{"format":"stakemap"}')).toString('base64');

  it('writes the PNG bytes where the user chose, adding .png, and nowhere near the recent list', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(path.join(t.dir, 'Slides'));
    const data = pngBase64();
    const result = await t.handlers['export:save']({ format: 'png', suggestedName: 'Workshop: Q3', data });
    const expected = path.join(t.dir, 'Slides.png');
    expect(result).toEqual({ kind: 'saved', filePath: expected });
    expect(t.dialogs.saveRequests[0]).toEqual({
      title: 'Export PNG',
      defaultPath: 'Workshop Q3.png',
      filters: [{ name: 'PNG image', extensions: ['png'] }],
      purpose: 'export',
    });
    expect((await fs.readFile(expected)).toString('base64')).toBe(data);
    expect(await fs.readdir(t.dir)).toEqual(['Slides.png']);
    expect(t.recent.list()).toEqual([]);
    expect(t.osRecent).toEqual([]);
    expect(t.access.canWrite(expected)).toBe(false);
  });

  it('writes Markdown as UTF-8 text, adding .md but keeping .md or .markdown', async () => {
    const t = await setUp();
    const markdown = '# Atelier « social » ☕\n\n- Légal → 🚧\n';
    t.dialogs.saveAnswers.push(path.join(t.dir, 'report'), path.join(t.dir, 'notes.markdown'), path.join(t.dir, 'b.MD'));
    expect(await t.handlers['export:save']({ format: 'markdown', suggestedName: 'Report', data: markdown })).toEqual({
      kind: 'saved',
      filePath: path.join(t.dir, 'report.md'),
    });
    expect(t.dialogs.saveRequests[0]).toMatchObject({ title: 'Export Markdown', defaultPath: 'Report.md', filters: [{ name: 'Markdown', extensions: ['md'] }] });
    expect(await fs.readFile(path.join(t.dir, 'report.md'), 'utf8')).toBe(markdown);
    expect(await t.handlers['export:save']({ format: 'markdown', suggestedName: 'x', data: 'a' })).toMatchObject({ filePath: path.join(t.dir, 'notes.markdown') });
    expect(await t.handlers['export:save']({ format: 'markdown', suggestedName: 'x', data: 'b' })).toMatchObject({ filePath: path.join(t.dir, 'b.MD') });
  });

  it('starts in the folder of the last export, remembered across runs, else beside the latest workspace', async () => {
    const store = new MemoryStore();
    const t = await setUp({ store });
    t.recent.add('/maps/latest.stakemap', NOW);
    t.dialogs.saveAnswers.push(null);
    await t.handlers['export:save']({ format: 'markdown', suggestedName: 'R', data: '' });
    expect(t.dialogs.saveRequests[0]?.defaultPath).toBe(path.join('/maps', 'R.md'));

    const exports = path.join(t.dir, 'exports');
    await fs.mkdir(exports);
    t.dialogs.saveAnswers.push(path.join(exports, 'R.md'));
    await t.handlers['export:save']({ format: 'markdown', suggestedName: 'R', data: '' });
    expect(store.get(SETTINGS_KEYS.lastExportFolder)).toBe(exports);

    const relaunched = await setUp({ store });
    relaunched.dialogs.saveAnswers.push(null);
    await relaunched.handlers['export:save']({ format: 'png', suggestedName: 'Map', data: pngBase64() });
    expect(relaunched.dialogs.saveRequests[0]?.defaultPath).toBe(path.join(exports, 'Map.png'));
  });

  it('asks again instead of silently overwriting the file the added extension names', async () => {
    const t = await setUp();
    const existing = path.join(t.dir, 'map.png');
    await fs.writeFile(existing, 'precious');
    t.dialogs.saveAnswers.push(path.join(t.dir, 'map'), existing);
    expect(await t.handlers['export:save']({ format: 'png', suggestedName: 'x', data: pngBase64() })).toEqual({ kind: 'saved', filePath: existing });
    expect(t.dialogs.saveRequests[1]).toMatchObject({ title: '“map.png” already exists', defaultPath: existing, purpose: 'export' });
  });

  it('replaces an existing export atomically, leaving no temp file', async () => {
    const t = await setUp();
    const file = path.join(t.dir, 'r.md');
    await fs.writeFile(file, 'old report that is longer');
    t.dialogs.saveAnswers.push(file);
    await t.handlers['export:save']({ format: 'markdown', suggestedName: 'r', data: 'new' });
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect(await fs.readdir(t.dir)).toEqual(['r.md']);
  });

  it('returns canceled and writes nothing when the dialog is canceled', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(null);
    expect(await t.handlers['export:save']({ format: 'png', suggestedName: 'x', data: pngBase64() })).toEqual({ kind: 'canceled' });
    expect(await fs.readdir(t.dir)).toEqual([]);
  });

  it('reports a write failure with a reason and code', async () => {
    const t = await setUp();
    const file = path.join(t.dir, 'gone', 'map.png');
    t.dialogs.saveAnswers.push(file);
    expect(await t.handlers['export:save']({ format: 'png', suggestedName: 'x', data: pngBase64() })).toEqual({
      kind: 'writeFailed',
      filePath: file,
      reason: 'The folder does not exist (it may have been moved, renamed or removed).',
      code: 'ENOENT',
    });
    expect(t.store.get(SETTINGS_KEYS.lastExportFolder)).toBeUndefined();
  });

  it('refuses PNG data that is not base64 of a PNG before showing any dialog', async () => {
    const t = await setUp();
    const notPng = Buffer.from('GIF89a').toString('base64');
    await expect(t.handlers['export:save']({ format: 'png', suggestedName: 'x', data: notPng })).rejects.toThrow(/not a PNG image/);
    await expect(t.handlers['export:save']({ format: 'png', suggestedName: 'x', data: `data:image/png;base64,${pngBase64()}` })).rejects.toThrow(/not base64/);
    await expect(t.handlers['export:save']({ format: 'png', suggestedName: 'x', data: 'abc' })).rejects.toThrow(/not base64/);
    expect(t.dialogs.saveRequests).toEqual([]);
  });

  it('validates its arguments: known formats only, and a cap on the data', () => {
    expect(() => validateInvokeArgs('export:save', { format: 'svg', suggestedName: 'x', data: '' })).toThrow(/format/);
    expect(() => validateInvokeArgs('export:save', { format: 'png', suggestedName: 'x'.repeat(256), data: '' })).toThrow(/suggestedName/);
    expect(() => validateInvokeArgs('export:save', { format: 'markdown', suggestedName: 'x' })).toThrow(/data/);
    expect(invokeChannels['export:save'].args.shape.data.maxLength).toBe(400 * 1024 * 1024);
    expect(invokeChannels['export:csv'].args.shape.painPoints.maxLength).toBe(400 * 1024 * 1024);
  });
});

describe('export:csv', () => {
  it('asks once for the pain points file and writes the solutions file beside it', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(path.join(t.dir, 'Q3 pain points'));
    const result = await t.handlers['export:csv']({ suggestedName: 'Workshop', painPoints: 'id,title\np-1,Légal\n', solutions: 'id,title\nx-1,Idée\n' });
    const painPoints = path.join(t.dir, 'Q3 pain points.csv');
    const solutions = path.join(t.dir, 'Q3 solutions.csv');
    expect(result).toEqual({ kind: 'saved', filePaths: [painPoints, solutions] });
    expect(t.dialogs.saveRequests).toEqual([
      {
        title: 'Export CSV',
        defaultPath: 'Workshop pain points.csv',
        filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
        purpose: 'export',
      },
    ]);
    expect(await fs.readFile(painPoints, 'utf8')).toBe('id,title\np-1,Légal\n');
    expect(await fs.readFile(solutions, 'utf8')).toBe('id,title\nx-1,Idée\n');
    expect((await fs.readdir(t.dir)).sort()).toEqual(['Q3 pain points.csv', 'Q3 solutions.csv']);
    expect(t.store.get(SETTINGS_KEYS.lastExportFolder)).toBe(t.dir);
    expect(t.recent.list()).toEqual([]);
  });

  it('writes the stakeholders and relationships files beside them when given, all four or none', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(path.join(t.dir, 'Q3 Pain Points.csv'));
    const result = await t.handlers['export:csv']({ suggestedName: 'x', painPoints: 'p', solutions: 's', stakeholders: 'Name\nLegal\n', relationships: 'From,To\n' });
    const names = ['Q3 Pain Points.csv', 'Q3 Solutions.csv', 'Q3 Stakeholders.csv', 'Q3 Relationships.csv'];
    expect(result).toEqual({ kind: 'saved', filePaths: names.map((n) => path.join(t.dir, n)) });
    expect(await fs.readFile(path.join(t.dir, 'Q3 Stakeholders.csv'), 'utf8')).toBe('Name\nLegal\n');
    expect((await fs.readdir(t.dir)).sort()).toEqual([...names].sort());
  });

  it('asks once about every sibling file that already exists, and writes nothing when told not to replace them', async () => {
    const t = await setUp();
    await fs.writeFile(path.join(t.dir, 'Q3 solutions.csv'), 'old solutions');
    await fs.writeFile(path.join(t.dir, 'Q3 relationships.csv'), 'old relationships');
    t.dialogs.saveAnswers.push(path.join(t.dir, 'Q3 pain points.csv'));
    t.dialogs.replaceAnswers.push(false);
    expect(await t.handlers['export:csv']({ suggestedName: 'x', painPoints: 'p', solutions: 's', stakeholders: 'a', relationships: 'b' })).toEqual({ kind: 'canceled' });
    expect(t.dialogs.replaceRequests).toEqual([['Q3 solutions.csv', 'Q3 relationships.csv']]);
    expect(await fs.readFile(path.join(t.dir, 'Q3 relationships.csv'), 'utf8')).toBe('old relationships');
    expect((await fs.readdir(t.dir)).sort()).toEqual(['Q3 relationships.csv', 'Q3 solutions.csv']);
  });

  it('appends " solutions" when the chosen name does not say "pain points"', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(path.join(t.dir, 'export.csv'));
    expect(await t.handlers['export:csv']({ suggestedName: 'x', painPoints: 'a', solutions: 'b' })).toEqual({
      kind: 'saved',
      filePaths: [path.join(t.dir, 'export.csv'), path.join(t.dir, 'export solutions.csv')],
    });
  });

  it('writes neither file when the second cannot be written, leaving an earlier export untouched', async () => {
    const t = await setUp();
    const painPoints = path.join(t.dir, 'W pain points.csv');
    await fs.writeFile(painPoints, 'previous export');
    // Something in the way of the solutions file: a folder of that name.
    await fs.mkdir(path.join(t.dir, 'W solutions.csv'));
    t.dialogs.saveAnswers.push(painPoints);
    expect(await t.handlers['export:csv']({ suggestedName: 'W', painPoints: 'new', solutions: 'new' })).toEqual({
      kind: 'writeFailed',
      filePath: path.join(t.dir, 'W solutions.csv'),
      reason: 'It is a folder, not a file.',
      code: 'EISDIR',
    });
    expect(await fs.readFile(painPoints, 'utf8')).toBe('previous export');
    expect((await fs.readdir(t.dir)).sort()).toEqual(['W pain points.csv', 'W solutions.csv']);
    expect(t.store.get(SETTINGS_KEYS.lastExportFolder)).toBeUndefined();
  });

  it('removes the first file when the second fails at the very last step', async () => {
    const failingRename: WorkspaceFs = {
      ...fs,
      rename: async (from, to) => {
        if (String(to).endsWith('solutions.csv')) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        return fs.rename(from, to);
      },
    };
    const t = await setUp({ fs: failingRename });
    t.dialogs.saveAnswers.push(path.join(t.dir, 'W pain points.csv'));
    expect(await t.handlers['export:csv']({ suggestedName: 'W', painPoints: 'a', solutions: 'b' })).toEqual({
      kind: 'writeFailed',
      filePath: path.join(t.dir, 'W solutions.csv'),
      reason: 'The disk reported an input/output error.',
      code: 'EIO',
    });
    expect(await fs.readdir(t.dir)).toEqual([]);
  });

  it('returns canceled and writes nothing when the dialog is canceled', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(null);
    expect(await t.handlers['export:csv']({ suggestedName: 'x', painPoints: 'a', solutions: 'b' })).toEqual({ kind: 'canceled' });
    expect(await fs.readdir(t.dir)).toEqual([]);
  });
});

describe('export:pdf', () => {
  it('asks where first, then prints the page with the chosen paper, and writes the PDF', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(path.join(t.dir, 'Report'));
    const result = await t.handlers['export:pdf']({ suggestedName: 'Workshop', pageSize: 'Letter', landscape: false });
    const expected = path.join(t.dir, 'Report.pdf');
    expect(result).toEqual({ kind: 'saved', filePath: expected });
    expect(t.dialogs.saveRequests[0]).toEqual({
      title: 'Export PDF',
      defaultPath: 'Workshop.pdf',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      purpose: 'export',
    });
    expect(t.printRequests).toEqual([{ pageSize: 'Letter', landscape: false }]);
    // A real PDF gets its metadata appended; this stand-in for one (not a PDF a reader opens) is written as it
    // came: the report is never lost to the finishing (tests/unit/electron/services/pdf-finishing.test.ts).
    expect(new Uint8Array(await fs.readFile(expected))).toEqual(PDF_BYTES);
    expect(t.recent.list()).toEqual([]);
  });

  it('prints nothing when the dialog is canceled', async () => {
    const t = await setUp();
    t.dialogs.saveAnswers.push(null);
    expect(await t.handlers['export:pdf']({ suggestedName: 'x', pageSize: 'A4', landscape: true })).toEqual({ kind: 'canceled' });
    expect(t.printRequests).toEqual([]);
  });

  it('reports a failed print without writing anything', async () => {
    const t = await setUp({
      printToPdf: async () => {
        throw new Error('Printing failed');
      },
    });
    const file = path.join(t.dir, 'r.pdf');
    t.dialogs.saveAnswers.push(file);
    expect(await t.handlers['export:pdf']({ suggestedName: 'x', pageSize: 'A3', landscape: true })).toEqual({
      kind: 'writeFailed',
      filePath: file,
      reason: 'The PDF could not be created: Printing failed',
      code: null,
    });
    expect(await fs.readdir(t.dir)).toEqual([]);
  });

  it('accepts only the offered paper sizes', () => {
    expect(() => validateInvokeArgs('export:pdf', { suggestedName: 'x', pageSize: 'A5', landscape: true })).toThrow(/pageSize/);
    expect(() => validateInvokeArgs('export:pdf', { suggestedName: 'x', pageSize: 'A4', landscape: 'yes' })).toThrow(/landscape/);
  });
});

describe('import:open-dialog', () => {
  it('asks for a spreadsheet and gives its name and bytes, writing nothing', async () => {
    const t = await setUp();
    const file = path.join(t.dir, 'people.csv');
    await fs.writeFile(file, 'Name\nLegal\n');
    t.dialogs.openAnswers.push(file);
    expect(await t.handlers['import:open-dialog'](undefined)).toEqual({ kind: 'read', filePath: file, fileName: 'people.csv', data: Buffer.from('Name\nLegal\n').toString('base64') });
    expect(t.dialogs.openRequests.at(-1)?.title).toBe('Import Stakeholders');
    expect(await fs.readdir(t.dir)).toEqual(['people.csv']);
  });

  it('gives nothing when canceled, and refuses a file over 20 MB or a folder with the reason', async () => {
    const t = await setUp();
    t.dialogs.openAnswers.push(null);
    expect(await t.handlers['import:open-dialog'](undefined)).toEqual({ kind: 'canceled' });
    const big = path.join(t.dir, 'huge.csv');
    await fs.writeFile(big, Buffer.alloc(20 * 1024 * 1024 + 1, 0x41));
    t.dialogs.openAnswers.push(big);
    expect(await t.handlers['import:open-dialog'](undefined)).toMatchObject({ kind: 'readFailed', filePath: big, reason: expect.stringContaining('up to 20 MB') });
    t.dialogs.openAnswers.push(t.dir);
    expect(await t.handlers['import:open-dialog'](undefined)).toMatchObject({ kind: 'readFailed', reason: 'It is not a file.' });
  });
});

describe('export:capture and export:save-capture', () => {
  const request = { x: 0, y: 0, width: 1200, height: 800, scale: 2, transparent: true };

  it('export:capture hands the rectangle to the page capture, keeps the picture and answers its size; writes nothing, asks nothing', async () => {
    const t = await setUp();
    expect(await t.handlers['export:capture'](request)).toEqual({ width: 3, height: 2 });
    expect(t.captureRequests).toEqual([request]);
    expect(await fs.readdir(t.dir)).toEqual([]);
  });

  it('export:save-capture asks where, then writes the kept picture with the workspace and pixel density in it, once', async () => {
    const t = await setUp();
    await t.handlers['export:capture'](request);
    const target = path.join(t.dir, 'Workshop map');
    t.dialogs.saveAnswers.push(target);
    const workspace = JSON.stringify({ format: 'stakemap-workspace', title: 'Room' });
    expect(await t.handlers['export:save-capture']({ suggestedName: 'Workshop map', workspace, pixelsPerMeter: 7559 })).toEqual({ kind: 'saved', filePath: `${target}.png` });
    const written = new Uint8Array(await fs.readFile(`${target}.png`));
    expect(extractWorkspaceFromPng(written)).toBe(workspace);
    expect(written.subarray(0, 24)).toEqual(new Uint8Array(Buffer.from(CAPTURED_PNG, 'base64')).subarray(0, 24));
    // The picture was let go: saving again is a renderer bug, refused.
    await expect(t.handlers['export:save-capture']({ suggestedName: 'again', workspace, pixelsPerMeter: 7559 })).rejects.toThrow(/no picture to save/);
  });

  it('a canceled save lets the picture go too; a capture that is not a PNG is refused and nothing is kept', async () => {
    const t = await setUp();
    await t.handlers['export:capture'](request);
    t.dialogs.saveAnswers.push(null);
    expect(await t.handlers['export:save-capture']({ suggestedName: 'map', workspace: '{}', pixelsPerMeter: 3780 })).toEqual({ kind: 'canceled' });
    await expect(t.handlers['export:save-capture']({ suggestedName: 'map', workspace: '{}', pixelsPerMeter: 3780 })).rejects.toThrow(/no picture to save/);

    const broken = await setUp({ capture: Buffer.from('not a picture at all, but long enough').toString('base64') });
    await expect(broken.handlers['export:capture'](request)).rejects.toThrow(/export:capture: the data is not a PNG image/);
    await expect(broken.handlers['export:save-capture']({ suggestedName: 'map', workspace: '{}', pixelsPerMeter: 3780 })).rejects.toThrow(/no picture to save/);
    expect(await fs.readdir(broken.dir)).toEqual([]);
  });

  it('refuses a rectangle that is not one, or a picture past the canvas limit', () => {
    const ok = { x: 0, y: 0, width: 1200, height: 800, scale: 2, transparent: false };
    expect(() => validateInvokeArgs('export:capture', ok)).not.toThrow();
    expect(() => validateInvokeArgs('export:capture', { ...ok, width: 0 })).toThrow(/width/);
    expect(() => validateInvokeArgs('export:capture', { ...ok, x: -5 })).toThrow(/x/);
    expect(() => validateInvokeArgs('export:capture', { ...ok, scale: 'two' })).toThrow(/scale/);
    expect(() => validateInvokeArgs('export:capture', { ...ok, width: 20_000, scale: 2 })).toThrow(/32767 px on a side/);
  });
});

describe('export:options-get and export:options-set', () => {
  const chosen: ExportOptions = {
    format: 'pdf',
    png: { scale: 4, background: 'transparent', picture: 'grid' },
    pdf: { pageSize: 'Letter', landscape: false },
    safeToShare: { enabled: true, removeOwners: true, quotes: 'unattributed' },
    wrapUpOnly: true,
  };

  it('gives the defaults until something is chosen, then remembers the choice across runs', async () => {
    const store = new MemoryStore();
    const t = await setUp({ store });
    expect(await t.handlers['export:options-get'](undefined)).toEqual({
      format: 'png',
      png: { scale: 2, background: 'white', picture: 'map' },
      pdf: { pageSize: 'A4', landscape: true },
      safeToShare: { enabled: false, removeOwners: true, quotes: 'unattributed' },
      wrapUpOnly: false,
    });
    await t.handlers['export:options-set'](chosen);
    expect(store.get(SETTINGS_KEYS.exportOptions)).toEqual(chosen);
    const relaunched = await setUp({ store });
    expect(await relaunched.handlers['export:options-get'](undefined)).toEqual(chosen);
  });

  it('falls back to the defaults for a stored value that does not fit, part by part', async () => {
    const store = new MemoryStore();
    const t = await setUp({ store });
    store.set(SETTINGS_KEYS.exportOptions, 'garbage');
    expect(await t.handlers['export:options-get'](undefined)).toEqual(DEFAULT_EXPORT_OPTIONS);
    store.set(SETTINGS_KEYS.exportOptions, { format: 'svg', png: { scale: 8, background: 'white' }, pdf: { pageSize: 'Letter', landscape: false } });
    expect(await t.handlers['export:options-get'](undefined)).toEqual({
      format: 'png',
      png: { scale: 2, background: 'white', picture: 'map' },
      pdf: { pageSize: 'Letter', landscape: false },
      safeToShare: { enabled: false, removeOwners: true, quotes: 'unattributed' },
      wrapUpOnly: false,
    });
    // Whatever comes back satisfies the channel's result schema.
    expect(invokeChannels['export:options-get'].result.parse(await t.handlers['export:options-get'](undefined))).toBeTruthy();
  });

  it('refuses options outside the schema before storing anything', () => {
    expect(() => validateInvokeArgs('export:options-set', { ...chosen, png: { scale: 5, background: 'white' } })).toThrow(/png\.scale/);
    expect(() => validateInvokeArgs('export:options-set', { ...chosen, format: 'docx' })).toThrow(/format/);
    expect(validateInvokeArgs('export:options-set', { ...chosen, extra: true })).toEqual(chosen);
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

describe('solutionsCsvPath', () => {
  // The name's rule is tested with shared/host/file-names.ts; here, that the file goes in the same folder.
  it.each([
    ['/w/Q3 pain points.csv', '/w/Q3 solutions.csv'],
    ['/w/export.csv', '/w/export solutions.csv'],
    ['/w/pain points/Q3 pain points.csv', '/w/pain points/Q3 solutions.csv'],
  ])('solutionsCsvPath(%j) = %j', (input, expected) => {
    expect(solutionsCsvPath(input)).toBe(expected);
  });
});
