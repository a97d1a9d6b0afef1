import path from 'node:path';
import { app, ipcMain, nativeTheme, protocol, session, shell } from 'electron';
import { z } from 'zod';
import { nativeThemeSource, windowBackground } from '../shared/host/preferences';
import { APP_SCHEME } from './app-protocol';
import { installApplicationMenu } from './application-menu';
import { createDocumentMenuState } from './document-menu-state';
import { createAssetServer } from './asset-server';
import { exposeE2eHooksIfRequested, reportDocumentStateForE2e } from './e2e-hooks';
import { createElectronDialogs } from './electron-dialogs';
import { createHostHandlers } from './ipc/host-handlers';
import { registerInvokeHandlers } from './ipc/register-handlers';
import { denyAllPermissions, hardenWebContents } from './navigation-guards';
import { createPageCapturer } from './page-capture';
import { createPdfPrinter } from './pdf-printer';
import { FileAccessList } from './services/file-access';
import { LaunchFiles, workspaceFilesFromArgv } from './services/launch-files';
import { AppPreferences } from './services/preferences';
import { RecentWorkspaces } from './services/recent-workspaces';
import { createRecoveryDrafts } from './services/recovery-drafts';
import { createLiveSession } from './services/live-session';
import { spawnElectronLiveProcess } from './live-process-electron';
import { createSettingsStore } from './services/settings';
import { createVersionHistory } from './services/version-history';
import { createWorkspaceReader, WORKSPACE_READER_WORKER_FILE } from './services/workspace-reader';
import { MainWindow } from './window';

/*
 * The Electron main process: app lifecycle, the single window, files from the command line and the OS.
 * Everything it does for the renderer lives in ipc/ (host-handlers.ts composes the handlers of each concern),
 * shared with the end-to-end harness.
 * Bundled by scripts/build-electron.mjs into dist/electron/main.cjs, next to preload.cjs and ../renderer.
 */

/** dist/electron/ at run time (this file is bundled into dist/electron/main.cjs). */
const BUNDLE_DIR = __dirname;
const PRELOAD_PATH = path.join(BUNDLE_DIR, 'preload.cjs');
const RENDERER_DIR = path.join(BUNDLE_DIR, '..', 'renderer');
/** The worker thread files are read and checked in (scripts/build-electron.mjs bundles it beside main.cjs). */
const READER_WORKER_PATH = path.join(BUNDLE_DIR, WORKSPACE_READER_WORKER_FILE);

/** What a second instance hands the first one: its own argv and working directory, unmangled by Chromium. */
const secondInstanceData = z.object({ argv: z.array(z.string()), cwd: z.string() });

