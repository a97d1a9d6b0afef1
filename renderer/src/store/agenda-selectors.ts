import type { Agenda, Stage } from '@shared/document/schema';
import { selectDocument, type EditorState } from './editor-store';

/*
 * Reading the workshop agenda out of the editor store, for the stage bar, the agenda dialog and the timer. Narrow
 * selectors: a component showing the current stage re-renders when the agenda changes, not when the map does
 * (the agenda object keeps its identity through edits that do not touch it).
 */

/** The current stage and where it stands in the agenda. */
export interface CurrentStage {
  readonly stage: Stage;
  readonly index: number;
  readonly count: number;
}

/**
 * The stage the workshop is at: the one `currentStageId` names, or the first when it names none (null) or one
 * that is no longer there (a hand-edited file, or the stage was removed). Null when the agenda has no stages.
 */
export function currentStageOf(agenda: Agenda | undefined): CurrentStage | null {
  const stages = agenda?.stages ?? [];
  if (stages.length === 0) return null;
  const found = stages.findIndex((s) => s.id === agenda?.currentStageId);
  const index = found === -1 ? 0 : found;
  const stage = stages[index];
  return stage ? { stage, index, count: stages.length } : null;
}

/** The open workspace's agenda, or undefined on the start view. */
export function selectAgenda(state: EditorState): Agenda | undefined {
  return selectDocument(state)?.agenda;
}

/** Whether the stage bar shows: a workspace is open and its agenda is not hidden. */
export function selectAgendaVisible(state: EditorState): boolean {
  return selectAgenda(state)?.visible ?? false;
}
