import type { WorkspaceDocument } from '../document/schema';
import { bridgesAndBottlenecks, type BottleneckEntry } from '../domain/bottlenecks';
import { perceptionGaps, type PerceptionGap } from '../domain/perception-gaps';
import { layoutGrid, QUADRANTS, quadrantOf, type Quadrant } from '../domain/power-interest-grid';
import { stakeholderName } from '../domain/pain-point-index';

/*
 * "Seeing the organisation" in the report (PDF and Markdown): the power/interest grid by quadrant, with each
 * stakeholder's scores, the ranked bridges and bottlenecks, and where the two sides of a relationship see it
 * differently. Built once here so both formats say the same.
 */

export interface OrganisationReport {
  /** The four quadrants in reading order (Manage closely, Keep satisfied, Keep informed, Monitor). */
  readonly quadrants: ReadonlyArray<{
    readonly quadrant: Quadrant;
    readonly name: string;
    readonly advice: string;
    /** Strongest first (influence, then interest), then by name. */
    readonly stakeholders: ReadonlyArray<{ readonly name: string; readonly influence: number; readonly interest: number }>;
  }>;
  /** Stakeholders without both scores, by name. */
  readonly unscored: readonly string[];
  /** Those that routes between others pass through, most first (at most 10). */
  readonly bottlenecks: readonly BottleneckEntry[];
  /** Relationships whose two sides see them differently, widest gap first (shared/domain/perception-gaps.ts). */
  readonly perceptionGaps: readonly PerceptionGap[];
}

/** Past this many stakeholders the bottleneck ranking is left out of the report (it grows with the square). */
export const MAX_BOTTLENECK_STAKEHOLDERS = 3000;

export function buildOrganisationReport(doc: Pick<WorkspaceDocument, 'stakeholders' | 'relationships'>): OrganisationReport {
  const { placed, tray } = layoutGrid(doc.stakeholders);
  const quadrants = (Object.keys(QUADRANTS) as Quadrant[]).map((quadrant) => ({
    quadrant,
    name: QUADRANTS[quadrant].name,
    advice: QUADRANTS[quadrant].advice,
    stakeholders: doc.stakeholders
      .filter((s) => placed.has(s.id) && quadrantOf(placed.get(s.id)!.scores) === quadrant)
      .map((s) => ({ name: stakeholderName(s.name), influence: s.influence!, interest: s.interest! }))
      .sort((a, b) => b.influence - a.influence || b.interest - a.interest || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
  }));
  const bottlenecks =
    doc.stakeholders.length > MAX_BOTTLENECK_STAKEHOLDERS ? [] : bridgesAndBottlenecks(doc).filter((e) => e.routesThrough > 0).slice(0, 10);
  return { quadrants, unscored: tray.map((s) => stakeholderName(s.name)), bottlenecks, perceptionGaps: perceptionGaps(doc) };
}
