import '../styles/board.css';
import '../styles/solutions.css';
import { CircleAlert, CircleCheck, Lightbulb, Plus, UserRound } from 'lucide-react';
import { memo, useMemo, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SOLUTION_STATUSES, type SolutionStatus } from '@shared/document/format';
import type { Category, PainPoint, Solution } from '@shared/document/schema';
import { proposeSolution } from '../commands/pain-point-commands';
import { SOLUTION_STATUS_INFO } from '../panels/solution-status';
import { openItem, useEditor, selectDocument } from '../store/editor-store';
import { painPointTitle, unaddressedOf, voteTotalsOf } from './board-columns';
import { selectVotesHidden } from '../store/voting-store';

/** A solution's status as a chip: icon and word, the same marks as the inspector's status picker. */
export function SolutionStatusChip({ status }: { status: SolutionStatus }) {
  const { label, Icon } = SOLUTION_STATUS_INFO[status];
  return (
    <span className={`solution-status solution-status--${status}`}>
      <Icon size={14} aria-hidden="true" />
      <span className="visually-hidden">Status: </span>
      {label}
    </span>
  );
}

function solutionTitle(s: Pick<Solution, 'title'>): string {
  return s.title.trim() === '' ? 'Untitled solution' : s.title;
}

const NO_SOLUTIONS: readonly Solution[] = [];
const NO_PAIN_POINTS: readonly PainPoint[] = [];
const NO_CATEGORIES: readonly Category[] = [];
const NO_IDS: ReadonlySet<string> = new Set();
const NO_TOTALS: ReadonlyMap<string, number> = new Map();

type StatusFilter = SolutionStatus | 'all';

/**
 * The candidate solutions: what the room proposes, with status, owner, impact and effort, and the pain points
 * each addresses. Below them, the pain points no live solution addresses yet, each one click away from a
 * proposal, so the gaps are easy to spot and fill.
 */
