import { RELATIONSHIP_STATUSES, type RelationshipStatus } from '@shared/document/format';
import type { Relationship } from '@shared/document/schema';
import { RELATIONSHIP_STATUS_LABELS } from '@shared/document/vocabulary';
import { describePerceptionGap, theirDifferingStatus } from '@shared/domain/perception-gaps';
import { edit } from '../commands/edits';

/** The select's value for "the other side has not been asked". */
const NOT_RECORDED = '';

/**
 * How the other side of a relationship sees it: their status (or "Not recorded") and a note in their words.
 * The relationship's own status is its source side's view; where the two differ, the gap is said in words here
 * as it is drawn on the line (split) and listed under "Perception gaps".
 */
export function OtherSideFields({ relationship, sourceName, targetName }: { relationship: Relationship; sourceName: string; targetName: string }) {
  const { id, otherSide } = relationship;
  const theirs = theirDifferingStatus(relationship);
  const setStatus = (value: string) =>
    edit('relationship.otherSide', { id, otherSide: value === NOT_RECORDED ? null : { status: value as RelationshipStatus } });
  return (
    <fieldset className="field other-side">
      <legend className="field__label">How {targetName} sees it</legend>
      <label className="field">
        <span className="field__label">Their status</span>
        <select value={otherSide?.status ?? NOT_RECORDED} onChange={(e) => setStatus(e.target.value)}>
          <option value={NOT_RECORDED}>Not recorded</option>
          {RELATIONSHIP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {RELATIONSHIP_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      {otherSide ? (
        <label className="field">
          <span className="field__label">Their note</span>
          <textarea
            rows={3}
            value={otherSide.notes}
            placeholder={`In ${targetName}'s words`}
            onChange={(e) => edit('relationship.otherSide', { id, otherSide: { notes: e.target.value }, field: 'notes' })}
          />
        </label>
      ) : (
        <p className="hint">The status above is how {sourceName} sees it. Ask {targetName} and record their view.</p>
      )}
      {theirs !== null && (
        <p className="other-side__gap">
          <strong>Perception gap:</strong> {describePerceptionGap({ sourceName, targetName, ours: relationship.status, theirs })}
        </p>
      )}
    </fieldset>
  );
}
