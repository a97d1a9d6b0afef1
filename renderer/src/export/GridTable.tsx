import type { WorkspaceDocument } from '@shared/document/schema';
import { cellKey, GRID_SCORES, layoutGrid, QUADRANTS, quadrantOf } from '@shared/domain/power-interest-grid';
import { stakeholderName } from '@shared/domain/pain-point-index';

const ROWS = [...GRID_SCORES].reverse();

/**
 * The power/interest grid as a table, for paper and pictures (the PDF's grid page, the grid PNG): rows are
 * influence 5 down to 1, columns interest 1 to 5, each cell the names placed there, tinted and named by
 * quadrant. A table, so a screen reader in the PDF reads each name with its two scores.
 */
export function GridTable({ doc, caption }: { doc: Pick<WorkspaceDocument, 'stakeholders'>; caption: string }) {
  const { cells, tray } = layoutGrid(doc.stakeholders);
  return (
    <div className="grid-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Influence (rows) by interest (columns)</span>
            </th>
            {GRID_SCORES.map((interest) => (
              <th key={interest} scope="col">
                Interest {interest}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((influence) => (
            <tr key={influence}>
              <th scope="row">Influence {influence}</th>
              {GRID_SCORES.map((interest) => {
                const scores = { influence, interest };
                const quadrant = quadrantOf(scores);
                const names = (cells.get(cellKey(scores)) ?? []).map((s) => stakeholderName(s.name));
                return (
                  <td key={interest} className={`grid-table__cell quadrant-${quadrant}`}>
                    {names.length > 0 && (
                      <ul>
                        {names.map((name, i) => (
                          <li key={i}>{name}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="grid-table__key">
        {(Object.keys(QUADRANTS) as Array<keyof typeof QUADRANTS>).map((q) => (
          <span key={q} className={`grid-table__quadrant quadrant-${q}`}>
            <strong>{QUADRANTS[q].name}</strong> ({q === 'manageClosely' ? 'influence and interest 3 or more' : q === 'keepSatisfied' ? 'influence 3 or more, interest under 3' : q === 'keepInformed' ? 'interest 3 or more, influence under 3' : 'both under 3'})
          </span>
        ))}
      </p>
      {tray.length > 0 && <p className="grid-table__unscored">Not scored: {tray.map((s) => stakeholderName(s.name)).join(', ')}.</p>}
    </div>
  );
}
