import type { RelationshipStatus, SolutionStatus, StakeholderKind } from './format';

/*
 * The words people see for each value of the format's enums (format.ts), in one place beside them: the map,
 * the inspector, the legend, the board and every export say the same. Typed as records over the enums, so a
 * new value without a word does not compile. Exports print these words: changing one changes exported files.
 * Mid-sentence uses lower-case them ("Relationship Legal – Brand: problematic").
 */

/** How each stakeholder kind is described (legend, inspector, palette, the stakeholder's node). */
export const STAKEHOLDER_KIND_LABELS: Readonly<Record<StakeholderKind, string>> = Object.freeze({
  team: 'Our team',
  department: 'Internal department',
  external: 'Outside party',
});

/** How each relationship status is named (inspector, legend, context menu, the word on the line). */
export const RELATIONSHIP_STATUS_LABELS: Readonly<Record<RelationshipStatus, string>> = Object.freeze({
  healthy: 'Healthy',
  neutral: 'Neutral',
  strained: 'Strained',
  problematic: 'Problematic',
});

/** How each solution status is named (the editor, the solutions list, the report, Markdown and CSV). */
export const SOLUTION_STATUS_LABELS: Readonly<Record<SolutionStatus, string>> = Object.freeze({
  idea: 'Idea',
  agreed: 'Agreed',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
});