export function SolutionsView() {
  const { solutions, painPoints, categories } = useEditor(
    useShallow((s) => ({
      solutions: selectDocument(s)?.solutions ?? NO_SOLUTIONS,
      painPoints: selectDocument(s)?.painPoints ?? NO_PAIN_POINTS,
      categories: selectDocument(s)?.categories ?? NO_CATEGORIES,
    })),
  );
  const unaddressed = useEditor((s) => (selectDocument(s) ? unaddressedOf(selectDocument(s)!) : NO_IDS));
  const totals = useEditor((s) => (selectDocument(s) ? voteTotalsOf(selectDocument(s)!) : NO_TOTALS));
  const openKey = useEditor((s) => (s.openItem ? `${s.openItem.type}:${s.openItem.id}` : null));
  const [status, setStatus] = useState<StatusFilter>('all');

  const painPointsById = useMemo(() => new Map(painPoints.map((p) => [p.id, p])), [painPoints]);
  const shown = useMemo(() => (status === 'all' ? solutions : solutions.filter((s) => s.status === status)), [solutions, status]);
  const live = solutions.filter((s) => s.status !== 'dropped').length;

  const add = () => {
    // A new solution is an idea: a filter on another status would hide it.
    if (status !== 'all' && status !== 'idea') setStatus('all');
    const id = proposeSolution([]);
    if (id) {
      requestAnimationFrame(() => {
        document.querySelector(`[data-card="solution:${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      });
    }
  };

  return (
    <section className="solutions" aria-labelledby="solutions-heading">
      <header className="view-header">
        <div className="view-header__title">
          <h2 id="solutions-heading">Candidate solutions</h2>
          <span className="view-header__meta">
            {solutions.length === 0 ? 'None yet' : `${solutions.length} in all · ${live} live · ${unaddressed.size} pain point${unaddressed.size === 1 ? '' : 's'} unaddressed`}
          </span>
        </div>
        <div className="view-header__tools">
          <label className="view-select">
            <span>Status</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              <option value="all">All</option>
              {SOLUTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {SOLUTION_STATUS_INFO[s].label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--primary" onClick={add}>
            <Plus size={16} aria-hidden="true" /> Add solution
          </button>
        </div>
      </header>

      <div className="solutions__body">
        {shown.length > 0 ? (
          <div className="solutions__cards">
            {shown.map((s) => (
              <SolutionCard key={s.id} solution={s} painPointsById={painPointsById} open={openKey === `solution:${s.id}`} />
            ))}
          </div>
        ) : (
          <p className="solutions__empty">
            {solutions.length === 0
              ? 'No candidate solutions yet. Add one, or propose one for an unaddressed pain point below.'
              : `No solution has the status "${SOLUTION_STATUS_INFO[status as SolutionStatus].label}".`}
            {solutions.length > 0 && (
              <button type="button" className="link-button solutions__show-all" onClick={() => setStatus('all')}>
                Show all
              </button>
            )}
          </p>
        )}

        <UnaddressedList painPoints={painPoints} categories={categories} unaddressed={unaddressed} totals={totals} openKey={openKey} />
      </div>
    </section>
  );
}

/** "Impact 4/5 · Effort 2/5"; an unset rating says so rather than showing a number nobody gave. */
export function ratingsText(s: Pick<Solution, 'impact' | 'effort'>): string {
  const rating = (label: string, value: number | undefined) => (value === undefined ? `${label} not rated` : `${label} ${value}/5`);
  return `${rating('Impact', s.impact)} · ${rating('Effort', s.effort)}`;
}

function stopAnd(run: () => void) {
  return (e: MouseEvent) => {
    e.stopPropagation();
    run();
  };
}

function onEnterOrSpace(run: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    // Only on the card itself: Enter on a button inside presses that button.
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    run();
  };
}

interface SolutionCardProps {
  readonly solution: Solution;
  readonly painPointsById: ReadonlyMap<string, PainPoint>;
  readonly open: boolean;
}

const SolutionCard = memo(function SolutionCard({ solution, painPointsById, open }: SolutionCardProps) {
  const { id, status, owner } = solution;
  const title = solutionTitle(solution);
  const openIt = () => openItem({ type: 'solution', id });
  // A file written by another tool may repeat an id in `addresses`: each pain point is listed once.
  const addresses = [...new Set(solution.addresses)];

  return (
    // A card is a focusable article, as in a feed: Enter or a click opens it (see BoardView's cards).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a focusable card opens on Enter or click
    <article
      className={`solution-card status-${status}${open ? ' is-open' : ''}`}
      aria-label={title}
      aria-current={open ? 'true' : undefined}
      data-card={`solution:${id}`}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above: the card itself takes focus
      tabIndex={0}
      onClick={openIt}
      onKeyDown={onEnterOrSpace(openIt)}
    >
      <div className="solution-card__head">
        <h3 className="solution-card__title">{title}</h3>
        <SolutionStatusChip status={status} />
      </div>
      <div className="solution-card__facts">
        <span className={`solution-card__owner${owner.trim() === '' ? ' is-empty' : ''}`}>
          <UserRound size={15} aria-hidden="true" />
          <span className="visually-hidden">Owner: </span>
          {owner.trim() === '' ? 'No owner yet' : owner}
        </span>
        <span className="solution-card__ratings">
          {ratingsText(solution)}
          <RatingPips label="Impact" value={solution.impact} />
          <RatingPips label="Effort" value={solution.effort} />
        </span>
      </div>
      <div className="solution-card__addresses">
        <span className="solution-card__label">Addresses</span>
        {addresses.length === 0 ? (
          <span className="solution-card__none">No pain point yet</span>
        ) : (
          <ul className="solution-card__pain-points">
            {addresses.map((painPointId) => {
              const p = painPointsById.get(painPointId);
              return (
                <li key={painPointId}>
                  {p ? (
                    <button type="button" className="pain-point-chip" onClick={stopAnd(() => openItem({ type: 'painPoint', id: painPointId }))}>
                      {painPointTitle(p)}
                    </button>
                  ) : (
                    // A broken reference is shown, not skipped: the user should see what the file points at.
                    <span className="pain-point-chip is-missing">
                      <CircleAlert size={13} aria-hidden="true" /> missing pain point "{painPointId}"
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </article>
  );
});

/** Five small pips for a 1..5 rating: a glance for the room, the text beside them says the same in words. */
function RatingPips({ label, value }: { label: string; value: number | undefined }) {
  if (value === undefined) return null;
  return (
    <span className={`rating-pips rating-pips--${label.toLowerCase()}`} aria-hidden="true" title={`${label} ${value}/5`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= value ? 'is-on' : undefined} />
      ))}
    </span>
  );
}

interface UnaddressedListProps {
  readonly painPoints: readonly PainPoint[];
  readonly categories: readonly Category[];
  readonly unaddressed: ReadonlySet<string>;
  /** Total votes (tally + ballots) by pain point id. */
  readonly totals: ReadonlyMap<string, number>;
  readonly openKey: string | null;
}

/** The pain points still waiting for a live solution, most voted first: the room's priorities come first. */
function UnaddressedList({ painPoints, categories, unaddressed, totals, openKey }: UnaddressedListProps) {
  // Until the votes are revealed, the list keeps the order they were added in and shows no counts.
  const votesHidden = useEditor(selectVotesHidden);
  const rows = useMemo(() => {
    const waiting = painPoints.filter((p) => unaddressed.has(p.id));
    // Stable sort: equal votes stay in the order they were added.
    return votesHidden ? waiting : waiting.sort((a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0));
  }, [painPoints, unaddressed, totals, votesHidden]);
  const categoryById = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);

  return (
    <section className="unaddressed" aria-labelledby="unaddressed-heading">
      <div className="unaddressed__header">
        <h2 id="unaddressed-heading">Unaddressed pain points</h2>
        {rows.length > 0 && <span className="unaddressed__count">{rows.length}</span>}
      </div>
      {painPoints.length === 0 ? (
        <p className="hint">No pain points yet. Add them on the map or on the board.</p>
      ) : rows.length === 0 ? (
        <p className="unaddressed__done">
          <CircleCheck size={18} aria-hidden="true" /> Every pain point has a live candidate solution.
        </p>
      ) : (
        <>
          <p className="hint">No candidate solution addresses these yet (dropped solutions do not count).</p>
          <ul className="unaddressed__list">
            {rows.map((p) => {
              const category = categoryById.get(p.categoryId);
              const title = painPointTitle(p);
              const votes = totals.get(p.id) ?? 0;
              return (
                <li
                  key={p.id}
                  className={`unaddressed__item${openKey === `painPoint:${p.id}` ? ' is-open' : ''}`}
                  style={category ? ({ '--category-color': category.color } as CSSProperties) : undefined}
                >
                  <div className="unaddressed__text">
                    <button type="button" className="unaddressed__open" onClick={() => openItem({ type: 'painPoint', id: p.id })}>
                      {title}
                    </button>
                    <span className="unaddressed__meta">
                      {category ? category.name.trim() || 'Unnamed category' : 'Uncategorised'} · {votesHidden ? 'votes hidden until reveal' : `${votes} ${votes === 1 ? 'vote' : 'votes'}`}
                    </span>
                  </div>
                  <button type="button" className="button" aria-label={`Propose solution for ${title}`} onClick={() => proposeSolution([p.id])}>
                    <Lightbulb size={16} aria-hidden="true" /> Propose solution
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
