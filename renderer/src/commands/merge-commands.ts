import { initialMergeDecisions, planMerge } from '@shared/merge/merge-plan';
import { announce, documentNow, useEditor } from '../store/editor-store';
import { setMergeSession, useMerge } from '../store/merge-store';
import { fitView } from './edit-commands';
import { edit } from './edits';
import { chooseOtherWorkspace } from './other-workspace';

/*
 * File > Merge Workspace…: choose a breakout group's workspace, see in the merge dialog what it would add and
 * change (matches, likely aliases and duplicates to confirm, statuses that differ), then merge it as one undo step.
 */

export async function startMerge(): Promise<void> {
  const ws = useEditor.getState().workspace;
  if (!ws) return;
  if (ws.readOnly) return announce(ws.readOnly);
  const other = await chooseOtherWorkspace('merge');
  const current = documentNow();
  if (!other || !current) return;
  setMergeSession({ fileName: other.fileName, incoming: other.doc, decisions: initialMergeDecisions(current, other.doc) });
}

export function cancelMerge(): void {
  setMergeSession(null);
}

/** Merges by the decisions in the dialog, closes it and says what it did. */
export function confirmMerge(): void {
  const session = useMerge.getState().session;
  const current = documentNow();
  if (!session || !current) return;
  const { counts } = planMerge(current, session.incoming, session.decisions);
  const changed = edit('workspace.merge', { incoming: session.incoming, decisions: session.decisions });
  setMergeSession(null);
  if (!changed) return announce(`“${session.fileName}” had nothing this map does not have already.`);
  fitView();
  announce(
    `Merged “${session.fileName}”: ${counts.stakeholdersAdded} stakeholders added, ${counts.stakeholdersMatched} matched; ` +
      `${counts.relationshipsAdded} relationships added; ${counts.painPointsAdded} pain points added, ${counts.painPointsMerged} merged. Undo takes it all back.`,
  );
}
