import type { WrapUp, WrapUpPainPoint } from '@shared/export/wrap-up';

/**
 * The report's first page, after the map: the wrap-up the room leaves with (shared/export/wrap-up.ts), large enough to read on a
 * projector before it is printed: the top pain points with their solutions, owners and due dates, what still has no
 * candidate solution, then the same per category.
 */
export function WrapUpPage({ wrapUp, alone = false }: { wrapUp: WrapUp; alone?: boolean }) {
  // Alone ("Wrap-up only"), it is the whole document: the report's typography, and no page break after it.
  if (alone) {
    return (
      <article className="print-report" aria-label={`Wrap-up: ${wrapUp.title}`}>
        <WrapUpPage wrapUp={wrapUp} />
      </article>
    );
  }
  return (
    <section className="wrap-up" aria-labelledby="wrap-up-heading">
      <h1 id="wrap-up-heading">Wrap-up: {wrapUp.title}</h1>
      <p className="print-report__meta">
        {wrapUp.dateLabel} · {wrapUp.participantCount} participant{wrapUp.participantCount === 1 ? '' : 's'}
        {wrapUp.agenda.length > 0 && <> · Agenda: {wrapUp.agenda.map((s) => `${s.title} (${s.minutes} min)`).join(', ')}</>}
      </p>
      <h2>Top pain points</h2>
      {wrapUp.top.length === 0 ? <p className="print-report__empty">No votes yet.</p> : <Places items={wrapUp.top} />}
      {wrapUp.unaddressedTop.length > 0 && (
        <p className="wrap-up__warning">
          <strong>Still without a candidate solution:</strong> {wrapUp.unaddressedTop.map((p) => p.title).join('; ')}
        </p>
      )}
      {wrapUp.byCategory.length > 0 && (
        <>
          <h2>By category</h2>
          <div className="wrap-up__categories">
            {wrapUp.byCategory.map((category) => (
              <section key={category.name} className="wrap-up__category" aria-label={category.name}>
                <h3>
                  <span className="print-report__swatch" style={{ background: category.color }} aria-hidden="true" /> {category.name}
                </h3>
                <Places items={category.top} compact />
              </section>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Places({ items, compact = false }: { items: readonly WrapUpPainPoint[]; compact?: boolean }) {
  return (
    <ol className={`wrap-up__places${compact ? ' is-compact' : ''}`}>
      {items.map((p) => (
        <li key={p.id} value={p.rank}>
          <span className="wrap-up__title">{p.title}</span>{' '}
          <span className="wrap-up__facts">
            {p.votes} vote{p.votes === 1 ? '' : 's'}
            {p.tied ? ' · tied' : ''}
            {!compact && ` · ${p.categoryName}`}
            {p.unaddressed ? ' · no candidate solution yet' : ''}
          </span>
          {!compact && p.solutions.length > 0 && (
            <ul className="wrap-up__solutions">
              {p.solutions.map((s) => (
                <li key={s.title}>
                  {s.title} — {s.statusLabel}, {s.owner.trim() ? `owner: ${s.owner}` : 'no owner yet'}
                  {s.dueDate ? `, due ${s.dueDate}` : ''}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
