import '../styles/agenda-dialog.css';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MAX_STAGE_MINUTES, STAGE_VIEWS, type StageView } from '@shared/document/format';
import type { Stage } from '@shared/document/schema';
import { createId } from '@shared/operations/ids';
import { addStage, moveStage, removeStage, setAgendaVisible, updateStage } from '../commands/agenda-commands';
import { currentStageOf, selectAgenda } from '../store/agenda-selectors';
import { showAgendaDialog, useAgendaDialog } from '../store/agenda-dialog-store';
import { announce, documentNow, useEditor } from '../store/editor-store';
import { whenClosed } from './when-closed';

const NO_STAGES: readonly Stage[] = [];

const VIEW_LABELS: Record<StageView, string> = { map: 'Map', board: 'Pain point board', solutions: 'Solutions' };

function displayTitle(stage: Stage): string {
  return stage.title.trim() === '' ? 'untitled stage' : stage.title;
}

/**
 * The agenda dialog: the workshop's stages with their title, goal, timebox and the view each opens; add,
 * reorder and remove them, and show or hide the stage bar. A native modal <dialog> like CategoriesDialog: focus
 * stays inside, Escape closes it, and every change is one undo step (typing in one field merges into one).
 */
export function AgendaDialog() {
  const hasWorkspace = useEditor((s) => s.workspace !== null);
  const open = useAgendaDialog((s) => s.open) && hasWorkspace;
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      el.querySelector<HTMLInputElement>('.stage-row__title')?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="agenda-dialog" aria-labelledby="agenda-title" onClose={whenClosed(() => showAgendaDialog(false))}>
      {open && <AgendaEditor />}
    </dialog>
  );
}

/** Which control to focus after the next render: a moved or removed row loses the keyboard otherwise. */
interface FocusRequest {
  readonly id: string;
  readonly control: 'title' | 'up' | 'down' | 'remove';
  readonly select?: boolean;
}

