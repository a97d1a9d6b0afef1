import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../shared/host/channels';
import { createHostApi, HOST_API_GLOBAL, type HostTransport } from '../../../shared/host/host-api';
import { scriptPolicyProblems } from '../../../electron/content-security-policy';
import { QUITTING_REASON, WORKSPACE_READER_WORKER_FILE } from '../../../electron/services/workspace-reader';
import { fixturePath } from '../shared/test-helpers';
import {
  createFakeMainElectron,
  createFakePreloadElectron,
  requireWithFakeElectron,
} from './fake-electron';
import { makeTempDir } from './helpers';

/*
 * The built bundles, loaded as Electron would load them but with a fake 'electron' module: what the preload
 * exposes, what main sets up, and that every file they point at exists. Runs after `npm run build`.
 */

const ROOT = path.resolve(__dirname, '../../..');
// The build under test: dist/, or the folder STAKEMAP_DIST names, as for the end-to-end tests (harness/paths.ts).
const DIST = path.resolve(ROOT, process.env.STAKEMAP_DIST ?? 'dist');
const MAIN_BUNDLE = path.join(DIST, 'electron/main.cjs');
const PRELOAD_BUNDLE = path.join(DIST, 'electron/preload.cjs');
const RENDERER_INDEX = path.join(DIST, 'renderer/index.html');
const READER_WORKER_BUNDLE = path.join(DIST, 'electron', WORKSPACE_READER_WORKER_FILE);

beforeAll(() => {
  const missing = [MAIN_BUNDLE, PRELOAD_BUNDLE, READER_WORKER_BUNDLE, RENDERER_INDEX].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.map((f) => path.relative(ROOT, f)).join(', ')}: run \`npm run build\` first.`);
  }
});

/** The host API's function names, from the same factory the preload uses. */
const HOST_API_KEYS = Object.keys(createHostApi({} as HostTransport)).sort();

describe('dist/electron/preload.cjs', () => {
  const load = () => {
    const fake = createFakePreloadElectron();
    const { required } = requireWithFakeElectron(PRELOAD_BUNDLE, fake.electron);
    return { ...fake, required };
  };

  it('is self-contained: it requires nothing but electron (a sandboxed preload cannot)', () => {
    expect([...new Set(load().required)]).toEqual(['electron']);
  });

  it(`exposes exactly the host API as window.${HOST_API_GLOBAL}, once, and nothing else`, () => {
    const { record } = load();
    expect(record.exposed).toHaveLength(1);
    const [name, api] = record.exposed[0]!;
    expect(name).toBe('stakemap');
    expect(Object.keys(api as object).sort()).toEqual(HOST_API_KEYS);
    for (const [key, value] of Object.entries(api as object)) expect(typeof value, key).toBe('function');
    expect(JSON.stringify(Object.keys(api as object))).not.toMatch(/ipc|send|invoke\b|require/i);
  });

  it('turns calls into invokes on the channel table', async () => {
    const { record } = load();
    const api = record.exposed[0]![1] as ReturnType<typeof createHostApi>;
    await expect(api.saveWorkspace('/w/a.stakemap', 'text')).resolves.toBe('answer to workspace:save');
    await api.listRecentWorkspaces();
    expect(record.invoked).toEqual([
      ['workspace:save', { filePath: '/w/a.stakemap', content: 'text' }],
      ['recent:list', undefined],
    ]);
    for (const [channel] of record.invoked) expect(Object.keys(invokeChannels)).toContain(channel);
  });

  it('strips the IPC event from listeners and returns a working unsubscribe', () => {
    const { record } = load();
    const api = record.exposed[0]![1] as ReturnType<typeof createHostApi>;
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args));
    const [listener] = record.listeners.get('menu:command')!;
    const fakeEvent = { sender: { send: () => undefined }, ports: [] };
    (listener as (...args: unknown[]) => void)(fakeEvent, 'file.save');
    expect(received).toEqual([['file.save']]);
    unsubscribe();
    expect(record.listeners.get('menu:command')!.size).toBe(0);
  });
});

describe('dist/electron/workspace-reader-worker.cjs', () => {
  it('is a bundle of its own beside main.cjs that requires only Node built-ins (no electron, no node_modules)', () => {
    const source = readFileSync(READER_WORKER_BUNDLE, 'utf8');
    const required = [...new Set([...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!))].sort();
    expect(required).toEqual(['node:crypto', 'node:fs/promises', 'node:worker_threads']);
    expect(path.dirname(READER_WORKER_BUNDLE)).toBe(path.dirname(MAIN_BUNDLE));
  });
});

