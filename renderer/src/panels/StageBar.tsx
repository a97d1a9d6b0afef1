import '../styles/stage-bar.css';
import { ChevronLeft, ChevronRight, ListOrdered } from 'lucide-react';
import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { stepStage } from '../commands/agenda-commands';
import { currentStageOf, selectAgenda, selectAgendaVisible } from '../store/agenda-selectors';
import { showAgendaDialog } from '../store/agenda-dialog-store';
import { useEditor } from '../store/editor-store';
import { StageTimer } from './StageTimer';

/**
 * The workshop's stage bar, above the quick capture bar on the map, the board and the solutions list (and in Focus
 * on the map): which stage the room is at (n of N, its title and goal), Previous and Next stage, the stage timer,
 * and the way into the agenda editor. One slim line, so the map below keeps its height; hidden when the
 * workspace's agenda is (View > Show Agenda).
 */
export const StageBar = memo(function StageBar() {
  const visible = useEditor(selectAgendaVisible);
  const current = useEditor(
    useShallow((s) => {
      const c = currentStageOf(selectAgenda(s));
      return c ? { index: c.index, count: c.count, title: c.stage.title, goal: c.stage.goal } : null;
    }),
  );
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);

  if (!visible) return null;

  const step = (by: -1 | 1) => {
    if (!stepStage(by)) return;
    // At either end the pressed button is disabled and would drop the keyboard: the other one takes it.
    const count = current?.count ?? 0;
    const to = (current?.index ?? 0) + by;
    if (by === 1 && to >= count - 1) previous.current?.focus();
    if (by === -1 && to <= 0) next.current?.focus();
  };

  const title = current ? (current.title.trim() === '' ? 'Untitled stage' : current.title) : 'No stages';
  return (
    <section className="stage-bar" aria-label="Workshop stage">
      <button
        ref={previous}
        type="button"
        className="stage-button stage-button--icon"
        aria-label="Previous stage"
        title="Previous stage"
        disabled={!current || current.index === 0}
        onClick={() => step(-1)}
      >
        <ChevronLeft size={20} aria-hidden="true" />
      </button>
      <div className="stage-bar__stage" title={current?.goal ? `${title}: ${current.goal}` : title}>
        {current && (
          <span className="stage-bar__count">
            {/* "Stage 3 of 7", or "3/7" in a narrow bar (stage-bar.css); the words stay for screen readers. */}
            <span className="stage-bar__count-long">
              Stage {current.index + 1} of {current.count}
            </span>
            <span className="stage-bar__count-short" aria-hidden="true">
              {current.index + 1}/{current.count}
            </span>
          </span>
        )}
        <h2 className="stage-bar__title">{title}</h2>
        {current?.goal && <p className="stage-bar__goal">{current.goal}</p>}
      </div>
      <button
        ref={next}
        type="button"
        className="stage-button stage-button--icon"
        aria-label="Next stage"
        title="Next stage"
        disabled={!current || current.index >= current.count - 1}
        onClick={() => step(1)}
      >
        <ChevronRight size={20} aria-hidden="true" />
      </button>
      {current && <StageTimer />}
      <button type="button" className="stage-button stage-bar__agenda" title="Edit the agenda: stages, goals and timeboxes" onClick={() => showAgendaDialog(true)}>
        <ListOrdered size={16} aria-hidden="true" />
        <span className="stage-button__label">Agenda…</span>
      </button>
    </section>
  );
});
