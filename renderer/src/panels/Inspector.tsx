import { MAX_SHORT_TEXT } from '@shared/document/format';
import '../styles/pinned.css';
import { Pin, Plus, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RELATIONSHIP_STATUSES, STAKEHOLDER_KINDS, type RelationshipStatus } from '@shared/document/format';
import type { Relationship, Stakeholder } from '@shared/document/schema';
import { STAKEHOLDER_KIND_LABELS } from '@shared/document/vocabulary';
import type { StakeholderPatch } from '@shared/operations/stakeholders';
import { KIND_ICONS, STATUS_ICONS } from '../canvas/icons';
import { RELATIONSHIP_STYLES } from '../canvas/relationship-styles';
import { deleteSelection, setSelectedRelationshipStatus } from '../commands/edit-commands';
import { edit } from '../commands/edits';
import { setSelection, useEditor, selectDocument, useDocument } from '../store/editor-store';
import { hasPerceptionGap } from '@shared/domain/perception-gaps';
import { unaddressedPainPointIds } from '@shared/domain/unaddressed';
import { addPainPointTo } from '../commands/pain-point-commands';
import { OtherSideFields } from './OtherSideFields';
import { PainPointEditor } from './PainPointEditor';
import { PainPointsSection } from './PainPointsSection';
import { RatingField } from './RatingField';
import { SolutionEditor } from './SolutionEditor';

/** Shows and edits what is selected: a stakeholder, a relationship, several items, or the workspace. */
export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const open = useEditor((s) => s.openItem);
  const total = selection.stakeholderIds.length + selection.relationshipIds.length;
  return (
    <aside className="inspector" aria-label="Inspector">
      {open?.type === 'painPoint' && <PainPointEditor key={open.id} id={open.id} />}
      {open?.type === 'solution' && <SolutionEditor key={open.id} id={open.id} />}
      {!open && total === 0 && <WorkspaceSummary />}
      {total === 1 && selection.stakeholderIds[0] && <StakeholderInspector id={selection.stakeholderIds[0]} />}
      {total === 1 && selection.relationshipIds[0] && <RelationshipInspector id={selection.relationshipIds[0]} />}
      {total > 1 && <MultiInspector stakeholders={selection.stakeholderIds.length} relationships={selection.relationshipIds.length} />}
    </aside>
  );
}

function WorkspaceSummary() {
  const doc = useDocument();
  // Memoized on the document: the unaddressed rule walks every solution.
  const counts = useMemo(
    () => ({
      stakeholders: doc?.stakeholders.length ?? 0,
      relationships: doc?.relationships.length ?? 0,
      problematic: doc?.relationships.filter((r) => r.status === 'problematic').length ?? 0,
      perceptionGaps: doc?.relationships.filter(hasPerceptionGap).length ?? 0,
      painPoints: doc?.painPoints.length ?? 0,
      unaddressed: doc ? unaddressedPainPointIds(doc).size : 0,
      solutions: doc?.solutions.length ?? 0,
    }),
    [doc],
  );
  return (
    <section aria-labelledby="inspector-heading">
      {/* Focus lands here when an editor closes (commands/navigate-commands.ts closeOpenItem). */}
      <h2 id="inspector-heading" className="panel-heading" tabIndex={-1}>
        Workspace
      </h2>
      <dl className="summary">
        <dt>Stakeholders</dt>
        <dd>{counts.stakeholders}</dd>
        <dt>Relationships</dt>
        <dd>{counts.relationships}</dd>
        <dt>Problematic</dt>
        <dd>{counts.problematic}</dd>
        {counts.perceptionGaps > 0 && (
          <>
            <dt>Perception gaps</dt>
            <dd>{counts.perceptionGaps}</dd>
          </>
        )}
        <dt>Pain points</dt>
        <dd>{counts.painPoints}</dd>
        <dt>Unaddressed</dt>
        <dd>{counts.unaddressed}</dd>
        <dt>Candidate solutions</dt>
        <dd>{counts.solutions}</dd>
      </dl>
      <p className="hint">
        Select a stakeholder or a relationship to edit it. Shift-drag on the map selects several. <kbd>P</kbd> adds a pain point to what is selected.
      </p>
      <PainPointsSection attachment={null} heading="Workspace-wide pain points" />
    </section>
  );
}

