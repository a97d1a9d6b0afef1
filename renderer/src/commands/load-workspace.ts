import { describeLoadError, describeOpenWarnings } from '@shared/document/describe-load';
import { parseWorkspace } from '@shared/document/parse';
import type { WorkspaceDocument } from '@shared/document/schema';
import { announce, loadWorkspace, showMessage, viewportNow } from '../store/editor-store';
import { edit } from './edits';

/*
 * The one way text becomes the open document. Opening a file, the sample, a workspace inside an exported PNG,
 * restoring a recovery draft and restoring a previous version all come here, so all of them word errors,
 * broken references, repeated keys and migrations the same way (describe-load.ts), and none of them touches
 * the open workspace when the text does not open.
 */

/** Where the text goes once it parses. */
export type LoadTarget =
  /** A new session (fresh undo history) belonging to `filePath`, or to no file (Save asks where). */
  | { readonly kind: 'session'; readonly filePath: string | null; readonly fitOnOpen: boolean; readonly unsaved?: boolean }
  /** The open workspace, replaced as one undoable step (Restore Previous Version); the view stays as it is. */
  | { readonly kind: 'undoableReplace' };

/**
 * Parses `text` (named `fileName` in messages) and puts it where `target` says. Returns the document, or null
 * when it did not open: the user has been told why, and nothing changed.
 */
export function loadWorkspaceText(text: string, fileName: string, target: LoadTarget): WorkspaceDocument | null {
  const parsed = parseWorkspace(text);
  if (!parsed.ok) {
    showMessage({ tone: 'error', ...describeLoadError(fileName, parsed.error) });
    return null;
  }
  if (target.kind === 'session') {
    // A file that does not say where its view was is fitted, so nothing starts hidden under the legend or filters.
    const fitOnOpen = target.fitOnOpen || !parsed.savedViewport;
    loadWorkspace(parsed.document, { filePath: target.filePath, fitOnOpen, unsaved: target.unsaved === true });
  } else {
    const viewport = viewportNow();
    edit('workspace.replace', { document: viewport ? { ...parsed.document, viewport } : parsed.document });
  }
  const warnings = describeOpenWarnings(fileName, parsed);
  if (warnings) showMessage({ tone: 'warning', ...warnings });
  else if (parsed.migratedFrom !== null) announce(`Opened a version ${parsed.migratedFrom} file; it will be saved in the current format.`);
  return parsed.document;
}
