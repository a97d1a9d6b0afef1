import type { LivePeerPresence } from '@shared/live/live-protocol';

/** Who else has one stakeholder selected: their names ("Priya, Sam") and the colour it is marked in (the first one's). */
export interface SelectedByOthers {
  readonly names: string;
  readonly color: string;
}

/** Who else has `stakeholderId` selected, or null for nobody. The node's ring and the overview's use this one rule. */
export function selectedByOthers(peers: readonly LivePeerPresence[], stakeholderId: string): SelectedByOthers | null {
  const by = peers.filter((p) => p.selection?.includes(stakeholderId));
  return by.length === 0 ? null : { names: by.map((p) => p.name).join(', '), color: by[0]!.color };
}

/** Every stakeholder someone else has selected, with who (the overview of a large map draws them all at once). */
export function othersSelections(peers: readonly LivePeerPresence[]): Map<string, SelectedByOthers> {
  const ids = new Set(peers.flatMap((p) => p.selection ?? []));
  const result = new Map<string, SelectedByOthers>();
  for (const id of ids) result.set(id, selectedByOthers(peers, id)!);
  return result;
}