describe('dist/electron/main.cjs', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  /** Loads main with a fake electron and lets `app.whenReady()` callbacks run. */
  async function launch(env: Record<string, string> = {}) {
    const userData = await makeTempDir('stakemap-userdata-');
    Object.assign(process.env, env);
    const fake = createFakeMainElectron(userData);
    requireWithFakeElectron(MAIN_BUNDLE, fake.electron);
    for (let i = 0; i < 10 && fake.record.windows.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
    const window = fake.record.windows[0];
    if (!window) throw new Error('main.cjs created no window');
    /** Calls an IPC handler as the renderer of our window would. */
    const invoke = (channel: string, args?: unknown, senderFrame: unknown = window.webContents.mainFrame) =>
      fake.record.ipcHandlers.get(channel)!({ senderFrame }, args);
    return { ...fake, userData, window, invoke };
  }

  it('creates one window with the secure webPreferences and an existing preload', async () => {
    const { record, window } = await launch();
    expect(record.windows).toHaveLength(1);
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(PRELOAD_BUNDLE);
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(window.loadedUrl).toBe('app://stakemap/index.html');
  });

  it('registers app:// as a standard, secure scheme and serves dist/renderer with a strict CSP', async () => {
    const { record } = await launch();
    expect(record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const handler = record.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://stakemap/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(readFileSync(RENDERER_INDEX, 'utf8'));
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(scriptPolicyProblems(csp)).toEqual([]);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);

    // Every asset index.html references is served with a type.
    const html = readFileSync(RENDERER_INDEX, 'utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(referenced.length).toBeGreaterThan(0);
    for (const asset of referenced) {
      const assetResponse = await handler(new Request(`app://stakemap/${asset}`));
      expect(assetResponse.status, asset).toBe(200);
    }
    expect((await handler(new Request('app://stakemap/..%2F..%2Fpackage.json'))).status).toBe(404);
    expect((await handler(new Request('app://stakemap/../electron/main.cjs'))).status).toBe(404);
  });

  it('serves a renderer whose own CSP meta tag allows no inline or eval script', () => {
    const html = readFileSync(RENDERER_INDEX, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'dist/renderer/index.html has a Content-Security-Policy meta tag').not.toBeNull();
    expect(scriptPolicyProblems(meta![1]!)).toEqual([]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });

  it('references only files that exist in dist/renderer', async () => {
    const assets = await readdir(path.join(DIST, 'renderer/assets'));
    const html = await readFile(RENDERER_INDEX, 'utf8');
    for (const match of html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+)"/g)) expect(assets).toContain(match[1]);
  });

  it('keeps navigation on the app, denies new windows and every permission', async () => {
    const { window, record } = await launch();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let prevented = false;
    window.webContents.emit('will-navigate', { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    const decisions: boolean[] = [];
    record.permissionRequestHandler!(null, 'media', (granted) => decisions.push(granted));
    expect(decisions).toEqual([false]);
    expect(record.permissionCheckHandler!()).toBe(false);
    // No link leaves the app unless it is https on the allowlist (empty today): nothing reached shell.openExternal.
    window.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' });
    window.webContents.emit('will-navigate', { url: 'https://example.com/', preventDefault: () => undefined });
    expect(record.openedExternally).toEqual([]);
  });

  it('keeps recovery drafts in <userData>/recovery and offers them back', async () => {
    const { invoke, userData } = await launch();
    const draftId = '3b241101-e2bb-4255-8caf-4136c566a962';
    const content = '{"format":"stakemap","version":1,"title":"Unsaved workshop"}';
    await invoke('recovery:save', { draftId, filePath: null, displayName: 'Untitled', content });
    expect(readdirSync(path.join(userData, 'recovery'))).toEqual([`${draftId}.json`]);
    await expect(invoke('recovery:list')).resolves.toMatchObject([{ draftId, title: 'Unsaved workshop', filePath: null }]);
    await expect(invoke('recovery:read', { draftId })).resolves.toEqual({ kind: 'read', content, writable: false });
    await expect(invoke('recovery:read', { draftId: '../config' })).rejects.toThrow(/Invalid arguments/);
    await invoke('recovery:discard', { draftId });
    await expect(invoke('recovery:list')).resolves.toEqual([]);
  });

  it('handles every invoke channel, validating the sender and the arguments', async () => {
    const { record, invoke, userData } = await launch();
    expect([...record.ipcHandlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
    await expect(invoke('app:launch-state')).resolves.toEqual({ firstRun: true, pendingFilePath: null, platform: process.platform });
    // electron-store wrote the first-run flag into userData.
    expect(JSON.parse(readFileSync(path.join(userData, 'config.json'), 'utf8'))).toMatchObject({ launchedBefore: true });
    await expect(invoke('recent:list', undefined, { url: 'https://evil.example/', processId: 7, routingId: 1 })).rejects.toThrow(/untrusted/);
    await expect(invoke('workspace:open-path', { filePath: 42 })).rejects.toThrow(/Invalid arguments/);
    await expect(invoke('workspace:open-path', { filePath: '/etc/passwd' })).resolves.toMatchObject({ kind: 'readFailed', code: null });
  });

  it('shows the document in the title and asks the renderer before closing with unsaved changes', async () => {
    const { window, invoke } = await launch();
    await invoke('window:document-state', { displayName: 'Workshop.stakemap', filePath: null, dirty: true });
    expect(window.title).toBe('● Workshop.stakemap — Stakemap');

    let prevented = false;
    window.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window.webContents.sent).toContainEqual(['app:close-requested', undefined]);

    await invoke('window:close-confirmed');
    expect(window.closeCalls).toBe(1);
    prevented = false;
    window.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });

  it('installs the application menu and sends its commands to the renderer', async () => {
    const { record, window } = await launch();
    const menu = record.applicationMenus.at(-1) as { template: Array<{ submenu?: Array<{ id?: string; click?: () => void }> }> };
    const items = menu.template.flatMap((top) => top.submenu ?? []);
    items.find((item) => item.id === 'file.save')!.click!();
    expect(window.webContents.sent).toContainEqual(['menu:command', 'file.save']);
  });

  it('removes at start the temp files a crash left in <userData>/versions, and nothing else there', async () => {
    const userData = await makeTempDir('stakemap-override-');
    const folder = path.join(userData, 'versions', '0123456789abcdef');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'index.json'), '{"workspace":"/w/Workshop.stakemap"}\n');
    await writeFile(path.join(folder, '.2026-11-22T10-00-00.000Z-1.stakemap.0123456789ab.tmp'), 'half a ver');
    await launch({ STAKEMAP_USER_DATA: userData });
    await expect.poll(() => readdir(folder)).toEqual(['index.json']);
  });

  it('reads opened files in the worker bundled beside it, grants Save from its answer, and stops it on quit', async () => {
    // main finds the worker relative to its own bundle: the name it uses is the file that exists.
    expect(readFileSync(MAIN_BUNDLE, 'utf8')).toContain(`"${WORKSPACE_READER_WORKER_FILE}"`);
    expect(existsSync(READER_WORKER_BUNDLE)).toBe(true);

    const { app, invoke } = await launch();
    const filePath = path.join(await makeTempDir('stakemap-open-'), 'Workshop.stakemap');
    const content = readFileSync(fixturePath('valid-full.stakemap'), 'utf8');
    await writeFile(filePath, content);
    // As the OS hands a double-clicked file over: that grants reading it.
    app.emit('open-file', { preventDefault: () => undefined }, filePath);
    await expect(invoke('workspace:open-path', { filePath })).resolves.toEqual({ kind: 'opened', filePath, content, source: 'workspace' });
    // The worker said the file is a valid workspace and fingerprinted it, so Save may write over it.
    await expect(invoke('workspace:save', { filePath, content })).resolves.toEqual({ kind: 'saved', filePath });

    // Quitting stops the reader: a read asked for afterwards is refused, with the reason.
    app.emit('will-quit', { preventDefault: () => undefined });
    await expect(invoke('workspace:open-path', { filePath })).resolves.toEqual({ kind: 'readFailed', filePath, reason: QUITTING_REASON, code: null });
  });

  it('sets the native theme, the window background and the View menu checks from the stored preferences, and follows preferences:set', async () => {
    const userData = await makeTempDir('stakemap-override-');
    const config = path.join(userData, 'config.json');
    await writeFile(config, JSON.stringify({ preferences: { theme: 'high-contrast', largeText: true } }));
    const { electron, record, window, invoke } = await launch({ STAKEMAP_USER_DATA: userData });
    type Item = { id?: string; checked?: boolean; submenu?: Item[] };
    const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
    const checked = () => flatten((record.applicationMenus.at(-1) as { template: Item[] }).template).filter((item) => item.checked).map((item) => item.id);

    // Before the window opened: high contrast is drawn on black, so the native parts go dark.
    expect(electron.nativeTheme).toMatchObject({ themeSource: 'dark' });
    expect(window.options.backgroundColor).toBe('#000000');
    expect(checked()).toEqual(['view.toggleLegend', 'view.themeHighContrast', 'view.toggleLargeText']);
    await expect(invoke('preferences:get')).resolves.toEqual({ theme: 'high-contrast', largeText: true, legendExpanded: true });

    await invoke('preferences:set', { theme: 'light', largeText: false, legendExpanded: true });
    expect(electron.nativeTheme).toMatchObject({ themeSource: 'light' });
    expect(checked()).toEqual(['view.toggleLegend', 'view.themeLight']);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toMatchObject({ preferences: { theme: 'light', largeText: false } });
    await invoke('preferences:set', { theme: 'system', largeText: true, legendExpanded: false });
    expect(electron.nativeTheme).toMatchObject({ themeSource: 'system' });
    expect(checked()).toEqual(['view.themeSystem', 'view.toggleLargeText']);
    await expect(invoke('preferences:set', { theme: 'sepia', largeText: false })).rejects.toThrow(/Invalid arguments/);
  });

  it('uses STAKEMAP_USER_DATA as the userData folder, before taking the single instance lock', async () => {
    const override = await makeTempDir('stakemap-override-');
    const { record } = await launch({ STAKEMAP_USER_DATA: override });
    expect(record.paths.get('userData')).toBe(override);
    expect(record.singleInstanceData).toHaveLength(1);
  });
});
