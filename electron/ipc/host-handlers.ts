import type { InvokeHandlers } from '../../shared/host/channels';
import { createAppHandlers } from './app-handlers';
import { createExportHandlers } from './export-handlers';
import { createHandlerContext, type HostDependencies } from './handler-context';
import { createImportHandlers } from './import-handlers';
import { createPreferencesHandlers } from './preferences-handlers';
import { createRecoveryHandlers } from './recovery-handlers';
import { createWorkspaceHandlers } from './workspace-handlers';
import { createUnavailableLiveSession } from '../services/live-session';

/*
 * What main does for each renderer request, by concern: workspace-handlers.ts (open, save, versions, recent),
 * export-handlers.ts, app-handlers.ts (launch, window, unsaved changes), preferences-handlers.ts (theme, Large
 * text) and recovery-handlers.ts, over the state they share (handler-context.ts). No Electron import in any of
 * them: the Electron main process and the Playwright harness both build these handlers, each with its own dialogs,
 * store and window, so the end-to-end tests exercise the same code that ships.
 */

/** One async function per invoke channel of shared/host/channels.ts. */
export type HostHandlers = InvokeHandlers;

// The types of createHostHandlers' dependencies, for main, electron-dialogs.ts, window.ts and the test harness.
export type {
  FileFilter,
  HostDependencies,
  HostDialogs,
  LaunchInfo,
  OpenDialogRequest,
  SaveDialogRequest,
  WindowController,
} from './handler-context';

/**
 * The live session's channels (electron/services/live-session.ts), without its dispose. The file a hosted session
 * records is kept only if the renderer may already save over it, and resuming that session grants it again (the
 * user chose to resume): a renderer cannot gain a file through a session.
 */
function liveHandlers(deps: HostDependencies) {
  const { dispose: _dispose, ...handlers } = deps.live ?? createUnavailableLiveSession();
  return {
    ...handlers,
    'live:host': async (args: Parameters<typeof handlers['live:host']>[0]) => {
      const filePath = args.file.filePath !== null && deps.access.canWrite(args.file.filePath) ? args.file.filePath : null;
      return handlers['live:host']({ ...args, file: { ...args.file, filePath } });
    },
    'live:resume': async () => {
      const result = await handlers['live:resume'](undefined);
      if (result.ok && result.filePath !== null) deps.access.grantWrite(result.filePath);
      return result;
    },
  };
}

/** Builds the handlers for every invoke channel. */
export function createHostHandlers(deps: HostDependencies): HostHandlers {
  const context = createHandlerContext(deps);
  return {
    ...createWorkspaceHandlers(context),
    ...createExportHandlers(context),
    ...createImportHandlers(context),
    ...createAppHandlers(deps),
    ...createPreferencesHandlers(deps),
    // The fingerprints are passed in (recovery-handlers.ts imports none of these modules): a draft records its
    // file's fingerprint, and restoring it makes the next save compare the file with that.
    ...createRecoveryHandlers({ ...deps, fingerprints: context.fingerprints }),
    ...liveHandlers(deps),
  };
}
