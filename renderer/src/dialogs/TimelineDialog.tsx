import { History } from 'lucide-react';
import { useState } from 'react';
import type { Snapshot } from '@shared/document/schema';
import { edit } from '../commands/edits';
import { compare, compareWithFile, openSnapshot, restoreSnapshotNow, takeSnapshotNow } from '../commands/snapshot-commands';
import { useDocument } from '../store/editor-store';
import { showTimeline, useReview, type ReviewSide } from '../store/review-store';
import { useModal } from './use-modal';
import { whenClosed } from './when-closed';

const TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
/** The Compare choice that stands for the workspace as it is now. */
const NOW = 'now';

const sideOf = (value: string): ReviewSide => (value === NOW ? { kind: 'now' } : { kind: 'snapshot', id: value });

function facts(snapshot: Snapshot): string {
  const { stakeholders, relationships, painPoints } = snapshot.state;
  const problematic = relationships.filter((r) => r.status === 'problematic').length;
  return `${stakeholders.length} stakeholders, ${relationships.length} relationships (${problematic} problematic), ${painPoints.length} pain points`;
}

/**
 * View > Timeline…: the workspace's snapshots, oldest first, each to open read-only, compare with now, restore
 * (one undo step), rename or delete; and a comparison of any two states, or of this workspace with another file.
 */
export function TimelineDialog() {
  const open = useReview((s) => s.timelineOpen);
  const doc = useDocument();
  const dialog = useModal(open);
  const snapshots = doc?.snapshots ?? [];
  const [before, setBefore] = useState<string>('');
  const [after, setAfter] = useState<string>(NOW);


  // "Before" starts at the newest snapshot: "what changed since the last snapshot" is the common question.
  const beforeValue = before && (before === NOW || snapshots.some((s) => s.id === before)) ? before : (snapshots.at(-1)?.id ?? NOW);
  const afterValue = after === NOW || snapshots.some((s) => s.id === after) ? after : NOW;
  const options = [
    ...snapshots.map((s) => (
      <option key={s.id} value={s.id}>
        {s.name} ({TIME.format(new Date(s.takenAt))})
      </option>
    )),
    <option key={NOW} value={NOW}>
      This workspace now
    </option>,
  ];

  return (
    <dialog ref={dialog} className="export-dialog timeline-dialog" aria-labelledby="timeline-title" onClose={whenClosed(() => showTimeline(false))}>
      <h2 id="timeline-title" className="export-dialog__title">
        <History size={20} aria-hidden="true" /> Timeline
      </h2>
      {open && (
        <>
          {snapshots.length === 0 ? (
            <p className="hint">No snapshots yet. Take one before the room changes the map, and again after, to see what changed.</p>
          ) : (
            <ol className="timeline-list" aria-label="Snapshots">
              {snapshots.map((s) => (
                <li key={s.id} className="timeline-list__item">
                  <input
                    className="timeline-list__name"
                    aria-label={`Name of the snapshot taken ${TIME.format(new Date(s.takenAt))}`}
                    value={s.name}
                    maxLength={10_000}
                    onChange={(e) => edit('snapshot.rename', { id: s.id, name: e.target.value, field: 'name' })}
                  />
                  <span className="timeline-list__facts">
                    <time dateTime={s.takenAt}>{TIME.format(new Date(s.takenAt))}</time> · {facts(s)}
                  </span>
                  <span className="timeline-list__actions">
                    <button type="button" className="button button--small" aria-label={`Open “${s.name}” read-only`} onClick={() => openSnapshot(s.id)}>
                      Open
                    </button>
                    <button type="button" className="button button--small" aria-label={`Compare “${s.name}” with now`} onClick={() => compare({ kind: 'snapshot', id: s.id }, { kind: 'now' })}>
                      Compare with now
                    </button>
                    <button type="button" className="button button--small" aria-label={`Restore “${s.name}”`} onClick={() => restoreSnapshotNow(s.id)}>
                      Restore
                    </button>
                    <button type="button" className="button button--small button--danger" aria-label={`Delete “${s.name}”`} onClick={() => edit('snapshot.delete', { id: s.id })}>
                      Delete
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          <fieldset className="field timeline-compare">
            <legend className="field__label">Compare two states of the map</legend>
            <label className="field">
              <span className="field__label">Before</span>
              <select value={beforeValue} onChange={(e) => setBefore(e.target.value)}>
                {options}
              </select>
            </label>
            <label className="field">
              <span className="field__label">After</span>
              <select value={afterValue} onChange={(e) => setAfter(e.target.value)}>
                {options}
              </select>
            </label>
            <button type="button" className="button" disabled={beforeValue === afterValue} onClick={() => compare(sideOf(beforeValue), sideOf(afterValue))}>
              Compare
            </button>
          </fieldset>
        </>
      )}
      <div className="message-dialog__actions">
        <button type="button" className="button" onClick={() => void compareWithFile()}>
          Compare with another file…
        </button>
        <button type="button" className="button" onClick={takeSnapshotNow}>
          Take a snapshot now
        </button>
        <button type="button" className="button button--primary" onClick={() => showTimeline(false)}>
          Close
        </button>
      </div>
    </dialog>
  );
}
