import { MAX_SHORT_TEXT } from '@shared/document/format';
import { Check, Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '@shared/document/format';
import { STAKEHOLDER_KIND_LABELS } from '@shared/document/vocabulary';
import { TYPICAL_FUNCTIONS } from '@shared/domain/typical-functions';
import { addStakeholderNamed } from '../commands/edit-commands';
import { KIND_ICONS } from '../canvas/icons';
import { useEditor, selectDocument } from '../store/editor-store';

/** Adds stakeholders: by name, or with one click from the functions a social team typically works with. */
export function Palette() {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StakeholderKind>('department');
  // Names on the map, lower-cased, to mark palette entries already placed. The stakeholders array is selected, not
  // a list made from it, so a drag frame (which changes the store but not the document) costs nothing here, even
  // on a map of 10,000 (a mapped list compared entry by entry was 5 % of a drag there).
  const stakeholders = useEditor((s) => selectDocument(s)?.stakeholders);
  const onMap = useMemo(() => new Set(stakeholders?.map((x) => x.name.trim().toLowerCase())), [stakeholders]);

  return (
    <aside className="palette" aria-label="Add stakeholders">
      <form
        className="palette__form"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = name.trim();
          if (!trimmed) return;
          addStakeholderNamed(trimmed, kind);
          setName('');
        }}
      >
        <h2 className="panel-heading">Add by name</h2>
        <label className="field">
          <span className="field__label">Stakeholder name</span>
          <input maxLength={MAX_SHORT_TEXT} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Investor relations" />
        </label>
        <label className="field">
          <span className="field__label">Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as StakeholderKind)}>
            {STAKEHOLDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {STAKEHOLDER_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={!name.trim()}>
          <Plus size={16} aria-hidden="true" /> Add stakeholder
        </button>
      </form>
      <h2 className="panel-heading">Typical functions</h2>
      <ul className="palette__list">
        {TYPICAL_FUNCTIONS.map((fn) => {
          const Icon = KIND_ICONS[fn.kind];
          const placed = onMap.has(fn.name.toLowerCase());
          return (
            <li key={fn.name}>
              <button
                type="button"
                className={`palette__item kind-${fn.kind}${placed ? ' is-placed' : ''}`}
                aria-label={`Add ${fn.name}${placed ? ' (already on the map)' : ''}`}
                onClick={() => addStakeholderNamed(fn.name, fn.kind)}
              >
                <Icon size={16} aria-hidden="true" />
                <span>{fn.name}</span>
                {placed && (
                  <span className="palette__placed" title="Already on the map" aria-hidden="true">
                    <Check size={15} strokeWidth={3} />
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
