import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import {
  eventChannels,
  invokeChannels,
  type DocumentState,
  type EventChannel,
  type EventPayload,
} from '../../../shared/host/channels';
import type { MenuCommand } from '../../../shared/host/menu-commands';
import {
  PDF_FOOTER_TEMPLATE,
  PDF_HEADER_TEMPLATE,
  PDF_PRINT_FLAGS,
  pdfMarginsAsCss,
} from '../../../shared/export/pdf-options';
import { captureWithDevtools } from '../../../shared/export/page-capture';
import { createHostHandlers } from '../../../electron/ipc/host-handlers';
import { createInvokeDispatcher, isInvokeChannel } from '../../../electron/ipc/register-handlers';
import { FileAccessList } from '../../../electron/services/file-access';
import { SETTINGS_KEYS } from '../../../electron/services/key-value-store';
import { LaunchFiles } from '../../../electron/services/launch-files';
import { RecentWorkspaces } from '../../../electron/services/recent-workspaces';
import { createRecoveryDrafts } from '../../../electron/services/recovery-drafts';
import { createVersionHistory } from '../../../electron/services/version-history';
import { createLiveSession, type LiveProcessHandle, type LiveSessionHandlers } from '../../../electron/services/live-session';
import { spawnTestLiveProcess } from './live-process';
import { createWorkspaceReader, WORKSPACE_READER_WORKER_FILE } from '../../../electron/services/workspace-reader';
import { formatWindowTitle } from '../../../electron/window-title';
import { JsonFileStore } from './json-file-store';
import { PageErrors } from './page-errors';
import { assertBuilt, DIST_ELECTRON, DIST_RENDERER, HARNESS_DIR } from './paths';
import { QueuedDialogs } from './queued-dialogs';
import { HARNESS_ORIGIN, HARNESS_URL, serveRenderer } from './serve-renderer';
import type { StakemapAppSession } from './types';

/*
 * The app in Chromium: the built renderer, served by the harness, with window.stakemap wired to the real host
 * handlers (electron/ipc/host-handlers.ts) through a Playwright binding. Files are really read and written;
 * dialogs are answered by the test; the settings store is a JSON file in the test's userData folder.
 */

/** How long the renderer may take to ask for its launch state after the page loaded. */
const STARTUP_TIMEOUT_MS = 15_000;
/** How long an event waits for the renderer to subscribe to its channel. */
const SUBSCRIBE_TIMEOUT_MS = 5_000;
/**
 * requestClose: with no host call for this long after a dialog, the renderer is taken to have settled. 1 s, not
 * less: on a loaded CI machine a save after "Save" in the unsaved-changes prompt once took longer than 400 ms to
 * make its next host call, and the close was taken for refused.
 */
const SETTLED_AFTER_MS = 1_000;

let hostShim: Promise<string> | null = null;

