import { History, RotateCcw, Trash2 } from 'lucide-react';
import { discardDraft, restoreDraft } from '../commands/restore-draft';
import { useUi } from '../store/editor-store';

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Unsaved work left behind by a crash or a power cut: each draft can be restored or discarded. */
export function RecoverySection() {
  const drafts = useUi((s) => s.recoveryDrafts);
  if (drafts.length === 0) return null;
  return (
    <section className="recovery" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">
        <History size={20} aria-hidden="true" /> Unsaved work from last time
      </h2>
      <p className="hint">Stakemap stopped before this work was saved. Restore it to keep it, or discard it.</p>
      <ul className="recovery__list">
        {drafts.map((draft) => (
          <li key={draft.draftId} className="recovery__item" aria-label={draft.title}>
            <span className="recovery__text">
              <span className="recovery__name">{draft.title}</span>
              <span className="recovery__meta">
                {TIME.format(new Date(draft.savedAt))} · {draft.filePath ? `belongs to ${draft.filePath}` : 'never saved to a file'}
              </span>
            </span>
            <button type="button" className="button button--primary" onClick={() => void restoreDraft(draft.draftId)} aria-label={`Restore ${draft.title}`}>
              <RotateCcw size={16} aria-hidden="true" /> Restore
            </button>
            <button type="button" className="button" onClick={() => void discardDraft(draft.draftId)} aria-label={`Discard ${draft.title}`}>
              <Trash2 size={16} aria-hidden="true" /> Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
