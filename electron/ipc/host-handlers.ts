import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { MAX_WORKSPACE_BYTES, WORKSPACE_EXTENSION } from '../../shared/document/format';
import { readExportOptions } from '../../shared/export/export-options';
import type { PdfPrintRequest } from '../../shared/export/pdf-options';
import { isPng } from '../../shared/export/png-text-chunk';
import type {
  CsvExportResult,
  DocumentState,
  InvokeHandlers,
  OpenResult,
  SaveResult,
  UnsavedChoice,
} from '../../shared/host/channels';
import { DescribedFileError, describeFileError, errorCode } from '../services/file-errors';
import type { FileAccessList } from '../services/file-access';
import { compareWithFingerprint, FileFingerprints, fingerprintOf, type CurrentFile } from '../services/file-fingerprint';
import { PathQueue } from '../services/path-queue';
import type { VersionHistory } from '../services/version-history';
import { SETTINGS_KEYS, type KeyValueStore } from '../services/key-value-store';
import type { RecentWorkspaces } from '../services/recent-workspaces';
import type { RecoveryDrafts } from '../services/recovery-drafts';
import { createRecoveryHandlers } from './recovery-handlers';
import { createInProcessWorkspaceReader, type WorkspaceReader } from '../services/workspace-reader';
import {
  contentBytes,
  keepPreviousContent,
  prepareAtomicWrite,
  readCurrentBytes,
  writeFileAtomic,
  type FileContent,
  type KeptContent,
  type PreparedWrite,
  type WorkspaceFs,
} from '../services/workspace-files';

/*
 * What main does for each renderer request. No Electron import here: the Electron main process and the
 * Playwright harness both build these handlers, each with its own dialogs, store and window, so the end-to-end
 * tests exercise the same code that ships.
 */

/** One async function per invoke channel of shared/host/channels.ts. */
export type HostHandlers = InvokeHandlers;

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
}

export const OPEN_DIALOG_FILTERS: readonly FileFilter[] = [
  { name: 'Stakemap workspace', extensions: [WORKSPACE_EXTENSION] },
  { name: 'JSON', extensions: ['json'] },
  { name: 'PNG image exported by Stakemap', extensions: ['png'] },
];

export const SAVE_DIALOG_FILTERS: readonly FileFilter[] = [{ name: 'Stakemap workspace', extensions: [WORKSPACE_EXTENSION] }];

/** One kind of exported file: its save dialog, and the extensions a chosen name may already end with. */
export interface ExportKind {
  readonly title: string;
  readonly filters: readonly FileFilter[];
  /** The first is added to a name that ends in none of them. */
  readonly extensions: readonly [string, ...string[]];
}

export const EXPORT_KINDS = {
  png: { title: 'Export PNG', filters: [{ name: 'PNG image', extensions: ['png'] }], extensions: ['png'] },
  markdown: { title: 'Export Markdown', filters: [{ name: 'Markdown', extensions: ['md'] }], extensions: ['md', 'markdown'] },
  pdf: { title: 'Export PDF', filters: [{ name: 'PDF document', extensions: ['pdf'] }], extensions: ['pdf'] },
  csv: { title: 'Export CSV', filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }], extensions: ['csv'] },
} as const satisfies Record<string, ExportKind>;

/** Refusal reason for a path the user never pointed at. */
export const NOT_GRANTED_REASON =
  'Stakemap only opens files you chose yourself: in the Open dialog, from recent workspaces, on the command line or from your file manager.';

/** Reason for refusing a save when the file's current content cannot be compared with the one opened. */
export function changeCheckFailedReason(problem: string): string {
  return `Stakemap could not check whether the file changed on disk since you opened it, so it did not save over it (${problem})`;
}

/** Refusal reason for saving to a file that was not opened or saved in this session. */
export const SAVE_NOT_GRANTED_REASON =
  'Stakemap only saves over a file opened or saved in this session. Use Save As to choose where to save.';

