import { create } from 'zustand';
import type { WorkspaceDocument } from '@shared/document/schema';
import type { MergeDecisions } from '@shared/merge/merge-plan';

/** File > Merge Workspace…: the workspace read to merge, and the decisions made so far in the preview. */
export interface MergeSession {
  readonly fileName: string;
  readonly incoming: WorkspaceDocument;
  readonly decisions: MergeDecisions;
}

export const useMerge = create<{ readonly session: MergeSession | null }>()(() => ({ session: null }));

export function setMergeSession(session: MergeSession | null): void {
  useMerge.setState({ session });
}

export function updateMergeDecisions(update: (decisions: MergeDecisions) => MergeDecisions): void {
  const { session } = useMerge.getState();
  if (session) useMerge.setState({ session: { ...session, decisions: update(session.decisions) } });
}
