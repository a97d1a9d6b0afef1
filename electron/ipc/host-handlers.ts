import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { parseWorkspace } from '../../shared/document/parse';
import { WORKSPACE_EXTENSION } from '../../shared/document/format';
import type {
  DocumentState,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  OpenResult,
  SaveResult,
  UnsavedChoice,
} from '../../shared/host/channels';
import { describeFileError, errorCode } from '../services/file-errors';
import type { FileAccessList } from '../services/file-access';
import { SETTINGS_KEYS, type KeyValueStore } from '../services/key-value-store';
import type { RecentWorkspaces } from '../services/recent-workspaces';
import {
  MAX_WORKSPACE_BYTES,
  readWorkspaceFile,
  writeFileAtomic,
  type WorkspaceFs,
} from '../services/workspace-files';

/*
 * What main does for each renderer request. No Electron import here: the Electron main process and the
 * Playwright harness both build these handlers, each with its own dialogs, store and window, so the end-to-end
 * tests exercise the same code that ships.
 */

/** One async function per invoke channel of shared/host/channels.ts. */
export type HostHandlers = {
  [C in InvokeChannel]: (args: InvokeArgs<C>) => Promise<InvokeResult<C>>;
};

/** A file type filter of an open or save dialog. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface OpenDialogRequest {
  readonly title: string;
  readonly defaultPath?: string;
  readonly filters: readonly FileFilter[];
}

export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly filters: readonly FileFilter[];
}

/** The native dialogs, or the test's answers to them. Each returns the chosen path, or null when canceled. */
export interface HostDialogs {
  showOpenDialog(request: OpenDialogRequest): Promise<string | null>;
  showSaveDialog(request: SaveDialogRequest): Promise<string | null>;
  /** Save / Don't Save / Cancel for a document with unsaved changes. */
  askUnsavedChanges(displayName: string): Promise<UnsavedChoice>;
}

/** What the handlers may do to the window showing the document. */
export interface WindowController {
  /** The renderer reports its document: title bar, unsaved mark, represented file. */
  setDocumentState(state: DocumentState): void;
  /** The renderer has dealt with unsaved changes: close the window (and go on quitting if a quit is under way). */
  closeConfirmed(): void;
}

export interface LaunchInfo {
  readonly platform: string;
  /**
   * The file given on the command line or by the OS before the renderer was ready, or null. The same renderer
   * asking again gets the same file.
   */
  takePendingFilePath(): string | null;
}

export interface HostDependencies {
  readonly dialogs: HostDialogs;
  readonly settings: KeyValueStore;
  readonly recent: RecentWorkspaces;
  readonly access: FileAccessList;
  readonly window: WindowController;
  readonly launch: LaunchInfo;
  readonly now: () => Date;
  /** Also tell the OS about opened and saved files (macOS Dock menu, Windows jump list). Optional. */
  readonly addOsRecentDocument?: (filePath: string) => void;
  /** Defaults to MAX_WORKSPACE_BYTES; tests lower it. */
  readonly maxOpenBytes?: number;
  /** Defaults to node:fs/promises; tests inject failures. */
  readonly fs?: WorkspaceFs;
}

export const OPEN_DIALOG_FILTERS: readonly FileFilter[] = [
  { name: 'Stakemap workspace', extensions: [WORKSPACE_EXTENSION] },
  { name: 'JSON', extensions: ['json'] },
];

export const SAVE_DIALOG_FILTERS: readonly FileFilter[] = [{ name: 'Stakemap workspace', extensions: [WORKSPACE_EXTENSION] }];

/** Refusal reason for a path the user never pointed at. */
export const NOT_GRANTED_REASON =
  'Stakemap only opens files you chose yourself: in the Open dialog, from recent workspaces, on the command line or from your file manager.';

/** Refusal reason for saving to a file that was not opened or saved in this session. */
export const SAVE_NOT_GRANTED_REASON =
  'Stakemap only saves over a file opened or saved in this session. Use Save As to choose where to save.';

