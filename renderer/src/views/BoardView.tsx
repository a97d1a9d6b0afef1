import '../styles/board.css';
import { CircleAlert, Link2, Minus, Plus, Quote, Search, Tags, Vote } from 'lucide-react';
import { memo, useCallback, useId, useMemo, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Ballot, Category, PainPoint } from '@shared/document/schema';
import { addPainPointTo } from '../commands/pain-point-commands';
import { edit } from '../commands/edits';
import { selectOwnVoterId, useLiveSession } from '../commands/live-session';
import { startVoting, toggleDot } from '../commands/voting-commands';
import { announce, openItem, showCategories, useEditor, documentNow, selectDocument } from '../store/editor-store';
import { selectParticipants, selectVotesHidden, useVotingMode, votingParticipant } from '../store/voting-store';
import { VotingBar } from './VotingBar';
import { VotingRanking } from './VotingRanking';
import { attachmentTextsOf, boardColumns, painPointTitle, unaddressedOf, voteTotalsOf, type BoardColumn, type BoardSort } from './board-columns';

/** The drag data type of a pain point card: only our cards can be dropped on a column, not text or files. */
export const PAIN_POINT_DRAG_TYPE = 'application/x-stakemap-pain-point';

const NO_CATEGORIES: readonly Category[] = [];
const NO_PAIN_POINTS: readonly PainPoint[] = [];
const NO_IDS: ReadonlySet<string> = new Set();
const NO_TEXTS: ReadonlyMap<string, string> = new Map();
const NO_BALLOTS: readonly Ballot[] = [];
const NO_TOTALS: ReadonlyMap<string, number> = new Map();