function StakeholderInspector({ id }: { id: string }) {
  const stakeholder = useEditor((s) => selectDocument(s)?.stakeholders.find((x) => x.id === id));
  if (!stakeholder) return null;
  const change = (field: keyof StakeholderPatch) => (value: StakeholderPatch[typeof field]) => edit('stakeholder.update', { id, patch: { [field]: value }, field });

  return (
    <section aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel-heading">Stakeholder</h2>
      <label className="field">
        <span className="field__label">Name</span>
        <input maxLength={MAX_SHORT_TEXT} value={stakeholder.name} onChange={(e) => change('name')(e.target.value)} />
      </label>
      <fieldset className="field segmented">
        <legend className="field__label">Kind</legend>
        {STAKEHOLDER_KINDS.map((kind) => {
          const Icon = KIND_ICONS[kind];
          return (
            <label key={kind} className="segmented__option">
              <input type="radio" name={`kind-${id}`} checked={stakeholder.kind === kind} onChange={() => change('kind')(kind)} />
              <Icon size={15} aria-hidden="true" />
              <span>{STAKEHOLDER_KIND_LABELS[kind]}</span>
            </label>
          );
        })}
      </fieldset>
      <div className="field-row">
        <RatingField label="Influence" value={stakeholder.influence} onChange={change('influence')} />
        <RatingField label="Interest" value={stakeholder.interest} onChange={change('interest')} />
      </div>
      <div className="pin-toggle">
        <label className="pin-toggle__control">
          {/* One click, one undo step: a toggle is not typing, so it does not merge with the edits around it. */}
          <input
            type="checkbox"
            checked={stakeholder.pinned === true}
            aria-describedby={`pin-hint-${id}`}
            onChange={(e) => edit('stakeholder.update', { id, patch: { pinned: e.target.checked } })}
          />
          <Pin size={15} aria-hidden="true" />
          <span>Pinned</span>
        </label>
        <p id={`pin-hint-${id}`} className="hint pin-toggle__hint">
          Tidy layout leaves it where it is.
        </p>
      </div>
      <label className="field">
        <span className="field__label">Owner</span>
        <input maxLength={MAX_SHORT_TEXT} value={stakeholder.owner} placeholder="Who on our side looks after this" onChange={(e) => change('owner')(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Notes</span>
        <textarea rows={5} value={stakeholder.notes} onChange={(e) => change('notes')(e.target.value)} />
      </label>
      <PainPointsSection attachment={{ type: 'stakeholder', id }} heading="Pain points" />
      <RelationshipsOf stakeholder={stakeholder} />
      <button type="button" className="button button--danger" onClick={deleteSelection}>
        <Trash2 size={16} aria-hidden="true" /> Delete stakeholder
      </button>
    </section>
  );
}

/** The stakeholder's relationships, worst first, so the facilitator sees what hurts. */
function RelationshipsOf({ stakeholder }: { stakeholder: Stakeholder }) {
  const { relationships, stakeholders } = useEditor(
    useShallow((s) => ({ relationships: selectDocument(s)?.relationships, stakeholders: selectDocument(s)?.stakeholders })),
  );
  const rows = useMemo(() => {
    const names = new Map((stakeholders ?? []).map((x) => [x.id, x.name]));
    const severity = (status: RelationshipStatus) => -RELATIONSHIP_STATUSES.indexOf(status);
    return (relationships ?? [])
      .filter((r) => r.source === stakeholder.id || r.target === stakeholder.id)
      .map((r) => ({ id: r.id, status: r.status, other: names.get(r.source === stakeholder.id ? r.target : r.source) ?? '?' }))
      .sort((a, b) => severity(a.status) - severity(b.status) || a.other.localeCompare(b.other));
  }, [relationships, stakeholders, stakeholder.id]);

  if (rows.length === 0) return <p className="hint">No relationships yet: drag from a dot on its edge to another stakeholder.</p>;
  return (
    <div className="field">
      <span className="field__label">Relationships</span>
      <ul className="relationship-list">
        {rows.map((row) => {
          const Icon = STATUS_ICONS[row.status];
          return (
            <li key={row.id} className={`status-${row.status}`}>
              <button type="button" className="link-button" onClick={() => setSelection({ relationshipIds: [row.id] })}>
                {Icon && <Icon size={14} aria-hidden="true" />} {row.other}: {RELATIONSHIP_STYLES[row.status].label.toLowerCase()}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function RelationshipInspector({ id }: { id: string }) {
  const data = useEditor(
    useShallow((s) => {
      const doc = selectDocument(s);
      const relationship = doc?.relationships.find((r) => r.id === id);
      if (!doc || !relationship) return null;
      const name = (sid: string) => doc.stakeholders.find((x) => x.id === sid)?.name ?? sid;
      return { relationship, sourceName: name(relationship.source), targetName: name(relationship.target) };
    }),
  );
  if (!data) return null;
  const { relationship } = data;
  const change = (field: 'label' | 'notes') => (value: string) => edit('relationship.update', { id, patch: { [field]: value }, field });

  return (
    <section aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel-heading">Relationship</h2>
      <p className="inspector__between">
        {data.sourceName} <span aria-label="and">↔</span> {data.targetName}
      </p>
      <StatusPicker name={`status-${id}`} value={relationship.status} onChange={(status) => edit('relationship.update', { id, patch: { status } })} />
      <label className="field">
        <span className="field__label">Label</span>
        <input maxLength={MAX_SHORT_TEXT} value={relationship.label} placeholder="What flows, e.g. post approvals" onChange={(e) => change('label')(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Notes</span>
        <textarea rows={5} value={relationship.notes} onChange={(e) => change('notes')(e.target.value)} />
      </label>
      <OtherSideFields relationship={relationship} sourceName={data.sourceName} targetName={data.targetName} />
      <PainPointsSection attachment={{ type: 'relationship', id }} heading="Pain points" />
      <button type="button" className="button button--danger" onClick={deleteSelection}>
        <Trash2 size={16} aria-hidden="true" /> Delete relationship
      </button>
    </section>
  );
}

/** One click sets a status. Each option shows its line mark and word, as on the map and in the legend. */
function StatusPicker({ name, value, onChange }: { name: string; value: Relationship['status'] | null; onChange: (s: RelationshipStatus) => void }) {
  return (
    <fieldset className="field segmented segmented--status">
      <legend className="field__label">Status</legend>
      {RELATIONSHIP_STATUSES.map((status) => {
        const Icon = STATUS_ICONS[status];
        return (
          <label key={status} className={`segmented__option status-${status}`}>
            <input type="radio" name={name} checked={value === status} onChange={() => onChange(status)} />
            {Icon && <Icon size={15} aria-hidden="true" />}
            <span>{RELATIONSHIP_STYLES[status].label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function MultiInspector({ stakeholders, relationships }: { stakeholders: number; relationships: number }) {
  const parts = [stakeholders && `${stakeholders} stakeholder${stakeholders === 1 ? '' : 's'}`, relationships && `${relationships} relationship${relationships === 1 ? '' : 's'}`].filter(Boolean);
  return (
    <section aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel-heading">{parts.join(' and ')} selected</h2>
      {relationships > 0 && (
        <StatusPicker name="status-multi" value={null} onChange={setSelectedRelationshipStatus} />
      )}
      <button type="button" className="button button--small" onClick={() => addPainPointTo()}>
        <Plus size={15} aria-hidden="true" /> Add pain point to all of them
      </button>
      <button type="button" className="button button--danger" onClick={deleteSelection}>
        <Trash2 size={16} aria-hidden="true" /> Delete selected
      </button>
    </section>
  );
}
