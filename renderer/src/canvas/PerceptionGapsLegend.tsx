import { RELATIONSHIP_STATUS_LABELS } from '@shared/document/vocabulary';
import { perceptionGaps, type PerceptionGap } from '@shared/domain/perception-gaps';
import { selectDocument, setSelection, useEditor } from '../store/editor-store';

const NO_GAPS: readonly PerceptionGap[] = [];
const gapCache = new WeakMap<object, readonly PerceptionGap[]>();

/** The document's gaps, worked out once per document (the selector runs on every store change). */
function gapsOf(doc: Parameters<typeof perceptionGaps>[0]): readonly PerceptionGap[] {
  let gaps = gapCache.get(doc);
  if (!gaps) {
    gaps = perceptionGaps(doc);
    gapCache.set(doc, gaps);
  }
  return gaps;
}

/** The map's perception gaps (the same array while the document is the same). */
export function usePerceptionGaps(): readonly PerceptionGap[] {
  return useEditor((s) => {
    const doc = selectDocument(s);
    return doc ? gapsOf(doc) : NO_GAPS;
  });
}

const word = (status: PerceptionGap['ours']) => RELATIONSHIP_STATUS_LABELS[status].toLowerCase();

/**
 * "Perception gaps": every relationship whose two sides see it differently, widest gap first, each naming both
 * sides and both views; a click selects the relationship. Shown in the map's legend beside what the split line
 * means, while the map has any.
 */
export function PerceptionGapsLegend({ gaps }: { gaps: readonly PerceptionGap[] }) {
  return (
    <section className="perception-gaps" aria-labelledby="perception-gaps-heading">
      <h3 id="perception-gaps-heading" className="perception-gaps__heading">
        Perception gaps
      </h3>
      <p className="perception-gaps__explain">A split line (≠ on its label): the second half is how the other side sees it.</p>
      <ol className="perception-gaps__list" aria-labelledby="perception-gaps-heading">
        {gaps.map((gap) => (
          <li key={gap.id}>
            <button type="button" className="perception-gaps__item" onClick={() => setSelection({ relationshipIds: [gap.id] })}>
              <strong>
                {gap.sourceName} – {gap.targetName}
              </strong>
              {gap.label ? ` (${gap.label})` : ''}: {gap.sourceName} sees it as {word(gap.ours)}, {gap.targetName} as {word(gap.theirs)}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