function main(): void {
  // Tests (and anyone wanting a clean profile) point the settings, lock and caches at another folder. This must
  // happen before anything reads userData, including the single instance lock.
  const userDataOverride = process.env.STAKEMAP_USER_DATA;
  if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

  // Before ready: a standard, secure scheme gives the page a real origin for CSP 'self' and fetch().
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  if (!app.requestSingleInstanceLock({ argv: process.argv, cwd: process.cwd() })) {
    // Another Stakemap is running; it received our files through 'second-instance'.
    app.quit();
    return;
  }

  if (process.platform === 'win32') app.setAppUserModelId('com.stakemap.app');

  // `electron .` in development puts the app path in argv[1]; a packaged app starts its arguments there.
  const argvSkip = app.isPackaged ? 1 : 2;
  const access = new FileAccessList();
  let mainWindow: MainWindow | null = null;
  /** Made once the app is ready (the settings store needs userData); the window takes its background from it. */
  let preferences: AppPreferences | null = null;

  const launchFiles = new LaunchFiles((filePath) => {
    mainWindow?.send('app:open-file', { filePath });
    mainWindow?.focus();
  });

  /** A file named on the command line, by the OS or by Open Recent: grant it, then open it when possible. */
  const openFromOutside = (filePath: string) => {
    access.grantRead(filePath);
    launchFiles.add(filePath);
    if (app.isReady() && !mainWindow) createWindow();
    else mainWindow?.focus();
  };

  const createWindow = () => {
    const theme = preferences?.get().theme ?? 'system';
    const created = new MainWindow({
      preloadPath: PRELOAD_PATH,
      platform: process.platform,
      continueQuit: () => app.quit(),
      backgroundColor: windowBackground(theme, nativeTheme.shouldUseDarkColors),
    });
    created.browserWindow.on('closed', () => {
      if (mainWindow === created) mainWindow = null;
      launchFiles.rendererGone();
    });
    mainWindow = created;
  };

  for (const filePath of workspaceFilesFromArgv(process.argv, { cwd: process.cwd(), skip: argvSkip })) {
    openFromOutside(filePath);
  }

  // macOS: double-clicked or dropped files, both before launch (ready not yet fired) and while running.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openFromOutside(filePath);
  });

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const data = secondInstanceData.safeParse(additionalData);
    const files = data.success
      ? workspaceFilesFromArgv(data.data.argv, { cwd: data.data.cwd, skip: argvSkip })
      : workspaceFilesFromArgv(argv, { cwd: workingDirectory, skip: argvSkip });
    const [first] = files;
    if (first) openFromOutside(first);
    else if (mainWindow) mainWindow.focus();
    else if (app.isReady()) createWindow();
  });

  // Every web contents, including any created later, stays on our page and opens no windows; a link the user
  // follows opens in the browser only if it is https on the allowlist (services/external-links.ts).
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { openExternal: (url) => void shell.openExternal(url).catch(() => undefined) }),
  );
  app.on('before-quit', () => mainWindow?.quitRequested());
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock without windows; elsewhere closing the window ends the app.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) createWindow();
  });

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);

    const serveAsset = createAssetServer(RENDERER_DIR);
    protocol.handle(APP_SCHEME, async (request) => {
      const response = await serveAsset({ url: request.url, method: request.method });
      return new Response(response.body ? new Uint8Array(response.body) : null, {
        status: response.status,
        headers: response.headers,
      });
    });

    const settings = createSettingsStore();
    const recent = new RecentWorkspaces(settings);
    // The theme decides the native parts too (dialogs, menus, scrollbars, the page's prefers-color-scheme): set
    // before the window opens, and again whenever the renderer changes it.
    const appPreferences = new AppPreferences(settings);
    preferences = appPreferences;
    nativeTheme.themeSource = nativeThemeSource(appPreferences.get().theme);
    appPreferences.onChange((chosen) => {
      nativeTheme.themeSource = nativeThemeSource(chosen.theme);
    });
    // Previous versions live in the app's own data folder, never beside the user's file. Temp files left there by
    // a crash mid-save are removed at start (this never touches a version being kept, and never throws).
    const versions = createVersionHistory({ dir: path.join(app.getPath('userData'), 'versions'), now: () => new Date() });
    void versions.removeLeftoverTempFiles();
    // Opened files are read, decoded and checked in a worker thread, so a huge or hostile file never freezes
    // the window. A read under way when the app quits is stopped rather than waited for.
    const reader = createWorkspaceReader({ workerPath: READER_WORKER_PATH });
    app.on('will-quit', () => void reader.dispose());
    // View > Show Agenda is checked from the document state the renderer reports.
    const documentMenu = createDocumentMenuState();
    const live = createLiveSession({
      spawn: spawnElectronLiveProcess,
      send: (channel, payload) => mainWindow?.send(channel, payload),
      stateDir: path.join(app.getPath('userData'), 'live'),
    });
    app.on('will-quit', () => void live.dispose());
    const handlers = createHostHandlers({
      dialogs: createElectronDialogs(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.browserWindow : null)),
      settings,
      recent,
      access,
      window: {
        setDocumentState: (state) => {
          mainWindow?.setDocumentState(state);
          documentMenu.update(state);
          reportDocumentStateForE2e(state);
        },
        closeConfirmed: () => mainWindow?.closeConfirmed(),
      },
      launch: { platform: process.platform, takePendingFilePath: () => launchFiles.takePending() },
      now: () => new Date(),
      reader,
      addOsRecentDocument: (filePath) => app.addRecentDocument(filePath),
      printToPdf: createPdfPrinter(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.browserWindow.webContents : null)),
      capturePage: createPageCapturer(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.browserWindow.webContents : null)),
      // Unsaved work kept aside for after a crash, in the app's own data folder.
      recovery: createRecoveryDrafts({ dir: path.join(app.getPath('userData'), 'recovery'), now: () => new Date() }),
      versions,
      preferences: appPreferences,
      // One live session for the window; its shared state is kept aside in the app's data folder.
      live,
    });
    registerInvokeHandlers(ipcMain, handlers, () =>
      mainWindow && !mainWindow.isDestroyed() ? mainWindow.browserWindow.webContents.mainFrame : null,
    );

    installApplicationMenu({
      platform: process.platform,
      isPackaged: app.isPackaged,
      recent,
      preferences: appPreferences,
      document: documentMenu,
      actions: {
        sendCommand: (command) => {
          if (mainWindow) mainWindow.send('menu:command', command);
          else createWindow();
        },
        openRecent: openFromOutside,
        clearRecent: () => recent.clear(),
      },
    });

    exposeE2eHooksIfRequested({ rendererReady: () => launchFiles.isRendererReady() });

    createWindow();
  });
}

main();
