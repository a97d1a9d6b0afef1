import type { RelationshipStatus } from '@shared/document/format';
import type { WorkspaceDocument } from '@shared/document/schema';

/** How many of a stakeholder's relationships are in each status: what a grid card shows of its lines. */
export type StatusCounts = Readonly<Record<RelationshipStatus, number>>;

const ZERO: StatusCounts = { healthy: 0, neutral: 0, strained: 0, problematic: 0 };

export function relationshipStatusCounts(doc: Pick<WorkspaceDocument, 'relationships'>): Map<string, StatusCounts> {
  const counts = new Map<string, Record<RelationshipStatus, number>>();
  const bump = (id: string, status: RelationshipStatus) => {
    const entry = counts.get(id) ?? { ...ZERO };
    entry[status] += 1;
    counts.set(id, entry);
  };
  for (const r of doc.relationships) {
    bump(r.source, r.status);
    if (r.target !== r.source) bump(r.target, r.status);
  }
  return counts;
}

export const NO_STATUS_COUNTS = ZERO;