/**
 * Refusal reason for a save that would write a workspace larger than Stakemap opens: `bytes` is its size in
 * UTF-8, `limit` the most a workspace file may have (MAX_WORKSPACE_BYTES).
 */
export function workspaceTooLargeReason(bytes: number, limit: number = MAX_WORKSPACE_BYTES): string {
  return `The workspace is ${megabytes(bytes)} when saved as UTF-8 text, more than the ${megabytes(limit)} a workspace file may have: Stakemap could not open such a file again.`;
}

/** Megabytes (of 1,048,576 bytes) for messages, rounded up to one decimal so a size just over a limit reads over it. */
function megabytes(bytes: number): string {
  const value = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Reason for a CSV export that failed after the first file was replaced, when the first file's earlier content
 * could not be put back: where that content is, so that nothing is lost.
 */
export function csvRestoreFailedReason(reason: string, fileName: string, problem: string, keptPath: string): string {
  return `${reason} The earlier “${fileName}” could not be put back (${problem}); its earlier content is in “${path.basename(keptPath)}”, a hidden file in the same folder: copy it elsewhere before exporting there again, which removes it.`;
}

/** Builds the handlers for every invoke channel. */
export function createHostHandlers(deps: HostDependencies): HostHandlers {
  const maxBytes = deps.maxOpenBytes ?? MAX_WORKSPACE_BYTES;
  let firstRun: boolean | null = null;

  const remember = (filePath: string) => {
    deps.access.grantWrite(filePath);
    deps.recent.add(filePath, deps.now());
    deps.addOsRecentDocument?.(filePath);
  };

  const fsOption = deps.fs ? { fs: deps.fs } : {};
  /** One read or write at a time per file: two quick saves never interleave, a reload never crosses a save. */
  const queue = new PathQueue();
  /** Each workspace as read when opened or as written at the last save, to notice changes made behind our back. */
  const fingerprints = new FileFingerprints();

  /** Keeps text (not bytes that are not UTF-8) as a previous version; never fails, never throws. */
  const keepVersion = async (filePath: string, content: string | Uint8Array) => {
    if (!deps.versions) return;
    let text: string;
    try {
      text = typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
    } catch {
      return;
    }
    await deps.versions.record(filePath, text).catch(() => undefined);
  };

  const openFile = (filePath: string): Promise<OpenResult> => queue.run([filePath], () => readFile(filePath));

  const reader = deps.reader ?? createInProcessWorkspaceReader(fsOption);

  const readFile = async (filePath: string): Promise<OpenResult> => {
    const { read, valid, fingerprint } = await reader.read(filePath, { maxBytes });
    switch (read.kind) {
      case 'tooLarge':
        return { kind: 'tooLarge', filePath, size: read.size, limit: read.limit };
      case 'failed':
        return { kind: 'readFailed', filePath, reason: read.reason, code: read.code };
      case 'read':
        // Only a file that really is a workspace joins the recent list and may be saved over; the renderer parses
        // it again to show the document or to word the error (the text crosses IPC either way). A workspace
        // taken from a PNG image does neither: Save must never write JSON over the picture.
        // The reader checked the text with the parser and fingerprinted the bytes it read, off main's event loop.
        if (read.source === 'workspace' && valid && fingerprint !== null) {
          remember(filePath);
          fingerprints.remember(filePath, fingerprint);
        }
        return { kind: 'opened', filePath, content: read.content, source: read.source };
      default: {
        const unreachable: never = read;
        return unreachable;
      }
    }
  };

  /**
   * Saves a workspace: compares the file on disk with the one opened or last saved (unless `checkChanges` is
   * false: Save As, or the user chose to overwrite), writes the new content beside it, keeps its current content
   * as a previous version, renames the new content over it and reads back, then keeps the saved content as the
   * newest version. Something that is not a regular file (a named pipe, a device) and a read-only file are
   * refused before anything is written, and before any version is kept.
   */
  const saveWorkspaceFile = (filePath: string, content: string, checkChanges: boolean): Promise<SaveResult> =>
    queue.run([filePath], async () => {
      const known = checkChanges ? fingerprints.get(filePath) : undefined;
      let current: CurrentFile | undefined;
      try {
        current = await readCurrentBytes(filePath, { maxBytes: Math.max(MAX_WORKSPACE_BYTES, known?.size ?? 0), ...fsOption });
      } catch (error) {
        // Not a regular file (readCurrentBytes never opened it): nothing to compare, and nothing to save over.
        if (error instanceof DescribedFileError) return writeFailed(filePath, error);
        // Someone else's changes may be there: do not save over what cannot be compared.
        if (known) return { kind: 'writeFailed', filePath, reason: changeCheckFailedReason(describeFileError(error, 'read')), code: errorCode(error) };
      }
      if (known && current !== undefined) {
        const change = compareWithFingerprint(known, current);
        if (change !== 'unchanged') return { kind: 'conflict', filePath, change };
      }

      let prepared: PreparedWrite;
      try {
        prepared = await prepareAtomicWrite(filePath, content, fsOption);
      } catch (error) {
        return writeFailed(filePath, error);
      }
      // The content about to be replaced (possibly someone else's changes, when overwriting) stays restorable.
      // Kept once the new content is written beside it, so a save refused or failing before that keeps nothing.
      if (current?.kind === 'read') await keepVersion(filePath, current.bytes);

      let written;
      try {
        written = await prepared.commit();
      } catch (error) {
        // The file was replaced but did not read back as written: whatever it holds now is not what we saw, so
        // the next save asks before replacing it (unless it does hold our content by then).
        if (error instanceof DescribedFileError) fingerprints.remember(filePath, fingerprintOf(contentBytes(content), null));
        return writeFailed(filePath, error);
      }
      fingerprints.remember(filePath, fingerprintOf(written.bytes, written.mtimeMs));
      remember(filePath);
      await keepVersion(filePath, content);
      return { kind: 'saved', filePath };
    });

  /** Whether the renderer may read this file's previous versions: the same rule as for opening it. */
  const mayRead = (filePath: string) => deps.access.canRead(filePath) || deps.recent.has(filePath);

  const exists = async (filePath: string): Promise<boolean> => {
    try {
      await (deps.fs ?? nodeFs).stat(filePath);
      return true;
    } catch {
      return false;
    }
  };

  const regularFileExists = async (filePath: string): Promise<boolean> => {
    try {
      return (await (deps.fs ?? nodeFs).stat(filePath)).isFile();
    } catch {
      return false;
    }
  };

  /**
   * A save of `content` refused because it is larger than a workspace Stakemap opens (in UTF-8 bytes, as it is
   * written), or null when it fits. Checked before anything is written or asked.
   */
  const refuseIfTooLarge = (filePath: string, content: string): SaveResult | null => {
    const bytes = Buffer.byteLength(content, 'utf8');
    return bytes > maxBytes ? { kind: 'writeFailed', filePath, reason: workspaceTooLargeReason(bytes, maxBytes), code: null } : null;
  };

  const lastFolder = (): string | undefined => {
    const latest = deps.recent.list()[0];
    return latest ? path.dirname(latest.filePath) : undefined;
  };

  /**
   * Shows the save dialog and returns the path to write, with `addExtension` applied, or null when canceled.
   * The dialog asked about overwriting the name the user typed, not about that name with the extension added:
   * if the latter exists, the dialog is shown again on it so the user confirms the overwrite there.
   */
  const chooseSavePath = async (first: SaveDialogRequest, addExtension: (filePath: string) => string): Promise<string | null> => {
    let request = first;
    for (;;) {
      const chosen = await deps.dialogs.showSaveDialog(request);
      if (chosen === null) return null;
      const target = addExtension(chosen);
      if (target === chosen || !(await exists(target))) return target;
      request = { ...request, title: `“${path.basename(target)}” already exists`, defaultPath: target };
    }
  };

  /** Exports start in the folder of the last export, else beside the most recent workspace. */
  const exportFolder = (): string | undefined => {
    const remembered = deps.settings.get(SETTINGS_KEYS.lastExportFolder);
    return typeof remembered === 'string' && remembered !== '' ? remembered : lastFolder();
  };

  const chooseExportPath = (kind: ExportKind, fileName: string): Promise<string | null> => {
    const folder = exportFolder();
    return chooseSavePath(
      { title: kind.title, defaultPath: folder ? path.join(folder, fileName) : fileName, filters: kind.filters, purpose: 'export' },
      (filePath) => withExtension(filePath, kind.extensions),
    );
  };

  /** Exported files are not workspaces: they join neither the recent list nor the files Save may write over. */
  const writeExport = (filePath: string, content: FileContent): Promise<SaveResult> =>
    queue.run([filePath], async () => {
      try {
        await writeFileAtomic(filePath, content, fsOption);
      } catch (error) {
        return writeFailed(filePath, error);
      }
      deps.settings.set(SETTINGS_KEYS.lastExportFolder, path.dirname(filePath));
      return { kind: 'saved', filePath };
    });

  /** Writes both CSV files, or changes neither (see writeCsvPairNow). */
  const writeCsvPair = (files: readonly [{ filePath: string; content: string }, { filePath: string; content: string }]): Promise<CsvExportResult> =>
    queue.run([files[0].filePath, files[1].filePath], () => writeCsvPairNow(files));

  /**
   * Both files are written in full beside their targets first (prepareAtomicWrite), so nearly every failure
   * happens before anything is replaced. Then the current content of each target that exists is kept aside
   * (keepPreviousContent: a hard link, or a copy), and only then are the targets replaced, one rename each. Should
   * a replacement still fail, every target already replaced gets its earlier content back (one rename) or, if it
   * did not exist before, is removed: the folder is as it was. Nothing is left beside the files either way, and
   * should the app be killed midway, each file holds its old or its new content in full and the next export to it
   * removes what was kept aside.
   */
  const writeCsvPairNow = async (files: readonly [{ filePath: string; content: string }, { filePath: string; content: string }]): Promise<CsvExportResult> => {
    const prepared: PreparedWrite[] = [];
    const kept: (KeptContent | null)[] = [];
    const abortAll = () => Promise.all(prepared.map((write) => write.abort()));
    const discardKept = (except?: KeptContent) => Promise.all(kept.map((copy) => (copy && copy !== except ? copy.discard() : undefined)));
    for (const file of files) {
      try {
        prepared.push(await prepareAtomicWrite(file.filePath, file.content, fsOption));
      } catch (error) {
        await abortAll();
        return writeFailed(file.filePath, error);
      }
    }
    for (const [index, write] of prepared.entries()) {
      try {
        kept.push(write.existed ? await keepPreviousContent(write.target, fsOption) : null);
      } catch (error) {
        await abortAll();
        await discardKept();
        const file = files[index]!;
        return {
          kind: 'writeFailed',
          filePath: file.filePath,
          reason: `Stakemap could not keep the current “${path.basename(file.filePath)}” aside to put it back should the export fail, so it changed nothing (${describeFileError(error, 'write')})`,
          code: errorCode(error),
        };
      }
    }
    for (const [index, write] of prepared.entries()) {
      try {
        await write.commit();
      } catch (error) {
        // Very unlikely once both are prepared (a rename in the same folder), but never leave half a pair. The
        // one that failed is undone too if its rename happened (its read-back failed).
        await abortAll();
        let reason = describeFileError(error, 'write');
        let keptAfterFailure: KeptContent | undefined;
        const undoCount = write.replaced ? index + 1 : index;
        for (let undo = 0; undo < undoCount; undo++) {
          const earlier = kept[undo];
          if (!earlier) {
            await (deps.fs ?? nodeFs).rm(prepared[undo]!.target, { force: true }).catch(() => undefined);
            continue;
          }
          try {
            await earlier.restore();
          } catch (restoreError) {
            keptAfterFailure = earlier;
            reason = csvRestoreFailedReason(reason, path.basename(files[undo]!.filePath), describeFileError(restoreError, 'write'), earlier.path);
          }
        }
        await discardKept(keptAfterFailure);
        return { kind: 'writeFailed', filePath: files[index]!.filePath, reason, code: errorCode(error) };
      }
    }
    await discardKept();
    deps.settings.set(SETTINGS_KEYS.lastExportFolder, path.dirname(files[0].filePath));
    return { kind: 'saved', filePaths: [files[0].filePath, files[1].filePath] };
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

    'workspace:save': async ({ filePath, content, overwrite }) => {
      if (!deps.access.canWrite(filePath)) {
        return { kind: 'writeFailed', filePath, reason: SAVE_NOT_GRANTED_REASON, code: null };
      }
      return refuseIfTooLarge(filePath, content) ?? saveWorkspaceFile(filePath, content, overwrite !== true);
    },

    'workspace:save-as': async ({ suggestedName, content }) => {
      const fileName = `${safeFileName(suggestedName)}.${WORKSPACE_EXTENSION}`;
      // Before the dialog: no point choosing a place for a file that will not be written. There is no path yet,
      // so the result names the file the dialog would have suggested.
      const tooLarge = refuseIfTooLarge(fileName, content);
      if (tooLarge) return tooLarge;
      const folder = lastFolder();
      const target = await chooseSavePath(
        {
          title: 'Save Workspace As',
          defaultPath: folder ? path.join(folder, fileName) : fileName,
          filters: SAVE_DIALOG_FILTERS,
          purpose: 'workspace',
        },
        withWorkspaceExtension,
      );
      // The dialog asked before replacing an existing file: no check for changes on disk here.
      return target === null ? { kind: 'canceled' } : saveWorkspaceFile(target, content, false);
    },

    'export:save': async ({ format, suggestedName, data }) => {
      const kind = EXPORT_KINDS[format];
      // A malformed image is a bug in the renderer: refuse it before asking the user anything.
      const content: FileContent = format === 'png' ? decodePngBase64(data) : data;
      const target = await chooseExportPath(kind, exportFileName(suggestedName, kind));
      return target === null ? { kind: 'canceled' } : writeExport(target, content);
    },

    'export:csv': async ({ suggestedName, painPoints, solutions }) => {
      const kind = EXPORT_KINDS.csv;
      const target = await chooseExportPath(kind, `${exportFileName(suggestedName, kind, '')} pain points.csv`);
      if (target === null) return { kind: 'canceled' };
      const solutionsPath = solutionsCsvPath(target);
      // The save dialog asked before replacing the pain points file only. Something other than a file in the
      // way (a folder, a pipe) is not asked about: the write refuses it with its own reason.
      if ((await regularFileExists(solutionsPath)) && !(await deps.dialogs.confirmReplace([path.basename(solutionsPath)]))) {
        return { kind: 'canceled' };
      }
      return writeCsvPair([
        { filePath: target, content: painPoints },
        { filePath: solutionsPath, content: solutions },
      ]);
    },

    'export:pdf': async ({ suggestedName, pageSize, landscape }) => {
      const kind = EXPORT_KINDS.pdf;
      const target = await chooseExportPath(kind, exportFileName(suggestedName, kind));
      if (target === null) return { kind: 'canceled' };
      let pdf: Uint8Array;
      try {
        pdf = await deps.printToPdf({ pageSize, landscape });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { kind: 'writeFailed', filePath: target, reason: `The PDF could not be created: ${message}`, code: null };
      }
      return writeExport(target, pdf);
    },

    'export:options-get': async () => readExportOptions(deps.settings.get(SETTINGS_KEYS.exportOptions)),

    'export:options-set': async (options) => {
      deps.settings.set(SETTINGS_KEYS.exportOptions, options);
    },

    'versions:list': async ({ filePath }) => (deps.versions && mayRead(filePath) ? deps.versions.list(filePath) : []),

    'versions:read': async ({ filePath, versionId }) => {
      const content = deps.versions && mayRead(filePath) ? await deps.versions.read(filePath, versionId) : null;
      return content === null ? { kind: 'missing' } : { kind: 'read', content };
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

    // The fingerprints are passed in (recovery-handlers.ts imports nothing from this file): a draft records
    // its file's fingerprint, and restoring it makes the next save compare the file with that.
    ...createRecoveryHandlers({ ...deps, fingerprints }),
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
  return withExtension(filePath, [WORKSPACE_EXTENSION, 'json']);
}

/** `filePath` as it is if it ends in one of `extensions` (any case), else with the first one added. */
export function withExtension(filePath: string, extensions: readonly [string, ...string[]]): string {
  const lower = filePath.toLowerCase();
  return extensions.some((extension) => lower.endsWith(`.${extension.toLowerCase()}`)) ? filePath : `${filePath}.${extensions[0]}`;
}

/**
 * The file name an export's save dialog suggests: safeFileName of the workspace title plus the kind's
 * extension (`suffix`, default `.png`, `.md` ...); an extension already in the title is not doubled.
 */
export function exportFileName(suggestedName: string, kind: ExportKind, suffix = `.${kind.extensions[0]}`): string {
  const withoutExtension = (name: string) => {
    const lower = name.toLowerCase();
    const found = kind.extensions.find((extension) => lower.endsWith(`.${extension}`));
    return found ? name.slice(0, -(found.length + 1)).trim() : name;
  };
  return `${withoutExtension(safeFileName(withoutExtension(suggestedName.trim())))}${suffix}`;
}

/**
 * The solutions file written beside the pain points CSV the user chose: "pain points" in its name becomes
 * "solutions" (in the same capitalisation; the last occurrence, so a folder-like title keeps its own words),
 * else " solutions" is appended: "Q3 pain points.csv" → "Q3 solutions.csv", "export.csv" → "export solutions.csv".
 */
export function solutionsCsvPath(painPointsPath: string): string {
  const folder = path.dirname(painPointsPath);
  const fileName = path.basename(painPointsPath);
  const extension = /\.csv$/i.exec(fileName)?.[0] ?? '';
  const base = fileName.slice(0, fileName.length - extension.length);
  const matches = [...base.matchAll(/pain points/gi)];
  const last = matches.at(-1);
  let solutionsBase: string;
  if (last?.index === undefined) {
    solutionsBase = `${base} solutions`;
  } else {
    const found = last[0];
    const replacement = found === found.toUpperCase() ? 'SOLUTIONS' : found.startsWith('P') ? 'Solutions' : 'solutions';
    solutionsBase = base.slice(0, last.index) + replacement + base.slice(last.index + found.length);
  }
  return path.join(folder, `${solutionsBase}${extension || '.csv'}`);
}

/** The PNG bytes of `export:save`, refusing anything that is not strict base64 of a PNG image. */
function decodePngBase64(data: string): Uint8Array {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new Error('export:save: the PNG data is not base64 (send the bytes only, without a "data:" URL prefix).');
  }
  const bytes = Buffer.from(data, 'base64');
  if (!isPng(bytes)) throw new Error('export:save: the data is not a PNG image.');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function writeFailed(filePath: string, error: unknown): { kind: 'writeFailed'; filePath: string; reason: string; code: string | null } {
  return { kind: 'writeFailed', filePath, reason: describeFileError(error, 'write'), code: errorCode(error) };
}