function AgendaEditor() {
  const stages = useEditor((s) => selectAgenda(s)?.stages ?? NO_STAGES);
  const visible = useEditor((s) => selectAgenda(s)?.visible ?? false);
  const currentId = useEditor((s) => currentStageOf(selectAgenda(s))?.stage.id ?? null);
  const controls = useRef(new Map<string, HTMLElement>());
  const focusRequest = useRef<FocusRequest | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    focusRequest.current = null;
    const el = controls.current.get(`${request.id}:${request.control}`);
    if (el && !(el as HTMLButtonElement).disabled) {
      el.focus();
      if (request.select && el instanceof HTMLInputElement) el.select();
    } else {
      addButton.current?.focus();
    }
  });

  const refFor = (id: string, control: FocusRequest['control']) => (el: HTMLElement | null) => {
    const key = `${id}:${control}`;
    if (el) controls.current.set(key, el);
    else controls.current.delete(key);
  };

  const add = () => {
    const doc = documentNow();
    if (!doc) return;
    const id = createId('stage', new Set(doc.agenda.stages.map((s) => s.id)));
    if (addStage({ id, title: 'New stage', goal: '', minutes: 10, view: 'map', voting: false })) {
      focusRequest.current = { id, control: 'title', select: true };
      announce('Stage added at the end. Type its title.');
    }
  };

  const move = (stage: Stage, index: number, by: -1 | 1) => {
    const to = index + by;
    if (!moveStage(stage.id, to)) return;
    const atEnd = by === -1 ? to === 0 : to === stages.length - 1;
    focusRequest.current = { id: stage.id, control: atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' };
    announce(`${displayTitle(stage)} moved to position ${to + 1} of ${stages.length}`);
  };

  const remove = (stage: Stage, index: number) => {
    if (!removeStage(stage.id)) return;
    // The row that took its place, not its Remove button: a second Enter would remove that one too.
    const neighbour = stages[index + 1] ?? stages[index - 1];
    if (neighbour) focusRequest.current = { id: neighbour.id, control: 'title' };
    announce(`Removed ${displayTitle(stage)}. Undo brings it back.`);
  };

  const total = stages.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <>
      <h2 id="agenda-title" className="agenda-dialog__title">
        Agenda
      </h2>
      <p className="agenda-dialog__intro">
        The workshop&apos;s stages, in order. Each has a goal and a timebox, and opens the view it needs. {stages.length} stage
        {stages.length === 1 ? '' : 's'}, {total} minutes in all.
      </p>
      <ol className="stage-list">
        {stages.map((stage, index) => {
          const name = displayTitle(stage);
          const goalId = `stage-goal-${index}`;
          return (
            <li key={stage.id} className={`stage-row${stage.id === currentId ? ' is-current' : ''}`}>
              <div className="stage-row__main">
                <span className="stage-row__number" aria-hidden="true">
                  {index + 1}
                </span>
                <input
                  ref={refFor(stage.id, 'title')}
                  className="stage-row__title"
                  aria-label={`Title of ${name}`}
                  value={stage.title}
                  onChange={(e) => updateStage(stage.id, { title: e.target.value }, 'title')}
                />
                {stage.id === currentId && <span className="stage-row__current">Current</span>}
                <MinutesField stage={stage} name={name} />
                <div className="stage-row__actions">
                  <button
                    ref={refFor(stage.id, 'up')}
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${name} up`}
                    title="Move up"
                    disabled={index === 0}
                    onClick={() => move(stage, index, -1)}
                  >
                    <ArrowUp size={17} aria-hidden="true" />
                  </button>
                  <button
                    ref={refFor(stage.id, 'down')}
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${name} down`}
                    title="Move down"
                    disabled={index === stages.length - 1}
                    onClick={() => move(stage, index, 1)}
                  >
                    <ArrowDown size={17} aria-hidden="true" />
                  </button>
                  <button
                    ref={refFor(stage.id, 'remove')}
                    type="button"
                    className="icon-button stage-row__remove"
                    aria-label={`Remove ${name}`}
                    title={stages.length <= 1 ? 'An agenda needs at least one stage: hide the agenda instead' : `Remove ${name}`}
                    disabled={stages.length <= 1}
                    onClick={() => remove(stage, index)}
                  >
                    <Trash2 size={17} aria-hidden="true" />
                  </button>
                </div>
              </div>
              <div className="stage-row__details">
                <label className="stage-row__goal" htmlFor={goalId}>
                  <span className="visually-hidden">Goal of {name}</span>
                  <textarea
                    id={goalId}
                    rows={1}
                    placeholder="The stage's goal, in one sentence"
                    value={stage.goal}
                    onChange={(e) => updateStage(stage.id, { goal: e.target.value }, 'goal')}
                  />
                </label>
                <label className="stage-row__view">
                  <span>Opens</span>
                  <select
                    aria-label={`View ${name} opens`}
                    value={stage.view}
                    onChange={(e) => updateStage(stage.id, { view: e.target.value as StageView })}
                  >
                    {STAGE_VIEWS.map((v) => (
                      <option key={v} value={v}>
                        {VIEW_LABELS[v]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="stage-row__voting">
                  <input type="checkbox" checked={stage.voting} aria-label={`Dot voting in ${name}`} onChange={(e) => updateStage(stage.id, { voting: e.target.checked })} />
                  <span aria-hidden="true">Voting</span>
                </label>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="agenda-dialog__actions">
        <button ref={addButton} type="button" className="button" onClick={add}>
          <Plus size={16} aria-hidden="true" /> Add stage
        </button>
        <label className="agenda-dialog__visible">
          <input type="checkbox" checked={visible} onChange={(e) => setAgendaVisible(e.target.checked)} />
          Show the stage bar
        </label>
        <button type="button" className="button button--primary" onClick={() => showAgendaDialog(false)}>
          Done
        </button>
      </div>
    </>
  );
}

/**
 * A stage's timebox in minutes. Typed text is kept here until it is a whole number from 1 to 600, so clearing
 * the field to type "25" does not write a 0 (which the file format refuses) on the way.
 */
function MinutesField({ stage, name }: { stage: Stage; name: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? String(stage.minutes);
  const invalid = draft !== null && parseMinutes(draft) === null;
  return (
    <label className="stage-row__minutes">
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_STAGE_MINUTES}
        step={1}
        aria-label={`Minutes for ${name}`}
        aria-invalid={invalid || undefined}
        title={invalid ? `A whole number of minutes, 1 to ${MAX_STAGE_MINUTES}` : undefined}
        value={value}
        onChange={(e) => {
          const minutes = parseMinutes(e.target.value);
          if (minutes !== null) {
            setDraft(null);
            updateStage(stage.id, { minutes }, 'minutes');
          } else {
            setDraft(e.target.value);
          }
        }}
        // Leaving the field with something unusable in it shows the timebox again.
        onBlur={() => setDraft(null)}
      />
      <span aria-hidden="true">min</span>
    </label>
  );
}

function parseMinutes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_STAGE_MINUTES ? n : null;
}
