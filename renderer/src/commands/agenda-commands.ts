import type { Stage } from '@shared/document/schema';
import type { NewStage, StagePatch } from '@shared/operations/agenda';
import { currentStageOf, selectAgenda } from '../store/agenda-selectors';
import { announce, showView, useEditor } from '../store/editor-store';
import { edit } from './edits';

/*
 * Running the workshop agenda: moving between stages (each opens the view it needs) and showing or hiding the
 * stage bar. The document changes go through the agenda edits (edits.ts), one undo step each.
 */

/** The view a stage needs. A voting stage needs the board (where the lead's voting mode is switched on). */
export function viewOfStage(stage: Stage): Stage['view'] {
  return stage.voting ? 'board' : stage.view;
}

/** Makes a stage the current one and opens its view. Returns false when there is no such stage. */
export function goToStage(index: number): boolean {
  const agenda = selectAgenda(useEditor.getState());
  const stage = agenda?.stages[index];
  if (!agenda || !stage) return false;
  const current = currentStageOf(agenda);
  if (current?.stage.id !== stage.id) edit('agenda.setCurrentStage', { id: stage.id });
  showView(viewOfStage(stage));
  announce(`Stage ${index + 1} of ${agenda.stages.length}: ${stage.title}`);
  return true;
}

/** Moves one stage on (1) or back (-1). */
export function stepStage(by: -1 | 1): boolean {
  const current = currentStageOf(selectAgenda(useEditor.getState()));
  return current ? goToStage(current.index + by) : false;
}

/** View > Show Agenda: hides or shows the stage bar (saved with the workspace: a map that is not a workshop hides it). */
export function toggleAgenda(): void {
  const agenda = selectAgenda(useEditor.getState());
  if (agenda) setAgendaVisible(!agenda.visible);
}

// ----- the agenda editor ----------------------------------------------------------------------------------------

/** Adds a stage at the end of the agenda. */
export function addStage(stage: NewStage): boolean {
  return edit('agenda.addStage', stage);
}

/** Changes a stage; typed changes to one field (`field`) merge into one undo step. */
export function updateStage(id: string, patch: StagePatch, field?: string): boolean {
  return edit('agenda.updateStage', { id, patch, field });
}

/** Moves a stage to position `to` (0-based). */
export function moveStage(id: string, to: number): boolean {
  return edit('agenda.moveStage', { id, to });
}

export function removeStage(id: string): boolean {
  return edit('agenda.removeStage', { id });
}

export function setAgendaVisible(visible: boolean): boolean {
  return edit('agenda.setVisible', { visible });
}
