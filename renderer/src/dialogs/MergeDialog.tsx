import { Merge } from 'lucide-react';
import { useMemo } from 'react';
import type { WorkspaceDocument } from '@shared/document/schema';
import { RELATIONSHIP_STATUS_LABELS } from '@shared/document/vocabulary';
import { stakeholderName } from '@shared/domain/pain-point-index';
import { planMerge, type MergeDecisions, type MergePlan } from '@shared/merge/merge-plan';
import { cancelMerge, confirmMerge } from '../commands/merge-commands';
import { useDocument } from '../store/editor-store';
import { updateMergeDecisions, useMerge } from '../store/merge-store';
import { useModal } from './use-modal';
import { whenClosed } from './when-closed';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function nameIn(doc: WorkspaceDocument, id: string): string {
  const s = doc.stakeholders.find((x) => x.id === id);
  return s ? stakeholderName(s.name) : id;
}

function titleIn(doc: WorkspaceDocument, id: string): string {
  return doc.painPoints.find((p) => p.id === id)?.title ?? id;
}

const hasPair = (pairs: readonly (readonly [string, string])[] | undefined, a: string, b: string) => (pairs ?? []).some(([x, y]) => x === a && y === b);

const toggled = (pairs: readonly (readonly [string, string])[] | undefined, a: string, b: string, on: boolean) =>
  on ? [...(pairs ?? []).filter(([x]) => x !== a), [a, b] as const] : (pairs ?? []).filter(([x, y]) => !(x === a && y === b));

/**
 * File > Merge Workspace…: a preview of what merging a breakout group's map would do, before anything changes.
 * Stakeholders with the same name (case, accents and spacing aside) are matched; likely aliases ("PR" and "Press
 * office") and likely duplicate pain points are offered to confirm; relationships whose statuses differ are
 * listed for a decision (ours by default). Merge does it all as one undo step.
 */
export function MergeDialog() {
  const session = useMerge((s) => s.session);
  const current = useDocument();
  const dialog = useModal(session !== null);
  const plan = useMemo(() => (session && current ? planMerge(current, session.incoming, session.decisions) : null), [session, current]);


  return (
    <dialog ref={dialog} className="export-dialog merge-dialog" aria-labelledby="merge-title" onClose={whenClosed(cancelMerge)}>
      <h2 id="merge-title" className="export-dialog__title">
        <Merge size={20} aria-hidden="true" /> Merge workspace
      </h2>
      {session && current && plan && <MergePreview fileName={session.fileName} current={current} incoming={session.incoming} plan={plan} decisions={session.decisions} />}
      <div className="message-dialog__actions">
        <button type="button" className="button" onClick={cancelMerge}>
          Cancel
        </button>
        <button type="button" className="button button--primary" disabled={!plan || plan.counts.changes === 0} onClick={confirmMerge}>
          Merge
        </button>
      </div>
    </dialog>
  );
}

