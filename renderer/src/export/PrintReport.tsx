import { changeCount, describeChange, type DiffEntry } from '@shared/domain/workspace-diff';
import { describePerceptionGap } from '@shared/domain/perception-gaps';
import type { CSSProperties } from 'react';
import type { WorkspaceDocument } from '@shared/document/schema';
import type { ReportComparison, ReportPainPoint, WorkshopReport } from '@shared/export/report';
import type { WrapUp } from '@shared/export/wrap-up';
import { describeMap } from '@shared/export/map-description';
import { ExportFrame } from './ExportFrame';
import { GridTable } from './GridTable';
import type { MapLayout } from './map-layout';
import { WrapUpPage } from './WrapUpPage';

/** The printable area of each page, in CSS pixels (96 per inch), inside the margins the PDF is printed with. */
export function printableArea(pageSize: 'A4' | 'Letter' | 'A3', landscape: boolean, marginsInches: { top: number; bottom: number; left: number; right: number }) {
  const MM = 96 / 25.4;
  const sizes = { A4: [210 * MM, 297 * MM], Letter: [8.5 * 96, 11 * 96], A3: [297 * MM, 420 * MM] } as const;
  const [shortSide, longSide] = sizes[pageSize];
  const [pageWidth, pageHeight] = landscape ? [longSide, shortSide] : [shortSide, longSide];
  return {
    // A pixel short on each side: Chromium rounds page boxes, and a frame one pixel too tall spills onto a blank page.
    width: Math.floor(pageWidth - (marginsInches.left + marginsInches.right) * 96) - 2,
    height: Math.floor(pageHeight - (marginsInches.top + marginsInches.bottom) * 96) - 2,
  };
}

/**
 * The PDF: page 1 is the whole map fitted to the page (vectors and selectable text, as drawn by StaticMap);
 * then the wrap-up page (the top pain points and what was agreed), then the report: summary, problematic relationships, pain points by category with their quotes, candidate
 * solutions and the unaddressed pain points. Every block avoids page breaks inside it.
 */
