import { Menu } from 'electron';
import type { Preferences } from '../shared/host/preferences';
import type { DocumentMenuState } from './document-menu-state';
import type { RecentWorkspaces } from './services/recent-workspaces';
import { buildMenuTemplate, type MenuActions } from './menu';

/**
 * Installs the native application menu and rebuilds it whenever the recent workspaces or the display preferences
 * change (File > Open Recent; the checks on View > Theme and View > Large Text), and when the open document
 * shows or hides its agenda (the check on View > Show Agenda).
 */
export function installApplicationMenu(options: {
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  readonly recent: RecentWorkspaces;
  readonly preferences: { get(): Preferences; onChange(listener: () => void): () => void };
  readonly document?: Pick<DocumentMenuState, 'agendaVisible' | 'onChange'>;
  readonly actions: MenuActions;
}): void {
  const rebuild = () => {
    const template = buildMenuTemplate(
      {
        platform: options.platform,
        isPackaged: options.isPackaged,
        recent: options.recent.list(),
        preferences: options.preferences.get(),
        agendaVisible: options.document?.agendaVisible() ?? false,
      },
      options.actions,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  rebuild();
  options.recent.onChange(rebuild);
  options.preferences.onChange(rebuild);
  options.document?.onChange(rebuild);
}
