import { MAX_SHORT_TEXT } from '@shared/document/format';
import { MessageSquareWarning, Trash2, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { SOLUTION_STATUSES } from '@shared/document/format';
import { isDueDatePatch } from '@shared/operations/solutions';
import { deleteItem, takeFreshItem } from '../commands/pain-point-commands';
import { edit, type EditArgs } from '../commands/edits';
import { openItem, useDocument } from '../store/editor-store';
import { EditorHeading } from './EditorHeading';
import { RatingField } from './RatingField';
import { SOLUTION_STATUS_INFO } from './solution-status';

/**
 * Edits one candidate solution: what it is, its status, owner, due date, impact, effort and the pain points it
 * addresses.
 */
export function SolutionEditor({ id }: { id: string }) {
  const doc = useDocument();
  const solution = doc?.solutions.find((s) => s.id === id);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (takeFreshItem(id)) {
      titleRef.current?.focus();
      titleRef.current?.select();
    }
  }, [id]);

  if (!doc || !solution) return null;
  const change = (patch: EditArgs<'solution.update'>['patch'], field?: string) => edit('solution.update', { id, patch, ...(field ? { field } : {}) });
  const addressed = solution.addresses.map((pid) => ({ id: pid, painPoint: doc.painPoints.find((p) => p.id === pid) }));
  const others = doc.painPoints.filter((p) => !solution.addresses.includes(p.id));

  return (
    <section aria-labelledby="inspector-heading" className="item-editor">
      <EditorHeading>Candidate solution</EditorHeading>
      <label className="field">
        <span className="field__label">Title</span>
        <input ref={titleRef} maxLength={MAX_SHORT_TEXT} value={solution.title} onChange={(e) => change({ title: e.target.value }, 'title')} />
      </label>
      <fieldset className="field segmented segmented--solution">
        <legend className="field__label">Status</legend>
        {SOLUTION_STATUSES.map((status) => {
          const { label, Icon } = SOLUTION_STATUS_INFO[status];
          return (
            <label key={status} className={`segmented__option status-${status}`}>
              <input type="radio" name={`solution-status-${id}`} checked={solution.status === status} onChange={() => change({ status })} />
              <Icon size={15} aria-hidden="true" />
              <span>{label}</span>
            </label>
          );
        })}
      </fieldset>
      <label className="field">
        <span className="field__label">Owner</span>
        <input maxLength={MAX_SHORT_TEXT} value={solution.owner} placeholder="Who takes it forward" onChange={(e) => change({ owner: e.target.value }, 'owner')} />
      </label>
      <label className="field">
        <span className="field__label">Due date</span>
        <input
          type="date"
          className="solution-due-date"
          // Four-digit years only: the format's dates are "YYYY-MM-DD", and Chromium would accept a six-digit year.
          min="1000-01-01"
          max="9999-12-31"
          value={solution.dueDate ?? ''}
          onChange={(e) => {
            // Empty while a part of the date is cleared or the whole date is: no date. A value the format cannot
            // hold is not sent (the edit's arguments would refuse it).
            const value = e.target.value === '' ? null : e.target.value;
            if (isDueDatePatch(value)) change({ dueDate: value }, 'dueDate');
          }}
        />
      </label>
      <div className="field-row">
        <RatingField label="Impact" value={solution.impact} onChange={(impact) => change({ impact })} />
        <RatingField label="Effort" value={solution.effort} onChange={(effort) => change({ effort })} />
      </div>
      <label className="field">
        <span className="field__label">Description</span>
        <textarea rows={3} value={solution.description} onChange={(e) => change({ description: e.target.value }, 'description')} />
      </label>
      <div className="field">
        <span className="field__label">Addresses ({addressed.length})</span>
        {addressed.length === 0 && <p className="hint">No pain point yet: pick the ones this would ease.</p>}
        <ul className="linked-list">
          {addressed.map(({ id: pid, painPoint }) => (
            <li key={pid} className="linked-list__item">
              {painPoint ? (
                <button type="button" className="linked-row" onClick={() => openItem({ type: 'painPoint', id: pid })}>
                  <MessageSquareWarning size={15} aria-hidden="true" />
                  <span className="linked-row__title">{painPoint.title || 'Untitled pain point'}</span>
                </button>
              ) : (
                <span className="linked-row is-missing">Missing pain point “{pid}”</span>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={`Stop addressing ${painPoint?.title ?? pid}`}
                title="Remove from this solution"
                onClick={() => edit('solution.unaddress', { id, painPointId: pid })}
              >
                <X size={15} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
        {others.length > 0 && (
          <select
            aria-label="Also addresses"
            value=""
            onChange={(e) => {
              if (e.target.value) edit('solution.address', { id, painPointId: e.target.value });
            }}
          >
            <option value="">Also addresses…</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title || 'Untitled pain point'}
              </option>
            ))}
          </select>
        )}
      </div>
      <button type="button" className="button button--danger" onClick={() => deleteItem({ type: 'solution', id })}>
        <Trash2 size={16} aria-hidden="true" /> Delete solution
      </button>
    </section>
  );
}
