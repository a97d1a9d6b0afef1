import { History } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { SavedVersionInfo as Version } from '@shared/host/channels';
import { listPreviousVersions, restorePreviousVersion } from '../commands/host-commands';
import { fileNameOf, showVersionsDialog, useEditor, useUi } from '../store/editor-store';
import { whenClosed } from './when-closed';

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * File > Restore Previous Version…: the last saved versions of this workspace, kept in the app's own data
 * folder. Restoring one replaces the map as one undoable step; the file on disk changes only when you save.
 */
export function VersionsDialog() {
  const open = useUi((s) => s.versionsOpen);
  const filePath = useEditor((s) => s.workspace?.filePath ?? null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [versions, setVersions] = useState<Version[] | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      setVersions(null);
      void listPreviousVersions().then(setVersions);
    }
    if (!open && el.open) el.close();
  }, [open, filePath]);


  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="versions-title" onClose={whenClosed(() => showVersionsDialog(false))}>
      <h2 id="versions-title" className="export-dialog__title">
        <History size={20} aria-hidden="true" /> Restore previous version
      </h2>
      {open && !filePath && <p>This workspace has not been saved to a file yet, so there are no earlier versions.</p>}
      {open && filePath && versions === null && <p role="status">Looking for saved versions…</p>}
      {open && filePath && versions?.length === 0 && <p>No earlier versions of “{fileNameOf(filePath)}” are kept yet. Each save keeps one (the last 10).</p>}
      {open && filePath && versions && versions.length > 0 && (
        <>
          <p className="hint">The last saved versions of “{fileNameOf(filePath)}”, newest first, kept in Stakemap's own data folder.</p>
          <ul className="recent-list">
            {versions.map((v) => (
              <li key={v.versionId} className="recent-list__item">
                <button type="button" className="recent-list__open" onClick={() => void restorePreviousVersion(v)} aria-label={`Restore the version saved ${TIME.format(new Date(v.savedAt))}`}>
                  <span className="recent-list__name">{TIME.format(new Date(v.savedAt))}</span>
                  <span className="recent-list__path">{(v.size / 1024).toFixed(1)} KB</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="message-dialog__actions">
        <button type="button" className="button" onClick={() => showVersionsDialog(false)}>
          Close
        </button>
      </div>
    </dialog>
  );
}
