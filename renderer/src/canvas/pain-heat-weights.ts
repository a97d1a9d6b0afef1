import type { WorkspaceDocument } from '@shared/document/schema';
import { heaviestRelationships, relationshipPainWeights, type HeavyRelationship, type PainHeatWeight } from '@shared/domain/pain-heat';

/*
 * The relationships' pain weights, worked out once per document and mode and shared by every line on the map
 * (each line selects only its own width, so a change re-renders only the lines whose width changed).
 */

interface Heat {
  readonly weights: ReadonlyMap<string, number>;
  readonly heaviest: number;
  /** The five heaviest relationships, for the legend (the same array while the document is the same). */
  readonly ranking: readonly HeavyRelationship[];
}

const cache = new WeakMap<WorkspaceDocument, Partial<Record<PainHeatWeight, Heat>>>();

export function painHeatOf(doc: WorkspaceDocument, by: PainHeatWeight): Heat {
  const forDoc = cache.get(doc) ?? {};
  let heat = forDoc[by];
  if (!heat) {
    const weights = relationshipPainWeights(doc, by);
    heat = { weights, heaviest: Math.max(0, ...weights.values()), ranking: heaviestRelationships(doc, by, 5) };
    forDoc[by] = heat;
    cache.set(doc, forDoc);
  }
  return heat;
}
