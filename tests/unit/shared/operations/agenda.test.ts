import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../../shared/document/format';
import {
  addStage,
  currentStage,
  moveStage,
  nextStage,
  previousStage,
  removeStage,
  renameStage,
  setAgendaVisible,
  setCurrentStage,
  setStageGoal,
  setStageMinutes,
  updateStage,
} from '../../../../shared/operations/agenda';
import { deepFreeze } from '../test-helpers';
import { sampleDoc } from './test-docs';

const ids = (doc: ReturnType<typeof sampleDoc>) => doc.agenda.stages.map((s) => s.id);
const doc = () => deepFreeze(sampleDoc());

describe('agenda', () => {
  it('a new workspace has the seed workshop’s agenda, shown, on the first stage', () => {
    const d = doc();
    expect(ids(d)).toEqual(['stage-map', 'stage-relationships', 'stage-pain-points', 'stage-cluster', 'stage-vote', 'stage-solutions', 'stage-wrap-up']);
    expect(d.agenda.stages).toEqual(DEFAULT_STAGES);
    expect(d.agenda.visible).toBe(true);
    expect(currentStage(d.agenda)?.id).toBe('stage-map');
    expect(d.agenda.stages.find((s) => s.id === 'stage-vote')).toMatchObject({ view: 'board', voting: true });
  });

  it('adds a stage at the end or at a position, and refuses a taken id, a bad timebox or view', () => {
    const d = doc();
    const added = addStage(d, { id: 'stage-break', title: 'Break', minutes: 10 });
    expect(added.agenda.stages.at(-1)).toEqual({ id: 'stage-break', title: 'Break', goal: '', minutes: 10, view: 'map', voting: false });
    expect(ids(addStage(d, { id: 'stage-intro', title: 'Intro', minutes: 5, view: 'board' }, 0))[0]).toBe('stage-intro');
    expect(addStage(d, { id: 'stage-map', title: 'Again', minutes: 5 })).toBe(d);
    expect(addStage(d, { id: 'stage-x', title: 'X', minutes: 0 })).toBe(d);
    expect(addStage(d, { id: 'stage-x', title: 'X', minutes: 601 })).toBe(d);
    expect(addStage(d, { id: 'stage-x', title: 'X', minutes: 1.5 })).toBe(d);
    expect(addStage(d, { id: 'stage-x', title: 'X', minutes: 5, view: 'wall' as 'map' })).toBe(d);
  });

  it('renames, sets the goal and the timebox; the same value or a bad timebox changes nothing', () => {
    const d = doc();
    expect(renameStage(d, 'stage-vote', 'Dot voting').agenda.stages[4]?.title).toBe('Dot voting');
    expect(setStageGoal(d, 'stage-vote', 'Top three each.').agenda.stages[4]?.goal).toBe('Top three each.');
    expect(setStageMinutes(d, 'stage-vote', 3).agenda.stages[4]?.minutes).toBe(3);
    expect(setStageMinutes(d, 'stage-vote', 0)).toBe(d);
    expect(renameStage(d, 'stage-vote', 'Vote')).toBe(d);
    expect(updateStage(d, 'stage-gone', { title: 'X' })).toBe(d);
    expect(updateStage(d, 'stage-map', { view: 'solutions', voting: true }).agenda.stages[0]).toMatchObject({ view: 'solutions', voting: true });
  });

  it('moves a stage (clamped to the list)', () => {
    const d = doc();
    expect(ids(moveStage(d, 'stage-vote', 0)).slice(0, 2)).toEqual(['stage-vote', 'stage-map']);
    expect(ids(moveStage(d, 'stage-map', 99)).at(-1)).toBe('stage-map');
    expect(moveStage(d, 'stage-map', 0)).toBe(d);
    expect(moveStage(d, 'stage-gone', 1)).toBe(d);
  });

  it('keeps the room at its stage when the stages are reordered, also before any stage was chosen', () => {
    const d = doc();
    expect(d.agenda.currentStageId).toBeNull();
    // The first stage is current (null); moving it, or moving another above it, leaves it current.
    expect(moveStage(d, 'stage-map', 3).agenda.currentStageId).toBe('stage-map');
    expect(moveStage(d, 'stage-vote', 0).agenda.currentStageId).toBe('stage-map');
  });

  it('removes a stage; removing the current one moves on to the next (or the previous, at the end)', () => {
    const d = setCurrentStage(doc(), 'stage-vote');
    const removed = removeStage(d, 'stage-vote');
    expect(ids(removed)).not.toContain('stage-vote');
    expect(removed.agenda.currentStageId).toBe('stage-solutions');
    const atEnd = removeStage(setCurrentStage(doc(), 'stage-wrap-up'), 'stage-wrap-up');
    expect(atEnd.agenda.currentStageId).toBe('stage-solutions');
    expect(removeStage(d, 'stage-map').agenda.currentStageId).toBe('stage-vote');
    expect(removeStage(d, 'stage-gone')).toBe(d);
  });

  it('goes to the next and previous stage, stopping at either end', () => {
    let d = doc();
    expect(previousStage(d)).toBe(d);
    d = nextStage(d);
    expect(d.agenda.currentStageId).toBe('stage-relationships');
    expect(previousStage(d).agenda.currentStageId).toBe('stage-map');
    d = setCurrentStage(d, 'stage-wrap-up');
    expect(nextStage(d)).toBe(d);
    expect(setCurrentStage(d, 'stage-gone')).toBe(d);
    expect(currentStage(setCurrentStage(d, null).agenda)?.id).toBe('stage-map');
  });

  it('a current stage id that names no stage means the first; an empty agenda has none', () => {
    expect(currentStage({ stages: DEFAULT_STAGES.map((s) => ({ ...s })), currentStageId: 'stage-gone' })?.id).toBe('stage-map');
    expect(currentStage({ stages: [], currentStageId: null })).toBeNull();
    expect(nextStage({ ...doc(), agenda: { visible: true, currentStageId: null, stages: [] } }).agenda.stages).toEqual([]);
  });

  it('shows and hides the agenda', () => {
    const d = doc();
    const hidden = setAgendaVisible(d, false);
    expect(hidden.agenda.visible).toBe(false);
    expect(setAgendaVisible(d, true)).toBe(d);
  });
});
