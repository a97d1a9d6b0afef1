/**
 * Commands the native menu sends to the renderer. The renderer's keyboard map triggers the same commands, so a
 * shortcut and its menu item always do the same thing (the menu shows accelerators but leaves the keys to the
 * renderer: see electron/menu.ts).
 */
export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  /** Opens the Export dialog (PNG, PDF report, Markdown, CSV). */
  'file.export',
  'file.importStakeholders',
  /** File > Merge Workspace…: brings a breakout group's workspace into this one, after a preview. */
  'file.mergeWorkspace',
  'file.restoreVersion',
  'file.close',
  'edit.undo',
  'edit.redo',
  'edit.delete',
  'edit.selectAll',
  'edit.find',
  'map.addStakeholder',
  'map.addPainPoint',
  /** Puts the keyboard in the quick capture field ("Title > quote #category", Enter). */
  'map.capturePainPoint',
  'map.addSolution',
  'map.manageCategories',
  /** Map > Take Snapshot: keeps the map as it is now, named and dated, inside the workspace. */
  'map.takeSnapshot',
  'view.showMap',
  'view.showBoard',
  'view.showSolutions',
  'view.showGrid',
  'view.clearFilters',
  'view.zoomIn',
  'view.zoomOut',
  'view.fit',
  /** Arranges the selection (two or more stakeholders) or the whole map; pinned stakeholders stay put. */
  'view.tidyLayout',
  'view.toggleMinimap',
  'view.toggleLegend',
  'view.toggleFocus',
  /** View > Show Agenda: the workshop's stage bar and timer, shown or hidden with the workspace (agenda.visible). */
  'view.toggleAgenda',
  /** View > Participants…: who is in the room (names optional), their department and the votes they have cast. */
  'view.participants',
  /** View > Timeline…: the workspace's snapshots, to open read-only, compare or restore. */
  'view.timeline',
  /** View > Theme: follow the OS (light or dark), Light, Dark, or High Contrast (shared/host/preferences.ts). */
  'view.themeSystem',
  'view.themeLight',
  'view.themeDark',
  'view.themeHighContrast',
  /** View > Large Text: map text about 1.3 times its size, for projectors. */
  'view.toggleLargeText',
  /** Session > Start Live Session…: hosts the open workspace for participants on the room's network. */
  'session.startLive',
  /** Session > Join Live Session…: joins a facilitator's session with its join code. */
  'session.joinLive',
  /** Session > End Live Session: ends it (host) or leaves it (participant), keeping the map as it is. */
  'session.endLive',
  'help.shortcuts',
  'help.about',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];
