import { bytesOverWorkspaceLimit } from '@shared/document/byte-size';
import { MAX_WORKSPACE_BYTES } from '@shared/document/format';
import { serializeWorkspace } from '@shared/document/serialize';
import type { OpenResult, SaveResult } from '@shared/host/channels';
import { safeFileName } from '@shared/host/file-names';
import { createWorkspace } from '@shared/operations/workspace';
import sampleText from '@shared/sample/organising-for-social.stakemap?raw';
import { workspaceFromTemplate, type TemplateId } from '@shared/templates/templates';
import { flowInstance } from '../canvas/flow-instance';
import { host } from '../host';
import { displayName } from './document-name';
import { discardCurrentDraft } from './recovery';
import { loadWorkspaceText } from './load-workspace';
import {
  announce,
  closeWorkspace,
  currentDocument,
  fileNameOf,
  isDirty,
  loadWorkspace,
  markSaved,
  showMessage,
  useEditor,
} from '../store/editor-store';

/*
 * File commands: New, Open, Open Recent, the sample, Save, Save As, Close. Reading and writing happen in the
 * main process; here we parse, serialize and tell the user what happened. Anything that would replace the
 * open workspace first asks about unsaved changes.
 */

/**
 * Asks Save / Don't Save / Cancel when the workspace has unsaved changes. Resolves true when it is fine to
 * replace or close the workspace (nothing unsaved, saved now, or the user chose Don't Save).
 */
export async function confirmUnsavedChanges(): Promise<boolean> {
  if (!isDirty(useEditor.getState().workspace)) return true;
  const choice = await host().askUnsavedChanges(displayName());
  if (choice === 'cancel') return false;
  if (choice === 'discard') {
    // Thrown away on purpose: the recovery draft must not come back at the next start.
    await discardCurrentDraft();
    return true;
  }
  return save();
}

export async function newWorkspace(): Promise<void> {
  if (!(await confirmUnsavedChanges())) return;
  loadWorkspace(createWorkspace('Untitled workspace', new Date()), { filePath: null, fitOnOpen: true });
}

/** New from template (the start view): a workspace ready for a workshop, or a blank one. Not saved yet. */
export async function newFromTemplate(id: TemplateId): Promise<void> {
  if (!(await confirmUnsavedChanges())) return;
  loadWorkspace(workspaceFromTemplate(id, new Date()), { filePath: null, fitOnOpen: true });
}

export async function openSample(): Promise<void> {
  if (!(await confirmUnsavedChanges())) return;
  openText(sampleText, { filePath: null, fileName: 'the sample workshop', fitOnOpen: true });
}

export async function openWithDialog(): Promise<void> {
  if (!(await confirmUnsavedChanges())) return;
  handleOpenResult(await host().openWorkspaceDialog());
}

/** Opens a known path: a recent workspace, or one the OS or the command line handed to the app. */
export async function openPath(filePath: string): Promise<void> {
  if (!(await confirmUnsavedChanges())) return;
  handleOpenResult(await host().openWorkspaceAt(filePath));
}

