import { memo, useMemo } from 'react';
import type { Relationship, Stakeholder } from '@shared/document/schema';
import { bridgesAndBottlenecks } from '@shared/domain/bottlenecks';
import { MAX_BOTTLENECK_STAKEHOLDERS } from '@shared/export/organisation-report';

/**
 * "Bridges and bottlenecks": the stakeholders the shortest routes between the others run through, most first,
 * each with the one line that explains why (shared/domain/bottlenecks.ts). A name selects the stakeholder.
 */
export const BottleneckList = memo(function BottleneckList({
  stakeholders,
  relationships,
  onSelect,
}: {
  stakeholders: Stakeholder[];
  relationships: Relationship[];
  onSelect: (id: string) => void;
}) {
  const tooLarge = stakeholders.length > MAX_BOTTLENECK_STAKEHOLDERS;
  const ranked = useMemo(
    () => (tooLarge ? [] : bridgesAndBottlenecks({ stakeholders, relationships }).filter((e) => e.routesThrough > 0).slice(0, 8)),
    [stakeholders, relationships, tooLarge],
  );
  return (
    <section className="bottlenecks" aria-labelledby="bottlenecks-heading">
      <h3 id="bottlenecks-heading" className="panel-heading">
        Bridges and bottlenecks
      </h3>
      {tooLarge ? (
        <p className="grid-view__hint">This map is too large to rank here ({stakeholders.length.toLocaleString('en-US')} stakeholders).</p>
      ) : ranked.length === 0 ? (
        <p className="grid-view__hint">No route between stakeholders passes through another yet: connect them on the map.</p>
      ) : (
        <ol className="bottlenecks__list">
          {ranked.map((entry) => (
            <li key={entry.id}>
              <button type="button" className="bottlenecks__name" onClick={() => onSelect(entry.id)}>
                {entry.name.trim() || 'Unnamed stakeholder'}
              </button>
              <p className="bottlenecks__why">{entry.explanation}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
