import type { PainPoint, WorkspaceDocument } from '../document/schema';
import { unaddressedPainPointIds } from './unaddressed';

/*
 * Filtering the map. A filter never hides or removes anything: items it leaves out are drawn faintly, so the
 * room keeps its bearings, and the always-visible filter bar says what is being filtered. Runs on every change
 * of the document or the filter on maps with thousands of stakeholders, so everything here is one pass over
 * each collection.
 */

export interface MapFilter {
  /** Only problematic relationships and the stakeholders at their ends. */
  readonly problematicOnly: boolean;
  /** Only items with a (matching) pain point attached. */
  readonly withPainPoints: boolean;
  /** Only items with a pain point that no live solution addresses. */
  readonly unaddressedOnly: boolean;
  /** Only items with a pain point in one of these categories; empty means any category. */
  readonly categoryIds: readonly string[];
}

/** Everything shown. */
export const NO_FILTER: MapFilter = Object.freeze({
  problematicOnly: false,
  withPainPoints: false,
  unaddressedOnly: false,
  categoryIds: Object.freeze([]),
});

/** Whether the filter leaves anything out (the bar is shown, items may be dimmed). */
export function isFilterActive(f: MapFilter): boolean {
  return f.problematicOnly || hasPainPointCriteria(f);
}

/**
 * One short phrase per active criterion, for the filter bar, e.g. `Problematic relationships only`,
 * `Category: Governance, Roles`. Categories are named in the order the filter lists them; one that was deleted
 * meanwhile is named as missing, so the bar explains why nothing matches. Empty when the filter is off.
 */
export function describeFilter(f: MapFilter, doc: WorkspaceDocument): string[] {
  const phrases: string[] = [];
  if (f.problematicOnly) phrases.push('Problematic relationships only');
  if (f.withPainPoints) phrases.push('With pain points');
  if (f.unaddressedOnly) phrases.push('Unaddressed pain points');
  if (f.categoryIds.length > 0) {
    const names = new Map(doc.categories.map((c) => [c.id, c.name]));
    const named = [...new Set(f.categoryIds)].map((id) => names.get(id) ?? `missing category "${id}"`);
    phrases.push(`Category: ${named.join(', ')}`);
  }
  return phrases;
}

/**
 * The stakeholders and relationships the filter keeps (the others are dimmed).
 *
 * A pain point matches when it is in one of the chosen categories (any, when none is chosen) and, with
 * `unaddressedOnly`, no live solution addresses it. A relationship is kept when it is problematic (if
 * `problematicOnly`) and has a matching pain point attached (if any pain point criterion is on). A stakeholder
 * is kept on the same terms, where "problematic" means it is an end of a problematic relationship. Both ends of
 * every kept relationship are kept too: a line between two faint nodes would be hard to read. Workspace-wide
 * pain points are attached to nothing, so they keep nothing on the map. With no active filter everything is kept.
 */
export function visibleItems(doc: WorkspaceDocument, f: MapFilter): { stakeholderIds: Set<string>; relationshipIds: Set<string> } {
  const allStakeholders = new Set(doc.stakeholders.map((s) => s.id));
  if (!isFilterActive(f)) return { stakeholderIds: allStakeholders, relationshipIds: new Set(doc.relationships.map((r) => r.id)) };

  const painPointCriteria = hasPainPointCriteria(f);
  // Ids of the stakeholders and relationships with a matching pain point attached (ids are per collection).
  const withMatch = { stakeholder: new Set<string>(), relationship: new Set<string>() };
  if (painPointCriteria) {
    const categories = new Set(f.categoryIds);
    const unaddressed = f.unaddressedOnly ? unaddressedPainPointIds(doc) : null;
    const matches = (p: PainPoint) => (categories.size === 0 || categories.has(p.categoryId)) && (unaddressed === null || unaddressed.has(p.id));
    for (const p of doc.painPoints) {
      if (!matches(p)) continue;
      for (const a of p.attachedTo) {
        if (a.type === 'stakeholder') withMatch.stakeholder.add(a.id);
        else if (a.type === 'relationship') withMatch.relationship.add(a.id);
      }
    }
  }

  const problematicEnds = new Set<string>();
  if (f.problematicOnly) {
    for (const r of doc.relationships) {
      if (r.status === 'problematic') {
        problematicEnds.add(r.source);
        problematicEnds.add(r.target);
      }
    }
  }

  const stakeholderIds = new Set<string>();
  for (const s of doc.stakeholders) {
    if ((!f.problematicOnly || problematicEnds.has(s.id)) && (!painPointCriteria || withMatch.stakeholder.has(s.id))) stakeholderIds.add(s.id);
  }
  const relationshipIds = new Set<string>();
  for (const r of doc.relationships) {
    if ((!f.problematicOnly || r.status === 'problematic') && (!painPointCriteria || withMatch.relationship.has(r.id))) {
      relationshipIds.add(r.id);
      // The ends give the line its meaning; an end that does not exist (a broken reference) is not added.
      if (allStakeholders.has(r.source)) stakeholderIds.add(r.source);
      if (allStakeholders.has(r.target)) stakeholderIds.add(r.target);
    }
  }
  return { stakeholderIds, relationshipIds };
}

function hasPainPointCriteria(f: MapFilter): boolean {
  return f.withPainPoints || f.unaddressedOnly || f.categoryIds.length > 0;
}
