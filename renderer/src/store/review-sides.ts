import type { WorkspaceDocument } from '@shared/document/schema';
import { diffWorkspaces, type WorkspaceDiff } from '@shared/domain/workspace-diff';
import type { ReportComparison } from '@shared/export/report';
import { documentAtSnapshot } from '@shared/operations/snapshots';
import type { Review, ReviewSide } from './review-store';

const TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The document one side of a comparison stands for, or null when its snapshot is gone. */
export function resolveSide(doc: WorkspaceDocument, side: ReviewSide): WorkspaceDocument | null {
  switch (side.kind) {
    case 'now':
      return doc;
    case 'snapshot': {
      const snapshot = doc.snapshots.find((s) => s.id === side.id);
      return snapshot ? documentAtSnapshot(doc, snapshot) : null;
    }
    case 'file':
      return side.doc;
    default: {
      const unreachable: never = side;
      return unreachable;
    }
  }
}

/** How a side is named in sentences: `the snapshot “Before” (3 Dec 2026, 09:00)`, `this workspace now`, a file's name. */
export function labelOfSide(doc: WorkspaceDocument, side: ReviewSide): string {
  switch (side.kind) {
    case 'now':
      return 'this workspace now';
    case 'snapshot': {
      const snapshot = doc.snapshots.find((s) => s.id === side.id);
      return snapshot ? `the snapshot “${snapshot.name}” (${TIME.format(new Date(snapshot.takenAt))})` : 'a deleted snapshot';
    }
    case 'file':
      return `“${side.fileName}”`;
    default: {
      const unreachable: never = side;
      return unreachable;
    }
  }
}

/**
 * The map a comparison draws: `after` with what `before` had and `after` lost put back in (removed stakeholders
 * where they were, removed relationships between stakeholders still drawn), so the removed can be shown faded.
 */
export function comparisonUnion(before: WorkspaceDocument, after: WorkspaceDocument, diff: WorkspaceDiff): WorkspaceDocument {
  const removedStakeholders = new Set(diff.stakeholders.filter((c) => c.change === 'removed').map((c) => c.id));
  const removedRelationships = new Set(diff.relationships.filter((c) => c.change === 'removed').map((c) => c.id));
  if (removedStakeholders.size === 0 && removedRelationships.size === 0) return after;
  return {
    ...after,
    stakeholders: [...after.stakeholders, ...before.stakeholders.filter((s) => removedStakeholders.has(s.id))],
    relationships: [...after.relationships, ...before.relationships.filter((r) => removedRelationships.has(r.id))],
  };
}

/**
 * The comparison a report made now should show: the one open on screen (both sides redacted as the export is),
 * or undefined for the report's default (since the newest snapshot). `redact` is the export's safe-to-share step.
 */
export function openComparisonForReport(doc: WorkspaceDocument, review: Review | null, redact: (d: WorkspaceDocument) => WorkspaceDocument): ReportComparison | undefined {
  if (review?.kind !== 'compare') return undefined;
  const side = (s: ReviewSide) => (s.kind === 'file' ? redact(s.doc) : resolveSide(doc, s));
  const before = side(review.before);
  const after = side(review.after);
  if (!before || !after) return undefined;
  return { beforeLabel: labelOfSide(doc, review.before), afterLabel: labelOfSide(doc, review.after), diff: diffWorkspaces(before, after) };
}