function handleOpenResult(result: OpenResult): void {
  switch (result.kind) {
    case 'canceled':
      return;
    case 'opened':
      // A workspace carried inside an exported PNG opens as a new, untitled workspace: saving must never write
      // JSON over the image, so Save asks where to put it.
      if (result.source === 'png') {
        openText(result.content, { filePath: null, fileName: fileNameOf(result.filePath), fitOnOpen: false });
        announce(`Opened the workspace inside ${fileNameOf(result.filePath)}. Save it to keep it as a workspace file.`);
      } else {
        openText(result.content, { filePath: result.filePath, fileName: fileNameOf(result.filePath), fitOnOpen: false });
      }
      return;
    case 'readFailed':
      showMessage({
        tone: 'error',
        title: `“${fileNameOf(result.filePath)}” could not be opened`,
        summary: `“${fileNameOf(result.filePath)}” could not be read: ${result.reason}`,
        details: [result.filePath],
      });
      return;
    case 'tooLarge':
      showMessage({
        tone: 'error',
        title: `“${fileNameOf(result.filePath)}” could not be opened`,
        summary: `“${fileNameOf(result.filePath)}” is ${formatMegabytes(result.size)}, more than the ${formatMegabytes(result.limit)} a workspace may have. It was not read.`,
        details: [result.filePath],
      });
      return;
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

function openText(text: string, where: { filePath: string | null; fileName: string; fitOnOpen: boolean }): void {
  // The open workspace (if any) stays as it was when the text does not open, and the file on disk is never touched.
  loadWorkspaceText(text, where.fileName, { kind: 'session', filePath: where.filePath, fitOnOpen: where.fitOnOpen });
}

/**
 * Saves to the workspace's file, or asks where (Save As) if it has none. Resolves true when saved. `overwrite`
 * replaces the file even though it changed on disk since it was opened (the user said so).
 */
export async function save(options: { overwrite?: boolean } = {}): Promise<boolean> {
  const ws = useEditor.getState().workspace;
  if (!ws) return false;
  if (!ws.filePath) return saveAs();
  const revision = ws.history.present.revision;
  const content = serializeWorkspace(documentToSave());
  if (refuseOversizedSave(content, fileNameOf(ws.filePath))) return false;
  return handleSaveResult(await host().saveWorkspace(ws.filePath, content, options.overwrite ? { overwrite: true } : {}), revision);
}

/** Replaces the open workspace with the file as it is on disk now, dropping the unsaved changes (asked first). */
async function reloadFromDisk(filePath: string): Promise<void> {
  await discardCurrentDraft();
  handleOpenResult(await host().openWorkspaceAt(filePath));
}

/** Asks for a file name and saves there; the workspace then belongs to that file. */
export async function saveAs(): Promise<boolean> {
  const state = useEditor.getState();
  const ws = state.workspace;
  if (!ws) return false;
  const revision = ws.history.present.revision;
  const doc = documentToSave();
  const suggested = ws.filePath ? fileNameOf(ws.filePath).replace(/\.(stakemap|json)$/i, '') : suggestFileName(doc.title);
  const content = serializeWorkspace(doc);
  if (refuseOversizedSave(content, displayName(state))) return false;
  return handleSaveResult(await host().saveWorkspaceAs(suggested, content), revision);
}

/**
 * A workspace over the size a workspace file may have is not sent to be saved: it would be written and then
 * refused when opened. Main checks the same limit again (the renderer is not trusted). True when refused.
 */
function refuseOversizedSave(content: string, name: string): boolean {
  const over = bytesOverWorkspaceLimit(content);
  if (over === 0) return false;
  showMessage({
    tone: 'error',
    title: `“${name}” could not be saved`,
    summary: `“${name}” would be ${formatMegabytes(MAX_WORKSPACE_BYTES + over)} as a file, more than the ${formatMegabytes(MAX_WORKSPACE_BYTES)} a workspace may have, so it was not saved: Stakemap could not open it again. Your changes are still here, unsaved; the file on disk was not changed.`,
    details: ['Long notes, descriptions or quotes take the most room: shorten some, or move them into a separate document.'],
  });
  return true;
}

function handleSaveResult(result: SaveResult, revision: number): boolean {
  switch (result.kind) {
    case 'saved':
      markSaved(revision, result.filePath);
      announce(`Saved to ${fileNameOf(result.filePath)}`);
      return true;
    case 'canceled':
      return false;
    case 'conflict': {
      const name = fileNameOf(result.filePath);
      const filePath = result.filePath;
      showMessage({
        tone: 'warning',
        title: `“${name}” changed on disk`,
        summary:
          result.change === 'deleted'
            ? `“${name}” was deleted or moved after you opened it. Nothing was saved yet: save it again there, or somewhere else.`
            : `Another program or person changed “${name}” after you opened or last saved it. Saving now would replace their changes. Nothing was saved yet.`,
        details: [filePath],
        actions: [
          { label: result.change === 'deleted' ? 'Save there again' : 'Overwrite', run: () => void save({ overwrite: true }) },
          { label: 'Save As…', run: () => void saveAs() },
          ...(result.change === 'deleted' ? [] : [{ label: 'Reload from disk (drop my changes)', run: () => void reloadFromDisk(filePath) }]),
        ],
      });
      return false;
    }
    case 'writeFailed': {
      // When the check after writing fails, the file may already hold the new version: do not claim otherwise.
      const maybeWritten = /^The file (on disk does not match|was written but)/.test(result.reason);
      showMessage({
        tone: 'error',
        title: `“${fileNameOf(result.filePath)}” could not be saved`,
        summary: `“${fileNameOf(result.filePath)}” could not be saved: ${result.reason} Your changes are still here, unsaved; ${
          maybeWritten ? 'check the file on disk, or use Save As to keep a copy elsewhere.' : 'the file on disk was not changed.'
        }`,
        details: [result.filePath],
        actions: [{ label: 'Save As…', run: () => void saveAs() }],
      });
      return false;
    }
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

/** The document as it will be written, with the view exactly as the user sees it now. */
function documentToSave() {
  const doc = currentDocument()!;
  const live = flowInstance()?.getViewport();
  return live ? { ...doc, viewport: { ...doc.viewport, x: live.x, y: live.y, zoom: live.zoom } } : doc;
}

/** File > Close: back to the start view, after asking about unsaved changes. */
export async function closeCurrentWorkspace(): Promise<void> {
  if (!useEditor.getState().workspace) return;
  if (!(await confirmUnsavedChanges())) return;
  closeWorkspace();
}

/** The window is closing or the app quitting with unsaved changes: ask, then let main close the window. */
export async function handleCloseRequest(): Promise<void> {
  if (await confirmUnsavedChanges()) await host().confirmClose();
}

/** A file name made from the workspace title, without characters file systems refuse. */
export function suggestFileName(title: string): string {
  // The same rules main applies to the name again (shared/host/file-names.ts).
  return safeFileName(title);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
