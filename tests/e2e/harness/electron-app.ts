import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { WORKSPACE_EXTENSION } from '../../../shared/document/format';
import { documentStateSchema, type DocumentState, type UnsavedChoice } from '../../../shared/host/channels';
import type { MenuCommand } from '../../../shared/host/menu-commands';
import { E2E_DOCUMENT_STATE_PREFIX, E2E_HOOKS_GLOBAL } from '../../../electron/e2e-hooks';
import { SETTINGS_KEYS } from '../../../electron/services/key-value-store';
import { REPLACE_FILE_BUTTONS } from '../../../electron/replace-file-prompt';
import { UNSAVED_CHANGES_BUTTONS } from '../../../electron/unsaved-changes-prompt';
import { formatWindowTitle } from '../../../electron/window-title';
import { JsonFileStore } from './json-file-store';
import { PageErrors } from './page-errors';
import { assertBuilt, DIST_MAIN, DIST_RENDERER, installedElectronBinary, REPO_ROOT } from './paths';
import type { AppDialogs, StakemapAppSession } from './types';

/*
 * The same `app` fixture against the real Electron app, through Playwright's _electron driver. Dialogs are
 * answered by replacing dialog.showOpenDialog / showSaveDialog / showMessageBox in the main process; menu
 * commands click the real menu items; the document state is mirrored from the lines main prints in
 * STAKEMAP_E2E mode (electron/e2e-hooks.ts).
 */

const STARTUP_TIMEOUT_MS = 30_000;
/** requestClose: with no new dialog for this long after one was shown, the renderer is taken to have settled. */
const SETTLED_AFTER_MS = 1_000;
const DIALOGS_GLOBAL = '__stakemapE2EDialogs';

type DialogKind = 'open' | 'save' | 'export' | 'unsaved' | 'replace';

/** What the replaced dialogs in main record (see installDialogStubs). */
interface DialogLog {
  shown: { kind: DialogKind; detail: string }[];
  unexpected: string[];
  unused: Record<DialogKind, unknown[]>;
}

export interface ElectronAppOptions {
  readonly tempDir: string;
  readonly userDataDir: string;
  readonly firstRun: boolean;
}

