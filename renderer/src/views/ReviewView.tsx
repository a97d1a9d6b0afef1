import { ArrowLeft, History, RotateCcw } from 'lucide-react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { WorkspaceDocument } from '@shared/document/schema';
import { changeCount, changeMarks, describeChange, diffWorkspaces, type DiffEntry, type WorkspaceDiff } from '@shared/domain/workspace-diff';
import { documentAtSnapshot } from '@shared/operations/snapshots';
import { restoreSnapshotNow } from '../commands/snapshot-commands';
import { StaticMap } from '../export/StaticMap';
import { layoutMap } from '../export/map-layout';
import { useDocument, useEditor } from '../store/editor-store';
import { showReview, useReview, type ReviewSide } from '../store/review-store';
import { comparisonUnion, labelOfSide, resolveSide } from '../store/review-sides';

const TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * What the main area shows while looking back: a snapshot, read-only, or a comparison of two states of the map
 * with what changed marked on it (a word and a sign on each item, removed items faded and dashed) and the change
 * list beside it. Nothing here can be edited; "Back to the map" returns to the workspace as it is.
 */
export function ReviewView() {
  const review = useReview((s) => s.review);
  const doc = useDocument();
  if (!review || !doc) return null;
  return (
    // Escape goes back to the map, as it closes an editor; the keys inside stay the page's own.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- a key handler for what is inside, not a control
    <div
      className="review-view__frame"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        showReview(null);
      }}
    >
      {review.kind === 'snapshot' ? <SnapshotReview doc={doc} id={review.id} /> : <CompareReview doc={doc} before={review.before} after={review.after} />}
    </div>
  );
}

/**
 * Keyboard and screen reader users land on the view's heading when it opens: a frame later, once the Timeline
 * dialog that opened it has closed and handed focus back to its opener.
 */
function useFocusOnOpen() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return heading;
}

function SnapshotReview({ doc, id }: { doc: WorkspaceDocument; id: string }) {
  const heading = useFocusOnOpen();
  const snapshot = doc.snapshots.find((s) => s.id === id);
  const shown = useMemo(() => (snapshot ? documentAtSnapshot(doc, snapshot) : null), [doc, snapshot]);
  // Deleted (or undone) while open: nothing left to show.
  useEffect(() => {
    if (!snapshot) showReview(null);
  }, [snapshot]);
  if (!snapshot || !shown) return null;
  return (
    <section className="review-view" aria-labelledby="review-heading">
      <header className="review-view__bar">
        <div>
          <h2 id="review-heading" className="review-view__title" ref={heading} tabIndex={-1}>
            <History size={18} aria-hidden="true" /> Snapshot “{snapshot.name}” (read only)
          </h2>
          <p className="review-view__facts">
            Taken <time dateTime={snapshot.takenAt}>{TIME.format(new Date(snapshot.takenAt))}</time> · {shown.stakeholders.length} stakeholders,{' '}
            {shown.relationships.length} relationships, {shown.painPoints.length} pain points
          </p>
        </div>
        <div className="review-view__actions">
          <button type="button" className="button" onClick={() => showReview({ kind: 'compare', before: { kind: 'snapshot', id }, after: { kind: 'now' } })}>
            Compare with now
          </button>
          <button type="button" className="button" onClick={() => restoreSnapshotNow(id)}>
            <RotateCcw size={15} aria-hidden="true" /> Restore this snapshot
          </button>
          <BackButton />
        </div>
      </header>
      <FittedMap doc={shown} />
    </section>
  );
}

