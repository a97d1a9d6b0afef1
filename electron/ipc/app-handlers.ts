import type { InvokeHandlers } from '../../shared/host/channels';
import { SETTINGS_KEYS } from '../services/key-value-store';
import type { HostDependencies } from './handler-context';

/*
 * The app and window channels: what the renderer learns at launch, the document state it reports for the title
 * bar, the unsaved-changes question, and closing the window once that question is settled.
 */

export type AppChannel = 'app:launch-state' | 'window:document-state' | 'dialog:unsaved-changes' | 'window:close-confirmed';

/** Builds the handlers of the app and window channels. */
export function createAppHandlers(deps: Pick<HostDependencies, 'settings' | 'launch' | 'access' | 'window' | 'dialogs'>): InvokeHandlers<AppChannel> {
  let firstRun: boolean | null = null;

  return {
    'app:launch-state': async () => {
      // Decided once per process, so a second ask (React StrictMode in development, a reload) gets the same answer.
      if (firstRun === null) {
        firstRun = deps.settings.get(SETTINGS_KEYS.launchedBefore) !== true;
        if (firstRun) deps.settings.set(SETTINGS_KEYS.launchedBefore, true);
      }
      const pendingFilePath = deps.launch.takePendingFilePath();
      if (pendingFilePath !== null) deps.access.grantRead(pendingFilePath);
      return { firstRun, pendingFilePath, platform: deps.launch.platform };
    },

    'window:document-state': async (state) => {
      deps.window.setDocumentState(state);
    },

    'dialog:unsaved-changes': async ({ displayName }) => deps.dialogs.askUnsavedChanges(displayName),

    'window:close-confirmed': async () => {
      deps.window.closeConfirmed();
    },
  };
}
