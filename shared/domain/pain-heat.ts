import type { WorkspaceDocument } from '../document/schema';
import { attachmentKey, painPointsByAttachment, stakeholderNameById } from './pain-point-index';
import { voteTotals } from './votes';

/*
 * Pain heat: relationship lines drawn by the weight of the pain points attached to them, so the relationships
 * that hurt most stand out at a glance. Weight is either how many pain points a relationship carries or how
 * many votes they received.
 */

export const PAIN_HEAT_MODES = ['off', 'painPoints', 'votes'] as const;
export type PainHeatMode = (typeof PAIN_HEAT_MODES)[number];
export type PainHeatWeight = Exclude<PainHeatMode, 'off'>;

type HeatParts = Pick<WorkspaceDocument, 'stakeholders' | 'relationships' | 'painPoints' | 'ballots'>;

/** Each relationship's weight (relationships without pain points are absent, weight 0). */
export function relationshipPainWeights(doc: HeatParts, by: PainHeatWeight): Map<string, number> {
  const attached = painPointsByAttachment(doc as WorkspaceDocument);
  const totals = by === 'votes' ? voteTotals(doc) : null;
  const weights = new Map<string, number>();
  for (const r of doc.relationships) {
    const painPoints = attached.get(attachmentKey({ type: 'relationship', id: r.id })) ?? [];
    const weight = totals ? painPoints.reduce((sum, p) => sum + (totals.get(p.id) ?? 0), 0) : painPoints.length;
    if (weight > 0) weights.set(r.id, weight);
  }
  return weights;
}

/** Stroke width for a weight: from the status's own width (weight 0) up to 14 px for the heaviest, by area. */
export function heatStrokeWidth(baseWidth: number, weight: number, heaviest: number): number {
  if (weight <= 0 || heaviest <= 0) return baseWidth;
  return Math.round((baseWidth + (14 - baseWidth) * Math.sqrt(weight / heaviest)) * 10) / 10;
}

export interface HeavyRelationship {
  readonly id: string;
  /** "Social media team – Legal". */
  readonly between: string;
  readonly label: string;
  readonly weight: number;
}

/** The heaviest relationships, heaviest first (ties by the names), at most `limit`. */
export function heaviestRelationships(doc: HeatParts, by: PainHeatWeight, limit = 5): HeavyRelationship[] {
  const weights = relationshipPainWeights(doc, by);
  return doc.relationships
    .filter((r) => weights.has(r.id))
    .map((r) => ({
      id: r.id,
      between: `${stakeholderNameById(doc as WorkspaceDocument, r.source)} – ${stakeholderNameById(doc as WorkspaceDocument, r.target)}`,
      label: r.label,
      weight: weights.get(r.id)!,
    }))
    .sort((a, b) => b.weight - a.weight || a.between.localeCompare(b.between, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/** "3 pain points", "1 vote". */
export function describeWeight(weight: number, by: PainHeatWeight): string {
  const unit = by === 'votes' ? 'vote' : 'pain point';
  return `${weight} ${unit}${weight === 1 ? '' : 's'}`;
}
