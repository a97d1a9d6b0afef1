import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../../shared/host/channels';
import { createAppHandlers } from '../../../../electron/ipc/app-handlers';
import { createImportHandlers } from '../../../../electron/ipc/import-handlers';
import { createExportHandlers } from '../../../../electron/ipc/export-handlers';
import { createHandlerContext, type HostDependencies } from '../../../../electron/ipc/handler-context';
import { createHostHandlers } from '../../../../electron/ipc/host-handlers';
import { createPreferencesHandlers } from '../../../../electron/ipc/preferences-handlers';
import { createRecoveryHandlers } from '../../../../electron/ipc/recovery-handlers';
import { createWorkspaceHandlers } from '../../../../electron/ipc/workspace-handlers';
import { FileAccessList } from '../../../../electron/services/file-access';
import { createUnavailableLiveSession } from '../../../../electron/services/live-session';
import { RecentWorkspaces } from '../../../../electron/services/recent-workspaces';
import { MemoryStore } from '../helpers';

function dependencies(): HostDependencies {
  const settings = new MemoryStore();
  const unexpected = async (): Promise<never> => {
    throw new Error('no dialog expected');
  };
  return {
    dialogs: { showOpenDialog: unexpected, showSaveDialog: unexpected, askUnsavedChanges: unexpected, confirmReplace: unexpected },
    settings,
    recent: new RecentWorkspaces(settings, 'linux'),
    access: new FileAccessList('linux'),
    window: { setDocumentState: () => undefined, closeConfirmed: () => undefined },
    launch: { platform: 'linux', takePendingFilePath: () => null },
    now: () => new Date('2026-11-22T10:00:00.000Z'),
    printToPdf: unexpected,
    capturePage: unexpected,
  };
}

describe('createHostHandlers', () => {
  it('handles every invoke channel, each in exactly one concern', () => {
    const deps = dependencies();
    const context = createHandlerContext(deps);
    const concerns = {
      workspace: Object.keys(createWorkspaceHandlers(context)),
      export: Object.keys(createExportHandlers(context)),
      import: Object.keys(createImportHandlers(context)),
      app: Object.keys(createAppHandlers(deps)),
      preferences: Object.keys(createPreferencesHandlers(deps)),
      recovery: Object.keys(createRecoveryHandlers({ ...deps, fingerprints: context.fingerprints })),
      live: Object.keys(createUnavailableLiveSession()).filter((key) => key !== 'dispose'),
    };
    const all = Object.values(concerns).flat();
    // A channel in two concerns would be answered by whichever is spread last, silently.
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(Object.keys(invokeChannels).sort());
    expect(Object.keys(createHostHandlers(deps)).sort()).toEqual(Object.keys(invokeChannels).sort());
  });
});
