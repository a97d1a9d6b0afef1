import { Menu } from 'electron';
import type { RecentWorkspaces } from './services/recent-workspaces';
import { buildMenuTemplate, type MenuActions } from './menu';

/** Installs the native application menu and rebuilds it whenever the recent workspaces change. */
export function installApplicationMenu(options: {
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  readonly recent: RecentWorkspaces;
  readonly actions: MenuActions;
}): void {
  const rebuild = () => {
    const template = buildMenuTemplate(
      { platform: options.platform, isPackaged: options.isPackaged, recent: options.recent.list() },
      options.actions,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  rebuild();
  options.recent.onChange(rebuild);
}