export function PrintReport({
  doc,
  layout,
  report,
  area,
  frameSize,
  wrapUp,
}: {
  doc: WorkspaceDocument;
  layout: MapLayout;
  report: WorkshopReport;
  area: { width: number; height: number };
  frameSize: { width: number; height: number };
  /** The wrap-up page printed first (issue 14): what the room leaves with. */
  wrapUp?: WrapUp;
}) {
  const scale = Math.min(area.width / frameSize.width, area.height / frameSize.height);
  const { summary } = report;
  return (
    <article className="print-report" aria-label={`Report: ${report.title}`}>
      <section className="print-report__map-page" style={{ width: area.width, height: area.height }}>
        {/*
          One Figure in the PDF's tags, with the map described in words: its hundreds of text runs (names, labels,
          badge counts) read one by one in no order would tell a screen reader user nothing.
        */}
        <div
          className="print-report__map-scaler"
          role="img"
          aria-label={describeMap(doc)}
          style={{ transform: `scale(${scale})`, width: frameSize.width, height: frameSize.height }}
        >
          <ExportFrame doc={doc} layout={layout} dateLabel={report.dateLabel} background="white" />
        </div>
      </section>

      {/* The report's first page: what the room leaves with, right after the map. */}
      {wrapUp && <WrapUpPage wrapUp={wrapUp} />}

      <h1>{report.title}</h1>
      <p className="print-report__meta">Workshop report · {report.dateLabel}</p>
      <dl className="print-report__summary">
        <Fact label="Stakeholders" value={summary.stakeholders} />
        <Fact label="Relationships" value={summary.relationships} />
        <Fact label="Problematic relationships" value={summary.problematic} />
        <Fact label="Pain points" value={summary.painPoints} />
        <Fact label="Unaddressed pain points" value={summary.unaddressed} />
        <Fact label="Candidate solutions" value={summary.solutions} />
        <Fact label="Votes cast" value={summary.votes} />
      </dl>

      <h2>Problematic relationships</h2>
      {report.problematicRelationships.length === 0 ? (
        <p className="print-report__empty">None marked problematic.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Between</th>
              <th>Label</th>
              <th>Notes</th>
              <th>Pain points</th>
            </tr>
          </thead>
          <tbody>
            {report.problematicRelationships.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.source}</strong> – <strong>{r.target}</strong>
                </td>
                <td>{r.label}</td>
                <td>{r.notes}</td>
                <td>{r.painPointCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Pain points by category</h2>
      {report.categories.map((category) => (
        <section key={category.id || 'uncategorised'} style={{ '--category-color': category.color ?? '#9aa4ae' } as CSSProperties}>
          <h3>
            <span className="print-report__swatch" style={{ background: category.color ?? '#9aa4ae' }} aria-hidden="true" />
            {category.name} ({category.painPoints.length})
          </h3>
          {category.painPoints.length === 0 && <p className="print-report__empty">No pain points in this category.</p>}
          {category.painPoints.map((p) => (
            <PainPointBlock key={p.id} painPoint={p} />
          ))}
        </section>
      ))}

      <h2>Candidate solutions</h2>
      {report.solutions.length === 0 ? (
        <p className="print-report__empty">No candidate solutions yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Solution</th>
              <th>Status</th>
              <th>Owner</th>
              <th>Impact</th>
              <th>Effort</th>
              <th>Addresses</th>
            </tr>
          </thead>
          <tbody>
            {report.solutions.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.title}</strong>
                  {s.description && <div className="print-report__facts">{s.description}</div>}
                </td>
                <td>{s.statusLabel}</td>
                <td>{s.owner}</td>
                <td>{s.impact ?? '–'}</td>
                <td>{s.effort ?? '–'}</td>
                <td>{s.addresses.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Unaddressed pain points</h2>
      {report.unaddressed.length === 0 ? (
        <p className="print-report__empty">Every pain point has a live candidate solution.</p>
      ) : (
        report.unaddressed.map((p) => <PainPointBlock key={p.id} painPoint={p} showCategory />)
      )}

      {/* Seeing the organisation: the power/interest grid on a page of its own, then who the routes run through. */}
      <section className="print-report__grid-page" aria-labelledby="print-grid-heading">
        <h2 id="print-grid-heading">Power/interest grid</h2>
        <GridTable doc={doc} caption="Stakeholders by influence (rows, 5 at the top) and interest (columns)" />
      </section>
      <h2>Bridges and bottlenecks</h2>
      {report.organisation.bottlenecks.length === 0 ? (
        <p className="print-report__empty">No route between stakeholders passes through another.</p>
      ) : (
        <ol className="print-report__bottlenecks">
          {report.organisation.bottlenecks.map((b) => (
            <li key={b.id}>
              <strong>{b.name}</strong>: {b.explanation}
            </li>
          ))}
        </ol>
      )}
      {/* Only where the room asked the other side of a relationship how they see it. */}
      {report.organisation.perceptionGaps.length > 0 && (
        <>
          <h2>Perception gaps</h2>
          <ul className="print-report__gaps">
            {report.organisation.perceptionGaps.map((g) => (
              <li key={g.id}>
                <strong>
                  {g.sourceName} – {g.targetName}
                </strong>
                {g.label ? ` (${g.label})` : ''}: {describePerceptionGap(g)}
                {g.theirNotes.trim() && (
                  <>
                    {' '}
                    {g.targetName}: “{g.theirNotes}”
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.whatChanged && <WhatChangedPage comparison={report.whatChanged} />}
    </article>
  );
}

const CHANGE_GROUPS = [
  { key: 'stakeholders', heading: 'Stakeholders' },
  { key: 'relationships', heading: 'Relationships' },
  { key: 'painPoints', heading: 'Pain points' },
  { key: 'solutions', heading: 'Solutions' },
] as const;

/** "What changed": a page of its own, each change in the words the comparison view uses. */
function WhatChangedPage({ comparison }: { comparison: ReportComparison }) {
  const { diff } = comparison;
  const count = changeCount(diff);
  return (
    <section className="print-report__changes-page" aria-labelledby="print-what-changed-heading">
      <h2 id="print-what-changed-heading">What changed</h2>
      <p>
        Between {comparison.beforeLabel} and {comparison.afterLabel}: {count === 0 ? 'no changes' : `${count} change${count === 1 ? '' : 's'}`}.
      </p>
      {CHANGE_GROUPS.filter((g) => diff[g.key].length > 0).map((g) => (
        <div key={g.key}>
          <h3>{g.heading}</h3>
          <ul className="print-report__gaps">
            {(diff[g.key] as readonly DiffEntry[]).map((entry) => (
              <li key={`${entry.change}-${entry.id}`}>{describeChange(entry)}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Fact({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function PainPointBlock({ painPoint: p, showCategory = false }: { painPoint: ReportPainPoint; showCategory?: boolean }) {
  const facts = [
    showCategory ? p.categoryName : null,
    `${p.votes} vote${p.votes === 1 ? '' : 's'}`,
    `Attached to: ${p.attachedTo}`,
    p.solutions.length > 0 ? `Solutions: ${p.solutions.join('; ')}` : null,
  ].filter(Boolean);
  return (
    <div className="print-report__item">
      <h4>
        {p.title} {p.unaddressed && <span className="print-report__unaddressed">· Unaddressed</span>}
      </h4>
      <p className="print-report__facts">{facts.join(' · ')}</p>
      {p.description && <p className="print-report__facts">{p.description}</p>}
      {p.quotes.map((q, i) => (
        <blockquote key={i} className="print-report__quote">
          “{q}”
        </blockquote>
      ))}
    </div>
  );
}
