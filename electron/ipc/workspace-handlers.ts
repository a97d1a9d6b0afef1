import path from 'node:path';
import { MAX_WORKSPACE_BYTES, WORKSPACE_EXTENSION } from '../../shared/document/format';
import type { InvokeHandlers, OpenResult, SaveResult } from '../../shared/host/channels';
import { safeFileName, withWorkspaceExtension } from '../../shared/host/file-names';
import { DescribedFileError, describeFileError, errorCode } from '../services/file-errors';
import { compareWithFingerprint, fingerprintOf, type CurrentFile } from '../services/file-fingerprint';
import { createInProcessWorkspaceReader } from '../services/workspace-reader';
import { contentBytes, prepareAtomicWrite, readCurrentBytes, type PreparedWrite } from '../services/workspace-files';
import { writeFailed, type FileFilter, type HandlerContext } from './handler-context';

/*
 * The workspace channels: open (dialog, path), save, save as, previous versions and the recent list. Only files
 * the user chose may be read, only files opened or saved in this session may be saved over, and a save never
 * replaces changes made on disk since the file was read without asking (the `conflict` result).
 */

export type WorkspaceChannel =
  | 'workspace:open-dialog'
  | 'workspace:read-other'
  | 'workspace:open-path'
  | 'workspace:save'
  | 'workspace:save-as'
  | 'versions:list'
  | 'versions:read'
  | 'recent:list'
  | 'recent:remove';

export const OPEN_DIALOG_FILTERS: readonly FileFilter[] = [
  { name: 'Stakemap workspace', extensions: [WORKSPACE_EXTENSION] },
  { name: 'JSON', extensions: ['json'] },
  { name: 'PNG image exported by Stakemap', extensions: ['png'] },
];

export const SAVE_DIALOG_FILTERS: readonly FileFilter[] = [{ name: 'Stakemap workspace', extensions: [WORKSPACE_EXTENSION] }];

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

/** Builds the handlers of the workspace, versions and recent channels. */
export function createWorkspaceHandlers(context: HandlerContext): InvokeHandlers<WorkspaceChannel> {
  const { deps, fsOption, queue, fingerprints } = context;
  const maxBytes = deps.maxOpenBytes ?? MAX_WORKSPACE_BYTES;
  const reader = deps.reader ?? createInProcessWorkspaceReader(fsOption);

  const remember = (filePath: string) => {
    deps.access.grantWrite(filePath);
    deps.recent.add(filePath, deps.now());
    deps.addOsRecentDocument?.(filePath);
  };

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

  /** `asOpenWorkspace` false: read only (merge, compare), so the file joins no recent list and is never saved over. */
  const readFile = async (filePath: string, asOpenWorkspace = true): Promise<OpenResult> => {
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
        if (asOpenWorkspace && read.source === 'workspace' && valid && fingerprint !== null) {
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

  /**
   * A save of `content` refused because it is larger than a workspace Stakemap opens (in UTF-8 bytes, as it is
   * written), or null when it fits. Checked before anything is written or asked.
   */
  const refuseIfTooLarge = (filePath: string, content: string): SaveResult | null => {
    const bytes = Buffer.byteLength(content, 'utf8');
    return bytes > maxBytes ? { kind: 'writeFailed', filePath, reason: workspaceTooLargeReason(bytes, maxBytes), code: null } : null;
  };

  return {
    'workspace:open-dialog': async () => {
      const folder = context.lastFolder();
      const filePath = await deps.dialogs.showOpenDialog({
        title: 'Open Workspace',
        filters: OPEN_DIALOG_FILTERS,
        ...(folder ? { defaultPath: folder } : {}),
      });
      if (filePath === null) return { kind: 'canceled' };
      deps.access.grantRead(filePath);
      return openFile(filePath);
    },

    'workspace:read-other': async ({ purpose }) => {
      const folder = context.lastFolder();
      const filePath = await deps.dialogs.showOpenDialog({
        title: purpose === 'merge' ? 'Merge Workspace' : 'Compare with Workspace',
        filters: OPEN_DIALOG_FILTERS,
        ...(folder ? { defaultPath: folder } : {}),
      });
      if (filePath === null) return { kind: 'canceled' };
      return queue.run([filePath], () => readFile(filePath, false));
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
      const folder = context.lastFolder();
      const target = await context.chooseSavePath(
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

    'versions:list': async ({ filePath }) => (deps.versions && mayRead(filePath) ? deps.versions.list(filePath) : []),

    'versions:read': async ({ filePath, versionId }) => {
      const content = deps.versions && mayRead(filePath) ? await deps.versions.read(filePath, versionId) : null;
      return content === null ? { kind: 'missing' } : { kind: 'read', content };
    },

    'recent:list': async () => deps.recent.list(),

    'recent:remove': async ({ filePath }) => deps.recent.remove(filePath),
  };
}
