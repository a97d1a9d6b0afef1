import type { WorkspaceDocument } from '@shared/document/schema';
import { GridTable } from './GridTable';

/**
 * The power/interest grid as a picture (File > Export…, PNG, Picture: Power/interest grid): the workspace title
 * and date, the grid with its quadrants, and the credit, in the export frame's styles.
 */
export function GridExportFrame({ doc, dateLabel, background }: { doc: WorkspaceDocument; dateLabel: string; background: 'white' | 'transparent' }) {
  const scored = doc.stakeholders.filter((s) => s.influence !== undefined && s.interest !== undefined).length;
  return (
    <div className={`export-frame export-frame--${background} export-frame--grid`}>
      <header className="export-frame__header">
        <h1 className="export-frame__title">{doc.title || 'Untitled workspace'}</h1>
        <p className="export-frame__facts">
          Power/interest grid · {dateLabel} · {scored} of {doc.stakeholders.length} stakeholder{doc.stakeholders.length === 1 ? '' : 's'} scored
        </p>
      </header>
      <GridTable doc={doc} caption="Stakeholders by influence (rows, 5 at the top) and interest (columns)" />
      <footer className="export-frame__footer">
        <span />
        <span className="export-frame__credit">Made with Stakemap</span>
      </footer>
    </div>
  );
}
