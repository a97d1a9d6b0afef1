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
  'file.restoreVersion',
  'file.close',
  'edit.undo',
  'edit.redo',
  'edit.delete',
  'edit.selectAll',
  'edit.find',
  'map.addStakeholder',
  'map.addPainPoint',
  'map.addSolution',
  'map.manageCategories',
  'view.showMap',
  'view.showBoard',
  'view.showSolutions',
  'view.clearFilters',
  'view.zoomIn',
  'view.zoomOut',
  'view.fit',
  'view.toggleMinimap',
  'view.toggleLegend',
  'view.toggleFocus',
  'help.shortcuts',
  'help.about',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];
