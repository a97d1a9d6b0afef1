import type { FileAccessList } from '../services/file-access';
import type { RecentWorkspaces } from '../services/recent-workspaces';
import type { RecoveryDrafts } from '../services/recovery-drafts';
import type { HostHandlers } from './host-handlers';

/*
 * The recovery:* channels (see recovery-drafts.ts). Arguments arrive validated by the channel table: a draft id
 * is letters, digits and dashes only, so it never names a path outside the drafts folder.
 */

export type RecoveryChannel = 'recovery:save' | 'recovery:discard' | 'recovery:list' | 'recovery:read';

export interface RecoveryHandlerDependencies {
  /** The drafts folder of this profile; without it nothing is kept and nothing is offered. */
  readonly recovery?: RecoveryDrafts;
  readonly access: FileAccessList;
  readonly recent: RecentWorkspaces;
}

export function createRecoveryHandlers(deps: RecoveryHandlerDependencies): Pick<HostHandlers, RecoveryChannel> {
  const { recovery } = deps;
  return {
    'recovery:save': async (draft) => {
      await recovery?.save(draft);
    },

    'recovery:discard': async ({ draftId }) => {
      await recovery?.discard(draftId);
    },

    'recovery:list': async () => (recovery ? recovery.list() : []),

    'recovery:read': async ({ draftId }) => {
      const draft = recovery ? await recovery.readDraft(draftId) : null;
      if (draft === null) return { kind: 'missing' };
      // Restored work is saved back to its file, as it would have been before the crash. A draft names its file
      // itself, so only a file the user really opened or saved before (the recent list) becomes writable again;
      // any other draft must be saved with Save As.
      if (draft.filePath !== null && deps.recent.has(draft.filePath)) deps.access.grantWrite(draft.filePath);
      return { kind: 'read', content: draft.content };
    },
  };
}