function CompareReview({ doc, before, after }: { doc: WorkspaceDocument; before: ReviewSide; after: ReviewSide }) {
  const heading = useFocusOnOpen();
  const beforeDoc = useMemo(() => resolveSide(doc, before), [doc, before]);
  const afterDoc = useMemo(() => resolveSide(doc, after), [doc, after]);
  const diff = useMemo(() => (beforeDoc && afterDoc ? diffWorkspaces(beforeDoc, afterDoc) : null), [beforeDoc, afterDoc]);
  const union = useMemo(() => (beforeDoc && afterDoc && diff ? comparisonUnion(beforeDoc, afterDoc, diff) : null), [beforeDoc, afterDoc, diff]);
  const marks = useMemo(() => (diff ? changeMarks(diff) : undefined), [diff]);
  const missing = !beforeDoc || !afterDoc;
  useEffect(() => {
    if (missing) showReview(null);
  }, [missing]);
  if (!diff || !union) return null;
  const count = changeCount(diff);
  return (
    <section className="review-view review-view--compare" aria-labelledby="review-heading">
      <header className="review-view__bar">
        <div>
          <h2 id="review-heading" className="review-view__title" ref={heading} tabIndex={-1}>
            <History size={18} aria-hidden="true" /> What changed
          </h2>
          <p className="review-view__facts">
            From {labelOfSide(doc, before)} to {labelOfSide(doc, after)}: {count === 0 ? 'no changes' : `${count} change${count === 1 ? '' : 's'}`}.
          </p>
        </div>
        <div className="review-view__actions">
          <BackButton />
        </div>
      </header>
      <div className="review-view__body">
        <FittedMap doc={union} marks={marks} />
        <ChangeList diff={diff} />
      </div>
    </section>
  );
}

function BackButton() {
  return (
    <button type="button" className="button button--primary" onClick={() => showReview(null)}>
      <ArrowLeft size={15} aria-hidden="true" /> Back to the map
    </button>
  );
}

const GROUPS: ReadonlyArray<{ key: keyof WorkspaceDiff; heading: string }> = [
  { key: 'stakeholders', heading: 'Stakeholders' },
  { key: 'relationships', heading: 'Relationships' },
  { key: 'painPoints', heading: 'Pain points' },
  { key: 'solutions', heading: 'Solutions' },
];

/** The changes in words, group by group: what the marks on the map say, readable without the map. */
function ChangeList({ diff }: { diff: WorkspaceDiff }) {
  const groups = GROUPS.filter((g) => diff[g.key].length > 0);
  return (
    <aside className="review-view__changes" aria-labelledby="change-list-heading">
      <h3 id="change-list-heading" className="panel-heading">
        Change list
      </h3>
      {groups.length === 0 && <p className="hint">Nothing changed between the two.</p>}
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`changes-${g.key}`}>
          <h4 id={`changes-${g.key}`} className="review-view__group">
            {g.heading} ({diff[g.key].length})
          </h4>
          <ul className="review-view__list" aria-labelledby={`changes-${g.key}`}>
            {(diff[g.key] as readonly DiffEntry[]).map((entry) => (
              <li key={`${entry.change}-${entry.id}`} className={`review-view__change change-${entry.change}`}>
                {describeChange(entry)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

/** The whole map, drawn statically (as exports draw it) and scaled down to fit the area. */
function FittedMap({ doc, marks }: { doc: WorkspaceDocument; marks?: Parameters<typeof StaticMap>[0]['marks'] }) {
  const nodes = useEditor((s) => s.nodes);
  const layout = useMemo(() => {
    // The sizes React Flow measured on the map (kept mounted behind this view), so names wrap as they do there.
    const sizes = new Map<string, { width: number; height: number }>();
    for (const n of nodes) if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    return layoutMap(doc, sizes);
  }, [doc, nodes]);
  const area = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const measure = () => setRoom({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const [actualSize, setActualSize] = useState(false);
  const fitted = room ? Math.min(1, (room.width - 16) / layout.width, (room.height - 16) / layout.height) : 1;
  const scale = actualSize ? 1 : fitted;
  return (
    <div ref={area} className="review-view__map">
      {fitted < 1 && (
        <button type="button" className="button button--small review-view__zoom" aria-pressed={actualSize} onClick={() => setActualSize(!actualSize)}>
          Actual size
        </button>
      )}
      <div style={{ width: layout.width * scale, height: layout.height * scale }}>
        <div style={{ transform: `scale(${scale})`, transformOrigin: '0 0', width: layout.width }}>
          <StaticMap doc={doc} layout={layout} {...(marks ? { marks } : {})} />
        </div>
      </div>
    </div>
  );
}
