import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { PageCaptureRequest } from '../../shared/export/page-capture';
import type { PdfPrintRequest } from '../../shared/export/pdf-options';
import type { DocumentState, UnsavedChoice } from '../../shared/host/channels';
import { describeFileError, errorCode } from '../services/file-errors';
import type { FileAccessList } from '../services/file-access';
import { FileFingerprints } from '../services/file-fingerprint';
import type { KeyValueStore } from '../services/key-value-store';
import type { AppPreferences } from '../services/preferences';
import type { LiveSessionHandlers } from '../services/live-session';
import { PathQueue } from '../services/path-queue';
import type { RecentWorkspaces } from '../services/recent-workspaces';
import type { RecoveryDrafts } from '../services/recovery-drafts';
import type { VersionHistory } from '../services/version-history';
import type { WorkspaceReader } from '../services/workspace-reader';
import type { WorkspaceFs } from '../services/workspace-files';

/*
 * What the handlers of each concern (workspace-handlers.ts, export-handlers.ts, app-handlers.ts) share: the
 * dependencies main or the test harness passes in, and the per-path queue and fingerprints that must be one
 * instance for all of them. No Electron import here, and none of the handler modules: they import this file,
 * host-handlers.ts composes them.
 */

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
  /** Saving the workspace (Save As) or exporting it; the test harness answers the two from separate queues. */
  readonly purpose: 'workspace' | 'export';
}

/** The native dialogs, or the test's answers to them. Each returns the chosen path, or null when canceled. */
export interface HostDialogs {
  showOpenDialog(request: OpenDialogRequest): Promise<string | null>;
  showSaveDialog(request: SaveDialogRequest): Promise<string | null>;
  /** Save / Don't Save / Cancel for a document with unsaved changes. */
  askUnsavedChanges(displayName: string): Promise<UnsavedChoice>;
  /**
   * Replace / Cancel for existing files (names only, no folders) that an action is about to replace without the
   * save dialog having asked about them, e.g. the solutions file written beside a CSV export. True to replace;
   * anything else (Cancel, Escape, closing the box) must give false, which writes nothing.
   */
  confirmReplace(fileNames: readonly string[]): Promise<boolean>;
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
  /**
   * Prints the window's page, as it is, to PDF bytes: webContents.printToPDF in Electron, page.pdf in the test
   * harness, both with the options of shared/export/pdf-options.ts.
   */
  readonly printToPdf: (request: PdfPrintRequest) => Promise<Uint8Array>;
  /**
   * Pictures a rectangle of the window's page (PNG bytes in base64) with the DevTools protocol: the window's
   * webContents.debugger in Electron, a CDP session in the test harness (shared/export/page-capture.ts).
   */
  readonly capturePage: (request: PageCaptureRequest) => Promise<string>;
  /**
   * Defaults to MAX_WORKSPACE_BYTES; tests lower it. Saves that would write more are refused too, so that every
   * workspace saved opens again.
   */
  readonly maxOpenBytes?: number;
  /** Defaults to node:fs/promises; tests inject failures. */
  readonly fs?: WorkspaceFs;
  /**
   * Reads, decodes and checks the files opened (services/workspace-reader.ts): main passes the worker-backed
   * reader, so a huge or hostile file never blocks its event loop. Defaults to the in-process reader over `fs`
   * (unit tests, which have no built worker); an injected reader reads with its own file system, not `fs`.
   */
  readonly reader?: WorkspaceReader;
  /**
   * The previous versions of each workspace, in the app's data folder (`<userData>/versions`). Each verified save
   * is kept there, and so is a file's earlier content before a save replaces it. Without it none are kept.
   */
  readonly versions?: VersionHistory;
  /**
   * Recovery drafts of unsaved work, in the app's data folder (`<userData>/recovery`), offered back after a crash
   * (recovery-handlers.ts). Without it no draft is kept and none is listed.
   */
  readonly recovery?: RecoveryDrafts;
  /**
   * The display preferences, when the caller listens for their changes (main: native theme, View menu checks).
   * Without it the preferences handlers keep them in `settings` all the same.
   */
  readonly preferences?: AppPreferences;
  /** The live session of this window (electron/services/live-session.ts); none: the live channels say so. */
  readonly live?: LiveSessionHandlers;
}

/** The state and helpers one set of host handlers shares across its concerns. */
export interface HandlerContext {
  readonly deps: HostDependencies;
  /** The file system the handlers use: the injected one, or node:fs/promises. */
  readonly fs: WorkspaceFs;
  /** `{ fs }` when one was injected, else nothing: the options the workspace-files functions take. */
  readonly fsOption: { readonly fs?: WorkspaceFs };
  /**
   * One read or write at a time per file, across concerns: two quick saves never interleave, a reload never
   * crosses a save, and an export written over a workspace waits for that workspace's save.
   */
  readonly queue: PathQueue;
  /**
   * Each workspace as read when opened or as written at the last save, to notice changes made behind our back.
   * Saves compare with them; recovery drafts record and restore them (recovery-handlers.ts).
   */
  readonly fingerprints: FileFingerprints;
  /** The folder of the most recent workspace, where dialogs start when there is no better place. */
  lastFolder(): string | undefined;
  /**
   * Shows the save dialog and returns the path to write, with `addExtension` applied, or null when canceled.
   * The dialog asked about overwriting the name the user typed, not about that name with the extension added:
   * if the latter exists, the dialog is shown again on it so the user confirms the overwrite there.
   */
  chooseSavePath(first: SaveDialogRequest, addExtension: (filePath: string) => string): Promise<string | null>;
}

/** Builds the context once per createHostHandlers call. */
export function createHandlerContext(deps: HostDependencies): HandlerContext {
  const fs: WorkspaceFs = deps.fs ?? nodeFs;

  const exists = async (filePath: string): Promise<boolean> => {
    try {
      await fs.stat(filePath);
      return true;
    } catch {
      return false;
    }
  };

  return {
    deps,
    fs,
    fsOption: deps.fs ? { fs: deps.fs } : {},
    queue: new PathQueue(),
    fingerprints: new FileFingerprints(),
    lastFolder: () => {
      const latest = deps.recent.list()[0];
      return latest ? path.dirname(latest.filePath) : undefined;
    },
    chooseSavePath: async (first, addExtension) => {
      let request = first;
      for (;;) {
        const chosen = await deps.dialogs.showSaveDialog(request);
        if (chosen === null) return null;
        const target = addExtension(chosen);
        if (target === chosen || !(await exists(target))) return target;
        request = { ...request, title: `“${path.basename(target)}” already exists`, defaultPath: target };
      }
    },
  };
}

/** The `writeFailed` result for an error thrown while writing `filePath`, with its reason in words. */
export function writeFailed(filePath: string, error: unknown): { kind: 'writeFailed'; filePath: string; reason: string; code: string | null } {
  return { kind: 'writeFailed', filePath, reason: describeFileError(error, 'write'), code: errorCode(error) };
}