function MergePreview({ fileName, current, incoming, plan, decisions }: { fileName: string; current: WorkspaceDocument; incoming: WorkspaceDocument; plan: MergePlan; decisions: MergeDecisions }) {
  const { counts } = plan;
  const aliasSuggestions = plan.suggestions.aliases;
  const confirmedAliases = decisions.aliases ?? [];
  // The incoming stakeholders no name matches (an alias confirmed keeps its row, so it can be taken back), and the
  // current stakeholders one may be confirmed as: those no incoming one matched by name.
  const matchedByName = plan.stakeholders.matched.filter((m) => m.by === 'name');
  const unmatched = incoming.stakeholders.map((s) => s.id).filter((id) => !matchedByName.some((m) => m.incomingId === id));
  const aliasTargets = current.stakeholders.map((s) => s.id).filter((id) => !matchedByName.some((m) => m.currentId === id));
  const duplicateRows = [
    ...plan.painPoints.merged.map((m) => ({ incomingId: m.incomingId, currentId: m.currentId })),
    ...plan.suggestions.duplicates.filter((d) => !plan.painPoints.merged.some((m) => m.incomingId === d.incomingId)),
  ];
  return (
    <div className="merge-preview">
      <p>
        Merging <strong>“{fileName}”</strong> into this map. Nothing changes until you choose Merge; Undo takes the whole merge back.
      </p>
      <ul className="merge-preview__summary" aria-label="What the merge does">
        <li>
          Stakeholders: {plural(counts.stakeholdersMatched, 'matched', 'matched')}, {counts.stakeholdersAdded} new
        </li>
        <li>
          Relationships: {counts.relationshipsAdded} new, {counts.relationshipsUnited} already on the map
          {counts.statusConflicts > 0 ? `, ${plural(counts.statusConflicts, 'status to decide', 'statuses to decide')}` : ''}
        </li>
        <li>
          Pain points: {counts.painPointsAdded} new, {counts.painPointsMerged} merged with a duplicate
        </li>
        <li>
          Categories: {counts.categoriesMapped} matched, {counts.categoriesAdded} new · Solutions: {counts.solutionsAdded} new
        </li>
        {(counts.participantsNotMerged > 0 || counts.ballotsNotMerged > 0) && (
          <li>Participants and their votes stay with their own room: {plural(counts.participantsNotMerged, 'participant')} not merged.</li>
        )}
      </ul>

      {plan.relationships.conflicts.length > 0 && (
        <fieldset className="field merge-preview__group">
          <legend className="field__label">Statuses that differ</legend>
          {plan.relationships.conflicts.map((c) => (
            <div key={c.key} role="radiogroup" aria-label={`${c.sourceName} – ${c.targetName}`} className="merge-preview__conflict">
              <span className="merge-preview__between">
                {c.sourceName} – {c.targetName}
              </span>
              {(['ours', 'theirs'] as const).map((choice) => (
                <label key={choice} className="merge-preview__choice">
                  <input
                    type="radio"
                    name={`conflict-${c.key}`}
                    checked={c.choice === choice}
                    onChange={() => updateMergeDecisions((d) => ({ ...d, statusChoices: { ...d.statusChoices, [c.key]: choice } }))}
                  />
                  {choice === 'ours' ? `Keep ours: ${RELATIONSHIP_STATUS_LABELS[c.ours]}` : `Take theirs: ${RELATIONSHIP_STATUS_LABELS[c.theirs]}`}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      )}

      {duplicateRows.length > 0 && (
        <fieldset className="field merge-preview__group">
          <legend className="field__label">Likely duplicate pain points</legend>
          {duplicateRows.map(({ incomingId, currentId }) => (
            <label key={`${incomingId}:${currentId}`} className="merge-preview__choice">
              <input
                type="checkbox"
                checked={hasPair(decisions.duplicates, incomingId, currentId)}
                onChange={(e) => updateMergeDecisions((d) => ({ ...d, duplicates: toggled(d.duplicates, incomingId, currentId, e.target.checked) }))}
              />
              “{titleIn(incoming, incomingId)}” is “{titleIn(current, currentId)}”
            </label>
          ))}
        </fieldset>
      )}

      {unmatched.length > 0 && (
        <fieldset className="field merge-preview__group">
          <legend className="field__label">Not on this map by name: new, or the same stakeholder under another name?</legend>
          {unmatched.map((incomingId) => {
            const suggested = aliasSuggestions.filter((a) => a.incomingId === incomingId).map((a) => a.currentId);
            const others = aliasTargets.filter((id) => !suggested.includes(id));
            const chosen = confirmedAliases.find(([x]) => x === incomingId)?.[1] ?? '';
            return (
              <label key={incomingId} className="merge-preview__alias">
                <span>“{nameIn(incoming, incomingId)}” is</span>
                <select
                  value={chosen}
                  onChange={(e) => {
                    const currentId = e.target.value;
                    updateMergeDecisions((d) => ({ ...d, aliases: [...(d.aliases ?? []).filter(([x]) => x !== incomingId), ...(currentId ? [[incomingId, currentId] as const] : [])] }));
                  }}
                >
                  <option value="">a new stakeholder</option>
                  {suggested.map((id) => (
                    <option key={id} value={id}>
                      {nameIn(current, id)} (likely)
                    </option>
                  ))}
                  {others.map((id) => (
                    <option key={id} value={id}>
                      {nameIn(current, id)}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
        </fieldset>
      )}

      {plan.stakeholders.matched.length > 0 && (
        <section className="merge-preview__group" aria-labelledby="merge-matched-stakeholders">
          <h3 id="merge-matched-stakeholders" className="field__label">
            Already on this map ({plan.stakeholders.matched.length})
          </h3>
          <p className="merge-preview__names">
            {plan.stakeholders.matched
              .map((m) => (m.incomingName.trim() === m.name.trim() ? stakeholderName(m.name) : `${stakeholderName(m.name)} (“${m.incomingName.trim()}”)`))
              .join(', ')}
          </p>
        </section>
      )}
      {plan.stakeholders.added.length > 0 && (
        <section className="merge-preview__group" aria-labelledby="merge-new-stakeholders">
          <h3 id="merge-new-stakeholders" className="field__label">
            New stakeholders ({plan.stakeholders.added.length})
          </h3>
          <p className="merge-preview__names">{plan.stakeholders.added.map((a) => stakeholderName(a.item.name)).join(', ')}</p>
        </section>
      )}
    </div>
  );
}