/** Launches the built app in Electron and returns the session behind the `app` fixture. */
export async function launchElectronApp(options: ElectronAppOptions): Promise<StakemapAppSession> {
  const executablePath = installedElectronBinary();
  if (!executablePath) throw new Error('launchElectronApp: no Electron binary (the fixture should have skipped this test)');
  assertBuilt([DIST_MAIN, path.join(DIST_RENDERER, 'index.html')]);
  const { tempDir, userDataDir } = options;
  if (!options.firstRun) new JsonFileStore(path.join(userDataDir, 'config.json')).set(SETTINGS_KEYS.launchedBefore, true);

  const errors = new PageErrors();
  let electronApp: ElectronApplication;
  let page: Page;
  let documentState: DocumentState | null = null;
  let lastDialogLog: DialogLog = { shown: [], unexpected: [], unused: { open: [], save: [], export: [], unsaved: [], replace: [] } };
  let pushes: Promise<unknown> = Promise.resolve();

  const start = async () => {
    documentState = null;
    electronApp = await _electron.launch({
      executablePath,
      args: [REPO_ROOT],
      env: { ...process.env, STAKEMAP_USER_DATA: userDataDir, STAKEMAP_E2E: '1' },
      timeout: STARTUP_TIMEOUT_MS,
    });
    mirrorDocumentState(electronApp, (state) => (documentState = state));
    page = await electronApp.firstWindow();
    errors.watch(page);
    await installDialogStubs(electronApp);
    await waitForRenderer(electronApp);
  };

  const isRunning = () => electronApp.process().exitCode === null && electronApp.process().signalCode === null;

  const readDialogLog = async (): Promise<DialogLog> => {
    if (!isRunning()) return lastDialogLog;
    try {
      lastDialogLog = await electronApp.evaluate((_electron, name) => {
        const log = (globalThis as Record<string, unknown>)[name] as { shown: []; unexpected: []; queues: Record<string, unknown[]> };
        return {
          shown: [...log.shown],
          unexpected: [...log.unexpected],
          unused: {
            open: [...log.queues.open!],
            save: [...log.queues.save!],
            export: [...log.queues.export!],
            unsaved: [...log.queues.unsaved!],
            replace: [...log.queues.replace!],
          },
        };
      }, DIALOGS_GLOBAL);
    } catch {
      // The app quit between the check and the call: keep the last snapshot.
    }
    return lastDialogLog;
  };

  const stop = async () => {
    if (!isRunning()) return;
    const closed = new Promise<void>((resolve) => electronApp.once('close', () => resolve()));
    // app.exit skips before-quit and the unsaved-changes prompt: a relaunch must not wait for the user.
    await electronApp.evaluate(({ app }) => void setTimeout(() => app.exit(0), 0)).catch(() => undefined);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (isRunning()) electronApp.process().kill('SIGKILL');
  };

  const answer = (kind: DialogKind, value: unknown) => {
    pushes = pushes.then(() =>
      electronApp
        .evaluate((_electron, [name, queue, item]) => {
          ((globalThis as Record<string, unknown>)[name] as { queues: Record<string, unknown[]> }).queues[queue]!.push(item);
        }, [DIALOGS_GLOBAL, kind, value] as const)
        .catch((error: Error) => errors.add(`Could not queue the ${kind} dialog answer: ${error.message}`)),
    );
  };

  const dialogs: AppDialogs = {
    answerOpen: (filePath) => answer('open', filePath),
    answerSave: (filePath) => answer('save', filePath),
    answerExport: (filePath) => answer('export', filePath),
    answerUnsaved: (choice: UnsavedChoice) => answer('unsaved', choice),
    answerReplace: (replace: boolean) => answer('replace', replace),
  };

  await start();

  return {
    get page() {
      return page;
    },
    tempDir,
    userDataDir,
    dialogs,

    async menu(command: MenuCommand) {
      await pushes;
      await electronApp.evaluate(({ BrowserWindow, Menu }, id) => {
        const item = Menu.getApplicationMenu()?.getMenuItemById(id);
        // Clicking the real item exercises the menu; the send is for a command with no item on this platform.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- Electron types MenuItem.click as Function; with no arguments it is a click
        if (item) item.click();
        else BrowserWindow.getAllWindows()[0]?.webContents.send('menu:command', id);
      }, command);
    },

    async openFromOs(filePath: string) {
      await pushes;
      await electronApp.evaluate(({ app }, file) => {
        app.emit('open-file', { preventDefault: () => undefined }, file);
      }, path.resolve(filePath));
    },

    async requestClose({ timeout = 10_000 } = {}) {
      await pushes;
      const shownBefore = (await readDialogLog()).shown.length;
      const closed = new Promise<boolean>((resolve) => page.once('close', () => resolve(true)));
      await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      const deadline = Date.now() + timeout;
      let shownCount = shownBefore;
      let changedAt = Date.now();
      for (;;) {
        if (page.isClosed() || !isRunning()) return closed;
        const { shown } = await readDialogLog();
        if (shown.length !== shownCount) {
          shownCount = shown.length;
          changedAt = Date.now();
        }
        if (shownCount > shownBefore && Date.now() - changedAt > SETTLED_AFTER_MS) return false;
        if (Date.now() > deadline) {
          throw new Error(`After the close request the app neither closed nor asked about unsaved changes within ${timeout} ms.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },

    documentState: () => documentState,
    windowTitle: () => formatWindowTitle(documentState),

    async restart() {
      await readDialogLog();
      await stop();
      await start();
      return page;
    },

    async crash() {
      await readDialogLog();
      const exited = new Promise<void>((resolve) => electronApp.once('close', () => resolve()));
      electronApp.process().kill('SIGKILL');
      await exited;
      await start();
      return page;
    },

    allowConsoleError: (pattern: RegExp) => errors.allow(pattern),
    disablePageCapture: () => {
      throw new Error('disablePageCapture: the real app always has its window\'s debugger; use the browser target.');
    },

    problems: () => {
      const log = lastDialogLog;
      const unused = (Object.keys(log.unused) as DialogKind[])
        .filter((kind) => log.unused[kind].length > 0)
        .map((kind) => `${log.unused[kind].length} answer(s) for the ${kind} dialog were never used: ${JSON.stringify(log.unused[kind])}`);
      return [...errors.problems(), ...log.unexpected, ...unused];
    },

    async dispose() {
      await pushes;
      await readDialogLog();
      await stop();
    },
  };
}

/** Keeps `onState` up to date with the document states main prints on stdout. */
function mirrorDocumentState(electronApp: ElectronApplication, onState: (state: DocumentState) => void): void {
  let buffer = '';
  electronApp.process().stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.startsWith(E2E_DOCUMENT_STATE_PREFIX)) {
        onState(documentStateSchema.parse(JSON.parse(line.slice(E2E_DOCUMENT_STATE_PREFIX.length))));
      }
    }
  });
}

/**
 * Replaces the native dialogs in main with ones answered from queues the test fills. An answer may still be on
 * its way when the dialog opens (answers are queued without awaiting), so a dialog waits briefly for one;
 * without an answer it is recorded and canceled.
 */
async function installDialogStubs(electronApp: ElectronApplication): Promise<void> {
  await electronApp.evaluate(
    ({ dialog }, [name, buttonChoices, workspaceExtension, replaceButtons]) => {
      type Kind = 'open' | 'save' | 'export' | 'unsaved' | 'replace';
      const log = {
        shown: [] as { kind: Kind; detail: string }[],
        unexpected: [] as string[],
        queues: { open: [], save: [], export: [], unsaved: [], replace: [] } as Record<Kind, unknown[]>,
      };
      (globalThis as Record<string, unknown>)[name] = log;
      const take = async (kind: Kind, detail: string): Promise<unknown> => {
        log.shown.push({ kind, detail });
        const deadline = Date.now() + 2_000;
        while (log.queues[kind].length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
        if (log.queues[kind].length === 0) {
          log.unexpected.push(`The app showed the ${kind} dialog — "${detail}" — but the test queued no answer; it was canceled.`);
          return undefined;
        }
        return log.queues[kind].shift();
      };
      const optionsOf = (args: unknown[]) =>
        (args.at(-1) ?? {}) as { title?: string; message?: string; defaultPath?: string; filters?: { extensions: string[] }[]; buttons?: string[] };
      dialog.showOpenDialog = (async (...args: unknown[]) => {
        const filePath = (await take('open', optionsOf(args).title ?? '')) as string | null | undefined;
        return filePath ? { canceled: false, filePaths: [filePath] } : { canceled: true, filePaths: [] };
      });
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        const options = optionsOf(args);
        // Main passes Electron only the title, path and filters: a dialog offering .stakemap saves the workspace
        // (Save As), any other is an export (as SaveDialogRequest.purpose says in the handlers).
        const kind: Kind = options.filters?.some((filter) => filter.extensions.includes(workspaceExtension)) ? 'save' : 'export';
        const filePath = (await take(kind, `${options.title ?? ''} (${options.defaultPath ?? ''})`)) as string | null | undefined;
        return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
      });
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = optionsOf(args);
        // Two message boxes: "already exists. Replace it?" (its buttons say so) and the unsaved-changes one.
        if (options.buttons?.join('\n') === replaceButtons.join('\n')) {
          // Unanswered: Cancel, which replaces nothing.
          const replace = (await take('replace', options.message ?? '')) === true;
          return { response: replaceButtons.indexOf(replace ? 'Replace' : 'Cancel'), checkboxChecked: false };
        }
        const choice = (await take('unsaved', options.message ?? '')) ?? 'cancel';
        return { response: buttonChoices.indexOf(choice as string), checkboxChecked: false };
      });
    },
    [DIALOGS_GLOBAL, UNSAVED_CHANGES_BUTTONS.map((button): string => button.choice), WORKSPACE_EXTENSION, [...REPLACE_FILE_BUTTONS] as string[]] as const,
  );
}

/** Waits until the renderer has asked for its launch state (it then listens for menu and file events). */
async function waitForRenderer(electronApp: ElectronApplication): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const ready = await electronApp.evaluate(
      (_electron, name) => ((globalThis as Record<string, unknown>)[name] as { rendererReady(): boolean } | undefined)?.rendererReady() ?? false,
      E2E_HOOKS_GLOBAL,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`The renderer did not ask for its launch state within ${STARTUP_TIMEOUT_MS} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
