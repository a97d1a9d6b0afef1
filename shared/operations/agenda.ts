import { MAX_STAGE_MINUTES, STAGE_VIEWS, type StageView } from '../document/format';
import type { Agenda, Stage, WorkspaceDocument } from '../document/schema';
import { patchRecord, replaceById } from './collections';

/*
 * Operations on the workshop agenda: its stages (a title, a goal sentence, a timebox, the view it opens and
 * whether it turns dot voting on), which one is current, and whether the agenda is shown at all. `currentStageId`
 * null means the first stage. Every function returns the same document when nothing changes or the change is
 * refused, so the undo history records no empty steps. The timer's running state is not here: it is never saved.
 */

export interface NewStage {
  readonly id: string;
  readonly title: string;
  readonly goal?: string;
  readonly minutes: number;
  readonly view?: StageView;
  readonly voting?: boolean;
}

/**
 * Adds a stage at `index` (default: the end). Refuses an empty or taken id, a timebox that is not a whole number
 * of minutes from 1 to MAX_STAGE_MINUTES, and a view the format does not know.
 */
export function addStage(doc: WorkspaceDocument, input: NewStage, index?: number): WorkspaceDocument {
  const { stages } = doc.agenda;
  if (input.id === '' || stages.some((s) => s.id === input.id)) return doc;
  if (!isMinutes(input.minutes) || (input.view !== undefined && !isView(input.view))) return doc;
  const stage: Stage = { id: input.id, title: input.title, goal: input.goal ?? '', minutes: input.minutes, view: input.view ?? 'map', voting: input.voting ?? false };
  const at = index === undefined ? stages.length : clamp(index, 0, stages.length);
  return withAgenda(doc, { stages: [...stages.slice(0, at), stage, ...stages.slice(at)] });
}

/** The fields of a stage that can be changed. */
export type StagePatch = Partial<Pick<Stage, 'title' | 'goal' | 'minutes' | 'view' | 'voting'>>;

/** Changes some fields of one stage. Refuses a timebox out of bounds and an unknown view. */
export function updateStage(doc: WorkspaceDocument, id: string, patch: StagePatch): WorkspaceDocument {
  if (patch.minutes !== undefined && !isMinutes(patch.minutes)) return doc;
  if (patch.view !== undefined && !isView(patch.view)) return doc;
  const { title, goal, minutes, view, voting } = patch;
  const stages = replaceById(doc.agenda.stages, id, (s) => patchRecord(s, { title, goal, minutes, view, voting }));
  return stages === doc.agenda.stages ? doc : withAgenda(doc, { stages });
}

/** Renames a stage. */
export function renameStage(doc: WorkspaceDocument, id: string, title: string): WorkspaceDocument {
  return updateStage(doc, id, { title });
}

/** Sets a stage's goal sentence. */
export function setStageGoal(doc: WorkspaceDocument, id: string, goal: string): WorkspaceDocument {
  return updateStage(doc, id, { goal });
}

/** Sets a stage's timebox, in whole minutes (1..MAX_STAGE_MINUTES). */
export function setStageMinutes(doc: WorkspaceDocument, id: string, minutes: number): WorkspaceDocument {
  return updateStage(doc, id, { minutes });
}

/** Moves a stage to position `to` (clamped to the list); the stages after it shift. */
export function moveStage(doc: WorkspaceDocument, id: string, to: number): WorkspaceDocument {
  const { stages } = doc.agenda;
  const from = stages.findIndex((s) => s.id === id);
  if (from < 0 || !Number.isInteger(to)) return doc;
  const target = clamp(to, 0, stages.length - 1);
  if (target === from) return doc;
  const next = stages.slice();
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as Stage);
  // "No current stage" means the first one: name it before reordering, so the room stays at the stage it is at.
  const currentStageId = doc.agenda.currentStageId ?? stages[0]?.id ?? null;
  return withAgenda(doc, { stages: next, currentStageId });
}

/**
 * Removes a stage. When it was the current stage, the one after it becomes current (or the one before, when it
 * was the last), so the room carries on where it was.
 */
export function removeStage(doc: WorkspaceDocument, id: string): WorkspaceDocument {
  const { stages } = doc.agenda;
  const index = stages.findIndex((s) => s.id === id);
  if (index < 0) return doc;
  const remaining = stages.filter((s) => s.id !== id);
  const wasCurrent = currentStage(doc.agenda)?.id === id;
  const currentStageId = wasCurrent ? (remaining[Math.min(index, remaining.length - 1)]?.id ?? null) : doc.agenda.currentStageId;
  return withAgenda(doc, { stages: remaining, currentStageId });
}

/** Makes a stage current; null goes back to the first stage. Refuses an id that names no stage. */
export function setCurrentStage(doc: WorkspaceDocument, id: string | null): WorkspaceDocument {
  if (id !== null && !doc.agenda.stages.some((s) => s.id === id)) return doc;
  return doc.agenda.currentStageId === id ? doc : withAgenda(doc, { currentStageId: id });
}

/** Moves to the next stage. At the last stage nothing changes. */
export function nextStage(doc: WorkspaceDocument): WorkspaceDocument {
  return stepStage(doc, 1);
}

/** Moves to the previous stage. At the first stage nothing changes. */
export function previousStage(doc: WorkspaceDocument): WorkspaceDocument {
  return stepStage(doc, -1);
}

/** Shows or hides the agenda (a workspace that is not a workshop hides it). */
export function setAgendaVisible(doc: WorkspaceDocument, visible: boolean): WorkspaceDocument {
  return doc.agenda.visible === visible ? doc : withAgenda(doc, { visible });
}

/**
 * The stage the room is in: the one `currentStageId` names, the first stage when it is null or names no stage
 * (a file edited by hand), or null for an agenda with no stages.
 */
export function currentStage(agenda: Pick<Agenda, 'stages' | 'currentStageId'>): Stage | null {
  return agenda.stages.find((s) => s.id === agenda.currentStageId) ?? agenda.stages[0] ?? null;
}

function stepStage(doc: WorkspaceDocument, step: 1 | -1): WorkspaceDocument {
  const current = currentStage(doc.agenda);
  if (!current) return doc;
  const index = doc.agenda.stages.indexOf(current);
  const target = doc.agenda.stages[index + step];
  return target ? setCurrentStage(doc, target.id) : doc;
}

function withAgenda(doc: WorkspaceDocument, patch: Partial<Agenda>): WorkspaceDocument {
  return { ...doc, agenda: { ...doc.agenda, ...patch } };
}

const isMinutes = (minutes: number) => Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_STAGE_MINUTES;
const isView = (view: string) => (STAGE_VIEWS as readonly string[]).includes(view);
const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));