/** Builds the handlers for every invoke channel. */
export function createHostHandlers(deps: HostDependencies): HostHandlers {
  const maxBytes = deps.maxOpenBytes ?? MAX_WORKSPACE_BYTES;
  let firstRun: boolean | null = null;

  const remember = (filePath: string) => {
    deps.access.grantWrite(filePath);
    deps.recent.add(filePath, deps.now());
    deps.addOsRecentDocument?.(filePath);
  };

  const openFile = async (filePath: string): Promise<OpenResult> => {
    const read = await readWorkspaceFile(filePath, { maxBytes, ...(deps.fs ? { fs: deps.fs } : {}) });
    switch (read.kind) {
      case 'tooLarge':
        return { kind: 'tooLarge', filePath, size: read.size, limit: read.limit };
      case 'failed':
        return { kind: 'readFailed', filePath, reason: read.reason, code: read.code };
      case 'read':
        // Only a file that really is a workspace joins the recent list; the renderer parses it again to show
        // the document or to word the error (the text crosses IPC either way).
        if (parseWorkspace(read.content).ok) remember(filePath);
        return { kind: 'opened', filePath, content: read.content };
      default: {
        const unreachable: never = read;
        return unreachable;
      }
    }
  };

  const writeFile = async (filePath: string, content: string): Promise<SaveResult> => {
    try {
      await writeFileAtomic(filePath, content, deps.fs ? { fs: deps.fs } : {});
    } catch (error) {
      return { kind: 'writeFailed', filePath, reason: describeFileError(error, 'write'), code: errorCode(error) };
    }
    remember(filePath);
    return { kind: 'saved', filePath };
  };

  const exists = async (filePath: string): Promise<boolean> => {
    try {
      await (deps.fs ?? nodeFs).stat(filePath);
      return true;
    } catch {
      return false;
    }
  };

  const lastFolder = (): string | undefined => {
    const latest = deps.recent.list()[0];
    return latest ? path.dirname(latest.filePath) : undefined;
  };

  return {
    'workspace:open-dialog': async () => {
      const folder = lastFolder();
      const filePath = await deps.dialogs.showOpenDialog({
        title: 'Open Workspace',
        filters: OPEN_DIALOG_FILTERS,
        ...(folder ? { defaultPath: folder } : {}),
      });
      if (filePath === null) return { kind: 'canceled' };
      deps.access.grantRead(filePath);
      return openFile(filePath);
    },

    'workspace:open-path': async ({ filePath }) => {
      if (!deps.access.canRead(filePath) && !deps.recent.has(filePath)) {
        return { kind: 'readFailed', filePath, reason: NOT_GRANTED_REASON, code: null };
      }
      return openFile(filePath);
    },

    'workspace:save': async ({ filePath, content }) => {
      if (!deps.access.canWrite(filePath)) {
        return { kind: 'writeFailed', filePath, reason: SAVE_NOT_GRANTED_REASON, code: null };
      }
      return writeFile(filePath, content);
    },

    'workspace:save-as': async ({ suggestedName, content }) => {
      const fileName = `${safeFileName(suggestedName)}.${WORKSPACE_EXTENSION}`;
      const folder = lastFolder();
      let request: SaveDialogRequest = {
        title: 'Save Workspace As',
        defaultPath: folder ? path.join(folder, fileName) : fileName,
        filters: SAVE_DIALOG_FILTERS,
      };
      for (;;) {
        const chosen = await deps.dialogs.showSaveDialog(request);
        if (chosen === null) return { kind: 'canceled' };
        const target = withWorkspaceExtension(chosen);
        // The dialog asked about overwriting `chosen`, not about the name with the extension added: if that one
        // exists, show the dialog again on it so the user confirms the overwrite there.
        if (target !== chosen && (await exists(target))) {
          request = { ...request, title: `“${path.basename(target)}” already exists`, defaultPath: target };
          continue;
        }
        return writeFile(target, content);
      }
    },

    'recent:list': async () => deps.recent.list(),

    'recent:remove': async ({ filePath }) => deps.recent.remove(filePath),

    'app:launch-state': async () => {
      // Decided once per process, so a second ask (React StrictMode in development, a reload) gets the same answer.
      if (firstRun === null) {
        firstRun = deps.settings.get(SETTINGS_KEYS.launchedBefore) !== true;
        if (firstRun) deps.settings.set(SETTINGS_KEYS.launchedBefore, true);
      }
      const pendingFilePath = deps.launch.takePendingFilePath();
      if (pendingFilePath !== null) deps.access.grantRead(pendingFilePath);
      return { firstRun, pendingFilePath, platform: deps.launch.platform };
    },

    'window:document-state': async (state) => {
      deps.window.setDocumentState(state);
    },

    'dialog:unsaved-changes': async ({ displayName }) => deps.dialogs.askUnsavedChanges(displayName),

    'window:close-confirmed': async () => {
      deps.window.closeConfirmed();
    },
  };
}

/**
 * A file name for the Save As dialog made from a workspace title: characters no common file system accepts
 * (path separators, `<>:"|?*`, control characters) become spaces, and an empty result becomes "Untitled".
 */
export function safeFileName(suggestedName: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = suggestedName.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  const withoutExtension = cleaned.replace(/\.stakemap$/i, '').replace(/^\.+/, '').trim();
  return withoutExtension.slice(0, 200) || 'Untitled';
}

/**
 * Adds `.stakemap` to a path chosen in the save dialog unless it already ends in `.stakemap` or `.json`
 * (both open again). Linux save dialogs do not add the extension of the selected filter themselves.
 */
export function withWorkspaceExtension(filePath: string): string {
  const lower = filePath.toLowerCase();
  return lower.endsWith(`.${WORKSPACE_EXTENSION}`) || lower.endsWith('.json') ? filePath : `${filePath}.${WORKSPACE_EXTENSION}`;
}