/** The page-side host shim, bundled once per worker. */
function browserHostScript(): Promise<string> {
  hostShim ??= build({
    entryPoints: [path.join(HARNESS_DIR, 'browser-host.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return hostShim;
}

interface Launch {
  readonly page: Page;
  readonly access: FileAccessList;
  readonly launchFiles: LaunchFiles;
  /** Resolves when the renderer has asked for its launch state. */
  readonly rendererReady: Promise<void>;
  documentState: DocumentState | null;
  closeConfirmed: boolean;
  inFlight: number;
  lastHostActivity: number;
}

export interface BrowserAppOptions {
  readonly context: BrowserContext;
  readonly tempDir: string;
  readonly userDataDir: string;
  readonly firstRun: boolean;
}

/** Starts the app in a new page of `context` and returns the session behind the `app` fixture. */
const PAGE_CAPTURE_DISABLED = 'The page capture is not available (turned off by the test).';

export async function launchBrowserApp(options: BrowserAppOptions): Promise<StakemapAppSession> {
  // Files are read in the worker main ships (built by `npm run build`), so the tests exercise it too.
  const readerWorker = path.join(DIST_ELECTRON, WORKSPACE_READER_WORKER_FILE);
  assertBuilt([path.join(DIST_RENDERER, 'index.html'), readerWorker]);
  const { context, tempDir, userDataDir } = options;
  const reader = createWorkspaceReader({ workerPath: readerWorker });
  const settingsFile = path.join(userDataDir, 'config.json');
  const errors = new PageErrors();
  const dialogs = new QueuedDialogs();
  await serveRenderer(context, (problem) => errors.add(problem));

  if (!options.firstRun) {
    // Tests start on the start view unless they ask for the first-run sample.
    new JsonFileStore(settingsFile).set(SETTINGS_KEYS.launchedBefore, true);
  }

  // disablePageCapture(): the capture dependency refuses, as main's would with another debugger attached.
  let pageCaptureDisabled = false;
  let live: LiveSessionHandlers | null = null;
  /** Kills the current launch's live processes as a crash of main would, and mutes its session. */
  let killLaunchLiveProcesses: () => void = () => undefined;
  const start = async (): Promise<Launch> => {
    // A new store instance per launch: a relaunch reads the settings file again.
    const settings = new JsonFileStore(settingsFile);
    const recent = new RecentWorkspaces(settings);
    const access = new FileAccessList();
    const page = await context.newPage();
    errors.watch(page);
    let markReady: () => void = () => undefined;
    const launch: Launch = {
      page,
      access,
      launchFiles: new LaunchFiles(() => undefined),
      rendererReady: new Promise<void>((resolve) => (markReady = resolve)),
      documentState: null,
      closeConfirmed: false,
      inFlight: 0,
      lastHostActivity: Date.now(),
    };
    // As in main, one live session per window, its process the same built file (on Node 24, see live-process.ts).
    // Its processes are this launch's: crash() kills them, and this launch's session never hears of it (its main
    // died with it).
    await live?.dispose();
    const launchProcesses: LiveProcessHandle[] = [];
    let alive = true;
    killLaunchLiveProcesses = () => {
      alive = false;
      launchProcesses.forEach((handle) => handle.kill());
    };
    live = createLiveSession({
      spawn: () => {
        const handle = spawnTestLiveProcess();
        launchProcesses.push(handle);
        return {
          send: (message) => handle.send(message),
          onMessage: (listener) => handle.onMessage((message) => alive && listener(message)),
          onExit: (listener) => handle.onExit((code) => alive && listener(code)),
          kill: () => handle.kill(),
        };
      },
      send: (channel, payload) => void emit(channel, payload).catch(() => undefined),
      stateDir: path.join(userDataDir, 'live'),
    });
    const handlers = createHostHandlers({
      dialogs,
      settings,
      recent,
      access,
      window: {
        setDocumentState: (state) => {
          launch.documentState = state;
        },
        closeConfirmed: () => {
          // As main does: the window closes. Later, so the binding call that brought this answers first.
          launch.closeConfirmed = true;
          setTimeout(() => void (page.isClosed() ? undefined : page.close()), 0);
        },
      },
      launch: {
        platform: process.platform,
        takePendingFilePath: () => {
          const pending = launch.launchFiles.takePending();
          markReady();
          return pending;
        },
      },
      now: () => new Date(),
      reader,
      // The same Chromium print engine as webContents.printToPDF, with the same options (page.pdf prints with
      // print media, as printToPDF does).
      printToPdf: async ({ pageSize, landscape }) =>
        new Uint8Array(
          await page.pdf({
            format: pageSize,
            landscape,
            printBackground: PDF_PRINT_FLAGS.printBackground,
            tagged: PDF_PRINT_FLAGS.tagged,
            outline: PDF_PRINT_FLAGS.outline,
            displayHeaderFooter: PDF_PRINT_FLAGS.displayHeaderFooter,
            headerTemplate: PDF_HEADER_TEMPLATE,
            footerTemplate: PDF_FOOTER_TEMPLATE,
            margin: pdfMarginsAsCss(),
          }),
        ),
      // As in main (electron/page-capture.ts): the DevTools protocol's capture, through a CDP session of the page.
      capturePage: async (request) => {
        if (pageCaptureDisabled) throw new Error(PAGE_CAPTURE_DISABLED);
        const cdp = await page.context().newCDPSession(page);
        try {
          return await captureWithDevtools((method, params) => cdp.send(method as 'Page.captureScreenshot', params), request);
        } finally {
          await cdp.detach().catch(() => undefined);
        }
      },
      // As in main: <userData>/recovery, so restart() finds the drafts written before it (a crash and a relaunch).
      recovery: createRecoveryDrafts({ dir: path.join(userDataDir, 'recovery'), now: () => new Date() }),
      // As in main: <userData>/versions (kept across restarts of the same test).
      versions: createVersionHistory({ dir: path.join(userDataDir, 'versions'), now: () => new Date() }),
      live,
    });
    const dispatch = createInvokeDispatcher(handlers);

    await page.exposeBinding('__stakemapInvoke', async (source, channel: unknown, args: unknown) => {
      // The same sender check as main: our page's main frame, on our origin.
      if (source.frame !== page.mainFrame() || !source.frame.url().startsWith(`${HARNESS_ORIGIN}/`)) {
        throw new Error(`Refused "${String(channel)}" from an untrusted frame (${source.frame.url()})`);
      }
      launch.inFlight++;
      launch.lastHostActivity = Date.now();
      try {
        const result = await dispatch(channel, args);
        // Stricter than main: a handler answering outside its channel's schema is a bug worth failing on.
        if (isInvokeChannel(channel)) invokeChannels[channel].result.parse(result);
        return result;
      } catch (error) {
        errors.add(`Host call "${String(channel)}" failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      } finally {
        launch.inFlight--;
        launch.lastHostActivity = Date.now();
      }
    });
    await page.addInitScript({ content: await browserHostScript() });
    await page.goto(HARNESS_URL);
    await withTimeout(
      launch.rendererReady,
      STARTUP_TIMEOUT_MS,
      `The renderer did not ask for its launch state (app:launch-state) within ${STARTUP_TIMEOUT_MS} ms of loading.`,
    );
    return launch;
  };

  let current = await start();

  const emit = async <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
    eventChannels[channel].parse(payload);
    await current.page.evaluate(
      ([name, value, timeout]) => (window as unknown as { __stakemapEmit: (c: string, p: unknown, t: number) => Promise<void> }).__stakemapEmit(name, value, timeout),
      [channel, payload, SUBSCRIBE_TIMEOUT_MS] as const,
    );
  };

  const closeWindow = async () => {
    if (!current.page.isClosed()) await current.page.close();
  };

  return {
    get page() {
      return current.page;
    },
    tempDir,
    userDataDir,
    dialogs,

    async menu(command: MenuCommand) {
      await emit('menu:command', command);
    },

    async openFromOs(filePath: string) {
      const absolute = path.resolve(filePath);
      current.access.grantRead(absolute);
      // As in main: before the renderer is ready the file waits for the launch state, afterwards it is an event.
      if (current.launchFiles.isRendererReady()) await emit('app:open-file', { filePath: absolute });
      else current.launchFiles.add(absolute);
    },

    async requestClose({ timeout = 10_000 } = {}) {
      const launch = current;
      if (!launch.documentState?.dirty) {
        await closeWindow();
        return true;
      }
      const dialogsBefore = dialogs.shown.length;
      launch.closeConfirmed = false;
      await emit('app:close-requested', undefined);
      const deadline = Date.now() + timeout;
      for (;;) {
        if (launch.closeConfirmed) {
          await closeWindow();
          return true;
        }
        const askedSomething = dialogs.shown.length > dialogsBefore;
        if (askedSomething && launch.inFlight === 0 && Date.now() - launch.lastHostActivity > SETTLED_AFTER_MS) return false;
        if (Date.now() > deadline) {
          throw new Error(`After app:close-requested the renderer neither confirmed the close nor asked about unsaved changes within ${timeout} ms.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },

    documentState: () => current.documentState,
    windowTitle: () => formatWindowTitle(current.documentState),

    async restart() {
      await closeWindow();
      current = await start();
      return current.page;
    },

    async crash() {
      // No unload handlers, no quit: the session is never told, its processes die by SIGKILL.
      killLaunchLiveProcesses();
      live = null;
      if (!current.page.isClosed()) await current.page.close({ runBeforeUnload: false });
      current = await start();
      return current.page;
    },

    allowConsoleError: (pattern: RegExp) => errors.allow(pattern),
    disablePageCapture: () => {
      pageCaptureDisabled = true;
      errors.allow(new RegExp(PAGE_CAPTURE_DISABLED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    },
    problems: () => [...errors.problems(), ...dialogs.problems()],
    async dispose() {
      await live?.dispose();
      await closeWindow();
      // Host calls the page made before it closed (a recovery draft being written as the test ends) finish before
      // the fixture deletes the user data folder under them, as main finishes them before the app quits.
      for (const deadline = Date.now() + 5_000; current.inFlight > 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
      // As main does on quit: a read still under way is stopped.
      await reader.dispose();
    },
  };
}

/** Resolves like `promise`, or rejects with `message` after `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
