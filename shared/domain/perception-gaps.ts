import { RELATIONSHIP_STATUSES, type RelationshipStatus } from '../document/format';
import type { Relationship, WorkspaceDocument } from '../document/schema';
import { RELATIONSHIP_STATUS_LABELS } from '../document/vocabulary';
import { stakeholderName } from './pain-point-index';

/*
 * Both sides of a relationship. A relationship's `status` is how its source side sees it; `otherSide`, when the
 * room has asked, is how its target sees it. Where the two statuses differ there is a perception gap: the line is
 * drawn split and the "Perception gaps" list names it. A note from the other side with the same status is no gap:
 * they agree on how it is, whatever they add.
 */

/** How far apart two statuses are: healthy, neutral, strained, problematic are one step from their neighbours. */
export function statusDistance(a: RelationshipStatus, b: RelationshipStatus): number {
  return Math.abs(RELATIONSHIP_STATUSES.indexOf(a) - RELATIONSHIP_STATUSES.indexOf(b));
}

/** The other side's status where it differs from the source side's, else null (no view recorded, or they agree). */
export function theirDifferingStatus(relationship: Pick<Relationship, 'status' | 'otherSide'>): RelationshipStatus | null {
  const theirs = relationship.otherSide?.status;
  return theirs !== undefined && theirs !== relationship.status ? theirs : null;
}

export function hasPerceptionGap(relationship: Pick<Relationship, 'status' | 'otherSide'>): boolean {
  return theirDifferingStatus(relationship) !== null;
}

export interface PerceptionGap {
  readonly id: string;
  readonly sourceName: string;
  readonly targetName: string;
  readonly label: string;
  /** How the source side sees it. */
  readonly ours: RelationshipStatus;
  /** How the target side sees it. */
  readonly theirs: RelationshipStatus;
  /** The other side's note, in their words ('' when none). */
  readonly theirNotes: string;
  /** Steps between the two statuses (1..3): the widest gaps are listed first. */
  readonly distance: number;
}

type GapParts = Pick<WorkspaceDocument, 'stakeholders' | 'relationships'>;

/** Every relationship whose two sides see it differently: widest gap first, then by the names. */
export function perceptionGaps(doc: GapParts): PerceptionGap[] {
  const names = new Map(doc.stakeholders.map((s) => [s.id, stakeholderName(s.name)]));
  const nameOf = (id: string) => names.get(id) ?? `missing stakeholder "${id}"`;
  const gaps: PerceptionGap[] = [];
  for (const r of doc.relationships) {
    const theirs = theirDifferingStatus(r);
    if (theirs === null) continue;
    gaps.push({
      id: r.id,
      sourceName: nameOf(r.source),
      targetName: nameOf(r.target),
      label: r.label,
      ours: r.status,
      theirs,
      theirNotes: r.otherSide?.notes ?? '',
      distance: statusDistance(r.status, theirs),
    });
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  return gaps.sort((a, b) => b.distance - a.distance || byName(a.sourceName, b.sourceName) || byName(a.targetName, b.targetName) || (a.id < b.id ? -1 : 1));
}

/** How many relationships have the other side's view recorded (whether or not it differs). */
export function countRecordedOtherSides(doc: Pick<WorkspaceDocument, 'relationships'>): number {
  let count = 0;
  for (const r of doc.relationships) if (r.otherSide) count += 1;
  return count;
}

/** "Social media team sees it as problematic; Legal sees it as healthy." */
export function describePerceptionGap(gap: Pick<PerceptionGap, 'sourceName' | 'targetName' | 'ours' | 'theirs'>): string {
  const word = (s: RelationshipStatus) => RELATIONSHIP_STATUS_LABELS[s].toLowerCase();
  return `${gap.sourceName} sees it as ${word(gap.ours)}; ${gap.targetName} sees it as ${word(gap.theirs)}.`;
}
