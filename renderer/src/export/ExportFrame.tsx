import type { WorkspaceDocument } from '@shared/document/schema';
import { hasPerceptionGap } from '@shared/domain/perception-gaps';
import { Legend } from '../canvas/Legend';
import { FRAME_GAP, FRAME_PADDING_BOTTOM, FRAME_PADDING_TOP, FRAME_PADDING_X, HEADER_HEIGHT } from './frame-geometry';
import type { MapLayout } from './map-layout';
import { StaticMap } from './StaticMap';

/**
 * What an exported picture of the map shows: the workspace title and date, the whole map, and the legend, with
 * a margin. The PNG is this frame; page 1 of the PDF is this frame fitted to the page.
 */
export function ExportFrame({
  doc,
  layout,
  dateLabel,
  background,
}: {
  doc: WorkspaceDocument;
  layout: MapLayout;
  dateLabel: string;
  background: 'white' | 'transparent';
}) {
  const problematic = doc.relationships.filter((r) => r.status === 'problematic').length;
  const facts = [
    dateLabel,
    `${doc.stakeholders.length} stakeholder${doc.stakeholders.length === 1 ? '' : 's'}`,
    `${problematic} problematic relationship${problematic === 1 ? '' : 's'}`,
    `${doc.painPoints.length} pain point${doc.painPoints.length === 1 ? '' : 's'}`,
  ];
  return (
    <div
      className={`export-frame export-frame--${background}`}
      style={{ padding: `${FRAME_PADDING_TOP}px ${FRAME_PADDING_X}px ${FRAME_PADDING_BOTTOM}px`, gap: FRAME_GAP }}
    >
      {/* As wide as the map (at least a readable width): a long title is cut, never widens the picture. */}
      <header className="export-frame__header" style={{ height: HEADER_HEIGHT, width: Math.max(layout.width, 520) }}>
        <h1 className="export-frame__title">{doc.title || 'Untitled workspace'}</h1>
        <p className="export-frame__facts">{facts.join(' · ')}</p>
      </header>
      <StaticMap doc={doc} layout={layout} />
      <footer className="export-frame__footer">
        <Legend headingId="export-legend-heading" showSplit={doc.relationships.some(hasPerceptionGap)} />
        <span className="export-frame__credit">Made with Stakemap</span>
      </footer>
    </div>
  );
}
