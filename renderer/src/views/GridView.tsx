import '../styles/grid.css';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Relationship, Stakeholder } from '@shared/document/schema';
import { cellKey, GRID_SCORES, layoutGrid, QUADRANTS, quadrantOf, type GridScores } from '@shared/domain/power-interest-grid';
import { nudgeOnGrid, setGridScores } from '../commands/grid-commands';
import { BottleneckList } from '../grid/BottleneckList';
import { GRID_DRAG_TYPE, GridCard } from '../grid/GridCard';
import { NO_STATUS_COUNTS, relationshipStatusCounts } from '../grid/stakeholder-facts';
import { selectDocument, setSelection, useEditor } from '../store/editor-store';

const NO_STAKEHOLDERS: Stakeholder[] = [];
const NO_RELATIONSHIPS: Relationship[] = [];
/** Influence from the top row down, interest from the left column across. */
const ROWS = [...GRID_SCORES].reverse();
const COLUMNS = GRID_SCORES;

const acceptsCard = (event: DragEvent) => event.dataTransfer.types.includes(GRID_DRAG_TYPE);

/**
 * The power/interest grid: every stakeholder placed by influence (up) and interest (across), 1..5, in the four
 * named quadrants; those without both scores wait in the tray beside it. Dragging a card to a cell (or moving
 * it with the arrow keys) sets its scores, one undo step; dropping it on the tray clears them.
 */
export function GridView() {
  const { stakeholders, relationships } = useEditor(
    useShallow((s) => ({ stakeholders: selectDocument(s)?.stakeholders ?? NO_STAKEHOLDERS, relationships: selectDocument(s)?.relationships })),
  );
  const badges = useEditor((s) => s.decorations.stakeholders);
  const selectedIds = useEditor((s) => s.selection.stakeholderIds);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  const { cells, tray } = useMemo(() => layoutGrid(stakeholders), [stakeholders]);
  const statusCounts = useMemo(() => relationshipStatusCounts({ relationships: relationships ?? [] }), [relationships]);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const onSelect = useCallback((id: string) => setSelection({ stakeholderIds: [id] }), []);
  // A card moved by the keyboard lands in another cell (a new element): the focus follows it there.
  const viewRef = useRef<HTMLElement>(null);
  const followFocus = useRef<string | null>(null);
  const onNudge = useCallback((id: string, direction: 'up' | 'down' | 'left' | 'right') => {
    followFocus.current = id;
    nudgeOnGrid(id, direction);
  }, []);
  useLayoutEffect(() => {
    const id = followFocus.current;
    if (id === null) return;
    followFocus.current = null;
    viewRef.current?.querySelector<HTMLElement>(`[data-stakeholder-id="${CSS.escape(id)}"]`)?.focus();
  });

  const dropOn = (scores: GridScores | null) => (event: DragEvent) => {
    if (!acceptsCard(event)) return;
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer.getData(GRID_DRAG_TYPE);
    if (id) setGridScores(id, scores);
  };
  const over = (key: string) => (event: DragEvent) => {
    if (!acceptsCard(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (dropTarget !== key) setDropTarget(key);
  };
  const card = (s: Stakeholder) => (
    <li key={s.id}>
      <GridCard
        stakeholder={s}
        statusCounts={statusCounts.get(s.id) ?? NO_STATUS_COUNTS}
        badge={badges.get(s.id)?.badge ?? null}
        selected={selected.has(s.id)}
        onSelect={onSelect}
        onNudge={onNudge}
      />
    </li>
  );

  return (
    <section className="grid-view" aria-labelledby="grid-view-heading" ref={viewRef}>
      <h2 id="grid-view-heading" className="visually-hidden">
        Power/interest grid
      </h2>
      <div className="grid-view__chart">
        <div className="grid-view__axis grid-view__axis--influence" aria-hidden="true">
          Influence →
        </div>
        <div className="grid-view__board" onDragLeave={() => setDropTarget(null)}>
          {(Object.keys(QUADRANTS) as Array<keyof typeof QUADRANTS>).map((q) => (
            <p key={q} className={`grid-view__quadrant grid-view__quadrant--${q}`} title={QUADRANTS[q].advice}>
              {QUADRANTS[q].name}
            </p>
          ))}
          {ROWS.map((influence) =>
            COLUMNS.map((interest) => {
              const scores = { influence, interest };
              const key = cellKey(scores);
              const here = cells.get(key) ?? [];
              return (
                <div
                  key={key}
                  role="group"
                  aria-label={`Influence ${influence}, interest ${interest} (${QUADRANTS[quadrantOf(scores)].name})`}
                  className={`grid-view__cell quadrant-${quadrantOf(scores)}${dropTarget === key ? ' is-drop-target' : ''}`}
                  style={{ gridRow: 6 - influence, gridColumn: interest }}
                  data-scores={key}
                  onDragOver={over(key)}
                  onDrop={dropOn(scores)}
                >
                  {here.length > 0 && <ul className="grid-view__cards">{here.map(card)}</ul>}
                </div>
              );
            }),
          )}
        </div>
        <div className="grid-view__axis grid-view__axis--interest" aria-hidden="true">
          Interest →
        </div>
      </div>
      <div className="grid-view__side">
      <aside
        className={`grid-view__tray${dropTarget === 'tray' ? ' is-drop-target' : ''}`}
        aria-labelledby="grid-tray-heading"
        onDragOver={over('tray')}
        onDrop={dropOn(null)}
      >
        <h3 id="grid-tray-heading" className="panel-heading">
          Not scored ({tray.length})
        </h3>
        <p className="grid-view__hint">Drag a stakeholder onto the grid, or select it and use the arrow keys, to give it influence and interest.</p>
        {tray.length > 0 ? <ul className="grid-view__cards grid-view__cards--tray">{tray.map(card)}</ul> : <p className="grid-view__hint">Every stakeholder has both scores.</p>}
      </aside>
      <BottleneckList stakeholders={stakeholders} relationships={relationships ?? NO_RELATIONSHIPS} onSelect={onSelect} />
      </div>
    </section>
  );
}
