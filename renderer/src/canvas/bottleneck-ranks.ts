import type { WorkspaceDocument } from '@shared/document/schema';
import { bridgesAndBottlenecks, type BottleneckEntry } from '@shared/domain/bottlenecks';
import { MAX_BOTTLENECK_STAKEHOLDERS } from '@shared/export/organisation-report';

/** How many of the ranking the map marks when "Mark bridges and bottlenecks" is on. */
export const MARKED_BOTTLENECKS = 3;

/*
 * The top of the "Bridges and bottlenecks" ranking for the map's decoration, worked out once per document (a
 * node selects only its own rank, so turning the marks on re-renders only the few nodes marked).
 */
const cache = new WeakMap<WorkspaceDocument, ReadonlyMap<string, { rank: number; entry: BottleneckEntry }>>();

export function bottleneckRanks(doc: WorkspaceDocument): ReadonlyMap<string, { rank: number; entry: BottleneckEntry }> {
  let ranks = cache.get(doc);
  if (!ranks) {
    const top = doc.stakeholders.length > MAX_BOTTLENECK_STAKEHOLDERS ? [] : bridgesAndBottlenecks(doc).filter((e) => e.routesThrough > 0).slice(0, MARKED_BOTTLENECKS);
    ranks = new Map(top.map((entry, i) => [entry.id, { rank: i + 1, entry }]));
    cache.set(doc, ranks);
  }
  return ranks;
}
