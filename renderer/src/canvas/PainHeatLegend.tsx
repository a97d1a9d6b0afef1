import { describeWeight, type HeavyRelationship, type PainHeatWeight } from '@shared/domain/pain-heat';
import { selectDocument, setSelection, useEditor } from '../store/editor-store';
import { painHeatOf } from './pain-heat-weights';

const NO_RANKING: readonly HeavyRelationship[] = [];

/**
 * What the line widths mean while pain heat is on, and the heaviest relationships by name (a click selects one):
 * the legend says it in words, so the widths never have to be read alone.
 */
export function PainHeatLegend({ by }: { by: PainHeatWeight }) {
  const heaviest = useEditor((s) => {
    const doc = selectDocument(s);
    return doc ? painHeatOf(doc, by).ranking : NO_RANKING;
  });
  const what = by === 'votes' ? 'the votes of their pain points' : 'how many pain points they carry';
  return (
    <section className="pain-heat-legend" aria-label="What the line thickness means">
      <p className="pain-heat-legend__explain">
        Line thickness: {what}. Thickest: {heaviest[0] ? describeWeight(heaviest[0].weight, by) : 'none yet'}.
      </p>
      {heaviest.length > 0 && (
        <>
          <h3 id="heaviest-relationships-heading" className="pain-heat-legend__heading">
            Heaviest relationships
          </h3>
          <ol className="pain-heat-legend__list" aria-labelledby="heaviest-relationships-heading">
            {heaviest.map((r) => (
              <li key={r.id}>
                <button type="button" className="pain-heat-legend__item" onClick={() => setSelection({ relationshipIds: [r.id] })}>
                  {r.between}
                  {r.label ? ` (${r.label})` : ''}: {describeWeight(r.weight, by)}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