function categoryName(c: Category): string {
  return c.name.trim() === '' ? 'Unnamed category' : c.name;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A card being dragged: which pain point, and the column it came from (dropping it back there does nothing). */
interface DragState {
  readonly id: string;
  readonly fromCategoryId: string;
}

/**
 * The pain point board: one column per category, the room's sticky notes on a wall. Cards are dragged between
 * columns to recategorise (Alt+Left and Alt+Right on a focused card are the keyboard way: commands/board-commands.ts),
 * voted on in place and opened in the inspector with a click or Enter. Sized to be read from the back of a room on
 * a projector; the six default columns fit side by side from 1024 px, with compact cards in narrow columns.
 */
export function BoardView() {
  const { categories, painPoints, ballots } = useEditor(
    useShallow((s) => ({
      categories: selectDocument(s)?.categories ?? NO_CATEGORIES,
      painPoints: selectDocument(s)?.painPoints ?? NO_PAIN_POINTS,
      ballots: selectDocument(s)?.ballots ?? NO_BALLOTS,
    })),
  );
  const totals = useEditor((s) => (selectDocument(s) ? voteTotalsOf(selectDocument(s)!) : NO_TOTALS));
  const unaddressed = useEditor((s) => (selectDocument(s) ? unaddressedOf(selectDocument(s)!) : NO_IDS));
  const attachments = useEditor((s) => (selectDocument(s) ? attachmentTextsOf(selectDocument(s)!) : NO_TEXTS));
  const openId = useEditor((s) => (s.openItem?.type === 'painPoint' ? s.openItem.id : null));
  const votesHidden = useEditor(selectVotesHidden);
  const voting = useVotingMode((s) => s.active);
  const participants = useEditor(selectParticipants);
  const chosenId = useVotingMode((s) => s.participantId);
  // While voting for a participant: the pain points they have given a dot (the cards' dot buttons show it).
  const self = useLiveSession(selectOwnVoterId);
  const voterId = voting ? (votingParticipant(participants, chosenId, self)?.id ?? null) : null;
  const dotsGiven = useMemo(() => (voterId ? new Set(ballots.filter((b) => b.participantId === voterId).map((b) => b.painPointId)) : null), [ballots, voterId]);
  const [rankingWanted, setRankingWanted] = useState(false);
  const rankingShown = voting && rankingWanted && !votesHidden;

  // "As added" by default: sorted by votes, a card would jump away from the pointer while the room votes on it.
  const [sort, setSort] = useState<BoardSort>('document');
  const [query, setQuery] = useState('');
  const [drag, setDrag] = useState<DragState | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  // Sorting by votes while they are hidden would give the ranking away.
  const effectiveSort: BoardSort = votesHidden ? 'document' : sort;
  const columns = useMemo(() => boardColumns({ categories, painPoints, ballots }, { sort: effectiveSort, query }), [categories, painPoints, ballots, effectiveSort, query]);
  const shown = columns.reduce((n, c) => n + c.cards.length, 0);
  const filtering = query.trim() !== '';

  const addTo = (categoryId?: string) => {
    // The new card is titled "New pain point", which the filter would most likely hide: show everything.
    if (filtering) setQuery('');
    const id = addPainPointTo([], categoryId);
    if (id) revealCard(id);
  };

  // Whether a drag is under way, so a deferred start that comes after a very short drag's end is dropped.
  const dragActive = useRef(false);
  const onCardDragStart = useCallback((state: DragState) => {
    dragActive.current = true;
    // Deferred: changing the card's look in the same task would put the faded look into the drag image.
    setTimeout(() => {
      if (dragActive.current) setDrag(state);
    }, 0);
  }, []);
  const onCardDragEnd = useCallback(() => {
    dragActive.current = false;
    setDrag(null);
    setDropTarget(null);
  }, []);

  return (
    <section className="board" aria-label="Pain point board">
      <header className="view-header">
        <div className="view-header__title">
          <h2>Pain points</h2>
          {/* Live but not role=status: the app's notice is the one status line. */}
          <span className="view-header__meta" aria-live="polite">
            {painPoints.length === 0
              ? 'None yet'
              : filtering
                ? `Showing ${shown} of ${painPoints.length}`
                : `${plural(painPoints.length, 'pain point')} · ${unaddressed.size} unaddressed`}
          </span>
        </div>
        <div className="view-header__tools">
          <label className="view-search">
            <Search size={16} aria-hidden="true" />
            <input
              type="search"
              aria-label="Filter pain points"
              placeholder="Filter by title, description or quote"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <label className="view-select">
            <span>Sort</span>
            <select value={effectiveSort} onChange={(e) => setSort(e.target.value as BoardSort)}>
              <option value="votes" disabled={votesHidden}>
                Most votes
              </option>
              <option value="document">As added</option>
            </select>
          </label>
          {!voting && (
            <button type="button" className="button" onClick={startVoting}>
              <Vote size={16} aria-hidden="true" /> Start voting
            </button>
          )}
          <button type="button" className="button" onClick={() => showCategories(true)}>
            <Tags size={16} aria-hidden="true" /> Categories…
          </button>
          <button type="button" className="button button--primary" onClick={() => addTo()}>
            <Plus size={16} aria-hidden="true" /> Add pain point
          </button>
        </div>
      </header>
      {voting && <VotingBar rankingShown={rankingShown} onShowRanking={setRankingWanted} />}
      {rankingShown ? (
        <VotingRanking painPoints={painPoints} ballots={ballots} categories={categories} />
      ) : (
      <div className="board__columns">
        {columns.map((column) => (
          <Column
            key={column.category?.id ?? '\u0000uncategorised'}
            column={column}
            filtering={filtering}
            openId={openId}
            unaddressed={unaddressed}
            totals={totals}
            attachments={attachments}
            drag={drag}
            isDropTarget={column.category !== null && dropTarget === column.category.id}
            setDropTarget={setDropTarget}
            onAdd={addTo}
            onCardDragStart={onCardDragStart}
            onCardDragEnd={onCardDragEnd}
            votesHidden={votesHidden}
            dotsGiven={dotsGiven}
            tallies={self === null}
          />
        ))}
      </div>
      )}
    </section>
  );
}

/** Scrolls a card into view once it is rendered (a card just added is at the bottom of its column). */
function revealCard(id: string): void {
  requestAnimationFrame(() => {
    document.querySelector(`[data-card="painPoint:${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
}

function acceptsDrop(event: DragEvent): boolean {
  // During a drag only the types can be read, not the data: enough to refuse text, links and files.
  return event.dataTransfer.types.includes(PAIN_POINT_DRAG_TYPE);
}

/** Moves a pain point to another category as one undo step, and says so (what a drop on a column does). */
export function movePainPointToCategory(painPointId: string, category: Category): void {
  const painPoint = documentNow()?.painPoints.find((p) => p.id === painPointId);
  if (!painPoint) return;
  if (edit('painPoint.update', { id: painPointId, patch: { categoryId: category.id } })) {
    announce(`Moved "${painPointTitle(painPoint)}" to ${categoryName(category)}`);
  }
}

interface ColumnProps {
  readonly column: BoardColumn;
  readonly filtering: boolean;
  readonly openId: string | null;
  readonly unaddressed: ReadonlySet<string>;
  /** Total votes (tally + ballots) by pain point id. */
  readonly totals: ReadonlyMap<string, number>;
  readonly attachments: ReadonlyMap<string, string>;
  readonly drag: DragState | null;
  readonly isDropTarget: boolean;
  readonly setDropTarget: (id: string | null) => void;
  readonly onAdd: (categoryId: string) => void;
  readonly onCardDragStart: (state: DragState) => void;
  readonly onCardDragEnd: () => void;
  /** The totals are hidden until the facilitator reveals them. */
  readonly votesHidden: boolean;
  /** While voting for a participant, the pain points they gave a dot; null when no one is being voted for. */
  readonly dotsGiven: ReadonlySet<string> | null;
  /** Whether the room's sticker tallies can be entered here (not on a participant's laptop in a live session). */
  readonly tallies: boolean;
}

function Column({ column, filtering, openId, unaddressed, totals, attachments, drag, isDropTarget, setDropTarget, onAdd, onCardDragStart, onCardDragEnd, votesHidden, dotsGiven, tallies }: ColumnProps) {
  const headingId = useId();
  const { category, cards, total } = column;
  const name = category ? categoryName(category) : 'Uncategorised';
  // The column a card comes from is no target: dropping it there would change nothing.
  const droppable = category !== null && drag?.fromCategoryId !== category.id;

  const dropHandlers = droppable
    ? {
        onDragEnter: (e: DragEvent<HTMLElement>) => {
          if (!acceptsDrop(e)) return;
          e.preventDefault();
          setDropTarget(category.id);
        },
        onDragOver: (e: DragEvent<HTMLElement>) => {
          if (!acceptsDrop(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          if (!isDropTarget) setDropTarget(category.id);
        },
        onDragLeave: (e: DragEvent<HTMLElement>) => {
          // Moving onto a card inside the column fires a leave on the column too; only leaving its box counts.
          // (The box, not relatedTarget: Chromium does not always set relatedTarget on drag events.)
          const box = e.currentTarget.getBoundingClientRect();
          const inside = e.clientX > box.left && e.clientX < box.right && e.clientY > box.top && e.clientY < box.bottom;
          if (!inside && isDropTarget) setDropTarget(null);
        },
        onDrop: (e: DragEvent<HTMLElement>) => {
          if (!acceptsDrop(e)) return;
          e.preventDefault();
          // The card is re-rendered in its new column, so its old element, detached, never gets a dragend: the
          // drag ends here.
          onCardDragEnd();
          const id = e.dataTransfer.getData(PAIN_POINT_DRAG_TYPE);
          if (id) movePainPointToCategory(id, category);
        },
      }
    : {};

  const countText = filtering ? `${cards.length} of ${total}` : String(total);
  return (
    <section
      className={`board-column${category ? '' : ' board-column--uncategorised'}${isDropTarget ? ' is-drop-target' : ''}`}
      aria-labelledby={headingId}
      style={category ? ({ '--category-color': category.color } as CSSProperties) : undefined}
      {...dropHandlers}
    >
      <header className="board-column__header">
        <span className="board-column__swatch" aria-hidden="true" />
        <h3 id={headingId} className="board-column__name">
          {name}
        </h3>
        <span className="board-column__count" title={`${countText} ${total === 1 ? 'pain point' : 'pain points'}`}>
          {countText}
          <span className="visually-hidden"> {total === 1 && !filtering ? 'pain point' : 'pain points'}</span>
        </span>
        {category && (
          <button
            type="button"
            className="icon-button board-column__add"
            aria-label={`Add pain point to ${name}`}
            title={`Add pain point to ${name}`}
            onClick={() => onAdd(category.id)}
          >
            <Plus size={18} aria-hidden="true" />
          </button>
        )}
      </header>
      {!category && <p className="board-column__note">Their category no longer exists. Drag them to another column.</p>}
      <div className="board-column__cards">
        {cards.map((p) => (
          <Card
            key={p.id}
            painPoint={p}
            attachedTo={attachments.get(p.id) ?? ''}
            unaddressed={unaddressed.has(p.id)}
            votes={totals.get(p.id) ?? 0}
            open={openId === p.id}
            dragging={drag?.id === p.id}
            onDragStart={onCardDragStart}
            onDragEnd={onCardDragEnd}
            votesHidden={votesHidden}
            dot={dotsGiven ? dotsGiven.has(p.id) : null}
            tallies={tallies}
          />
        ))}
        {cards.length === 0 && <p className="board-column__empty">{total === 0 ? 'No pain points yet' : 'No matches'}</p>}
        {isDropTarget && (
          <p className="board-column__drop-hint" aria-hidden="true">
            Move to {name}
          </p>
        )}
      </div>
    </section>
  );
}

interface CardProps {
  readonly painPoint: PainPoint;
  readonly attachedTo: string;
  readonly unaddressed: boolean;
  /** The total shown (tally + ballots); the buttons change the tally. */
  readonly votes: number;
  readonly open: boolean;
  readonly dragging: boolean;
  readonly onDragStart: (state: DragState) => void;
  readonly onDragEnd: () => void;
  readonly votesHidden: boolean;
  /** While voting for a participant: whether they gave this pain point their dot (null: not voting for anyone). */
  readonly dot: boolean | null;
  readonly tallies: boolean;
}

/** One pain point on the board. Memoized: voting on one card re-renders that card only. */
const Card = memo(function Card({ painPoint, attachedTo, unaddressed, votes, open, dragging, onDragStart, onDragEnd, votesHidden, dot, tallies }: CardProps) {
  const { id, tally, quotes } = painPoint;
  const title = painPointTitle(painPoint);

  const openIt = () => openItem({ type: 'painPoint', id });
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Only on the card itself: Enter on a vote button presses the button.
    if (e.target !== e.currentTarget) return;
    // V gives (or takes back) the dot of the participant being voted for: voting by keyboard, card by card.
    if (dot !== null && (e.key === 'v' || e.key === 'V') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      toggleDot(id);
      return;
    }
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    openIt();
  };
  // Voting is not opening: the room votes on many cards in a row without the inspector changing each time.
  const vote = (e: MouseEvent, change: 'painPoint.voteUp' | 'painPoint.voteDown') => {
    e.stopPropagation();
    edit(change, { id });
  };

  return (
    // A card is a focusable article, as in a feed: Enter or a click opens it. It cannot be a button itself,
    // because its vote buttons are controls of their own inside it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a focusable card opens on Enter or click
    <article
      className={`board-card${open ? ' is-open' : ''}${dragging ? ' is-dragging' : ''}`}
      aria-label={title}
      aria-current={open ? 'true' : undefined}
      data-card={`painPoint:${id}`}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above: the card itself takes focus
      tabIndex={0}
      draggable
      onClick={openIt}
      onKeyDown={onKeyDown}
      onDragStart={(e) => {
        // Our type only, no text/plain: a card dropped by mistake on the filter field must not type its title there.
        e.dataTransfer.setData(PAIN_POINT_DRAG_TYPE, id);
        e.dataTransfer.effectAllowed = 'move';
        onDragStart({ id, fromCategoryId: painPoint.categoryId });
      }}
      onDragEnd={onDragEnd}
    >
      {/* The title attribute: the whole title for the pointer where a narrow column shortens it (focus shows it all). */}
      <h4 className="board-card__title" title={title}>
        {title}
      </h4>
      <p className="board-card__attached" title={attachedTo}>
        <Link2 size={14} aria-hidden="true" />
        <span className="visually-hidden">Attached to: </span>
        {attachedTo}
      </p>
      <div className="board-card__footer">
        {dot !== null && (
          <button
            type="button"
            className={`board-card__dot${dot ? ' is-given' : ''}`}
            aria-label={`Vote for ${title}`}
            aria-pressed={dot}
            title={dot ? 'Take this vote back (V)' : 'Give a vote (V)'}
            onClick={(e) => {
              e.stopPropagation();
              toggleDot(id);
            }}
          >
            <span className="board-card__dot-mark" aria-hidden="true" />
            <span className="board-card__word">{dot ? 'Voted' : 'Vote'}</span>
          </button>
        )}
        <div className="board-card__votes" role="group" aria-label={`Votes for ${title}`}>
          {tallies && (
          <button
            type="button"
            className="board-card__vote"
            aria-label={`Remove a vote from ${title}`}
            title="Remove a vote"
            // The tally is what the buttons change: ballots are withdrawn for their participant.
            disabled={tally === 0}
            onClick={(e) => vote(e, 'painPoint.voteDown')}
          >
            <Minus size={16} aria-hidden="true" />
          </button>
          )}
          {votesHidden ? (
            <span className="board-card__vote-count is-hidden" title="Hidden until the votes are revealed">
              <strong aria-hidden="true">?</strong> <span className="board-card__word">votes</span>
              <span className="visually-hidden"> hidden until reveal</span>
            </span>
          ) : (
            <span className="board-card__vote-count" aria-live="polite">
              <strong>{votes}</strong> <span className="board-card__word">{votes === 1 ? 'vote' : 'votes'}</span>
            </span>
          )}
          {tallies && (
          <button
            type="button"
            className="board-card__vote"
            aria-label={`Add a vote to ${title}`}
            title="Add a vote"
            onClick={(e) => vote(e, 'painPoint.voteUp')}
          >
            <Plus size={16} aria-hidden="true" />
          </button>
          )}
        </div>
        {quotes.length > 0 && (
          <span className="board-card__quotes" title={plural(quotes.length, 'quote')}>
            <Quote size={14} aria-hidden="true" /> {quotes.length}
            <span className="board-card__word"> {quotes.length === 1 ? 'quote' : 'quotes'}</span>
          </span>
        )}
        {unaddressed && (
          <span className="board-card__unaddressed" title="No candidate solution addresses this yet">
            <CircleAlert size={15} aria-hidden="true" /> <span className="board-card__word">Unaddressed</span>
          </span>
        )}
      </div>
    </article>
  );
});
