import { nudgeScores, QUADRANTS, quadrantOf, gridScoresOf, type GridScores } from '@shared/domain/power-interest-grid';
import { announce, documentNow, setSelection } from '../store/editor-store';
import { edit } from './edits';

/*
 * The power/interest grid's commands: placing a stakeholder on the grid sets its influence and interest (one
 * undo step, whatever the gesture: a drop or an arrow key), and taking it off (into the tray) clears both.
 */

/** Sets both scores (or clears both with null), selects the stakeholder and says where it went. */
export function setGridScores(id: string, scores: GridScores | null): boolean {
  const doc = documentNow();
  const stakeholder = doc?.stakeholders.find((s) => s.id === id);
  if (!stakeholder) return false;
  const before = gridScoresOf(stakeholder);
  if (scores && before && before.influence === scores.influence && before.interest === scores.interest) return false;
  if (!scores && stakeholder.influence === undefined && stakeholder.interest === undefined) return false;
  const changed = edit('stakeholder.update', {
    id,
    patch: scores ? { influence: scores.influence, interest: scores.interest } : { influence: null, interest: null },
  });
  if (!changed) return false;
  setSelection({ stakeholderIds: [id] });
  const name = stakeholder.name.trim() || 'Unnamed stakeholder';
  announce(
    scores
      ? `${name}: influence ${scores.influence}, interest ${scores.interest} (${QUADRANTS[quadrantOf(scores)].name}).`
      : `${name} is off the grid: its influence and interest are cleared.`,
  );
  return true;
}

/** One cell further by arrow key; a stakeholder in the tray comes onto the grid in the middle. */
export function nudgeOnGrid(id: string, direction: 'up' | 'down' | 'left' | 'right'): boolean {
  const stakeholder = documentNow()?.stakeholders.find((s) => s.id === id);
  if (!stakeholder) return false;
  return setGridScores(id, nudgeScores(gridScoresOf(stakeholder), direction));
}
