import type { ExportOptions } from '@shared/export/export-options';
import { DEFAULT_EXPORT_OPTIONS } from '@shared/export/export-options';
import type { RecentWorkspace, SavedVersionInfo } from '@shared/host/channels';
import { host } from '../host';
import { announce, fileNameOf, showMessage, showVersionsDialog, useEditor } from '../store/editor-store';
import { loadWorkspaceText } from './load-workspace';

/*
 * What views and dialogs ask the main process for: the recent list, the remembered export choices, the previous
 * versions of the open file. Components call these; only renderer/src/commands talks to the host.
 */

/** The recent workspaces, newest first (an empty list when main cannot give one). */
export function listRecentWorkspaces(): Promise<RecentWorkspace[]> {
  return host()
    .listRecentWorkspaces()
    .catch(() => []);
}

/** Removes a workspace from the recent list (the file stays) and gives the list that is left. */
export function forgetRecentWorkspace(filePath: string): Promise<RecentWorkspace[]> {
  return host().forgetRecentWorkspace(filePath);
}

/** The Export dialog's last choices (the defaults until the first export, or when they cannot be read). */
export function loadExportOptions(): Promise<ExportOptions> {
  return host()
    .getExportOptions()
    .catch(() => DEFAULT_EXPORT_OPTIONS);
}

/** Remembers the Export dialog's choices for next time; a failure to remember never stops the export. */
export function rememberExportOptions(options: ExportOptions): void {
  void host()
    .setExportOptions(options)
    .catch(() => undefined);
}

/** The previous versions kept of the open workspace's file, newest first (none for a workspace never saved). */
export function listPreviousVersions(): Promise<SavedVersionInfo[]> {
  const filePath = useEditor.getState().workspace?.filePath;
  if (!filePath) return Promise.resolve([]);
  return host()
    .listVersions(filePath)
    .catch(() => []);
}

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Replaces the map with a previous version as one undoable step (through the same load path as opening a
 * file); the file on disk changes only when saved.
 */
export async function restorePreviousVersion(version: SavedVersionInfo): Promise<void> {
  const filePath = useEditor.getState().workspace?.filePath;
  if (!filePath) return;
  const read = await host()
    .readVersion(filePath, version.versionId)
    .catch(() => ({ kind: 'missing' as const }));
  showVersionsDialog(false);
  if (read.kind !== 'read') {
    showMessage({ tone: 'error', title: 'That version could not be restored', summary: 'The saved copy is missing or damaged. Your workspace is unchanged.' });
    return;
  }
  const savedAt = TIME.format(new Date(version.savedAt));
  if (loadWorkspaceText(read.content, `${fileNameOf(filePath)} (saved ${savedAt})`, { kind: 'undoableReplace' })) {
    announce(`Restored the version saved ${savedAt}. Save to keep it; Undo takes it back.`);
  }
}
