import { dialog, type BrowserWindow, type FileFilter as ElectronFileFilter } from 'electron';
import type { FileFilter, HostDialogs } from './ipc/handler-context';
import { replaceConfirmedFromResponse, replaceFileMessageBox } from './replace-file-prompt';
import { unsavedChangesMessageBox, unsavedChoiceFromResponse } from './unsaved-changes-prompt';

const toElectronFilters = (filters: readonly FileFilter[]): ElectronFileFilter[] =>
  filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));

/**
 * The native dialogs, modal to the app window when there is one. `dialog.x` is looked up at each call so the
 * Electron end-to-end fixture can replace the functions to answer dialogs.
 */
export function createElectronDialogs(getWindow: () => BrowserWindow | null): HostDialogs {
  return {
    async showOpenDialog(request) {
      const options: Electron.OpenDialogOptions = {
        title: request.title,
        properties: ['openFile'],
        filters: toElectronFilters(request.filters),
        ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },

    async showSaveDialog(request) {
      const options: Electron.SaveDialogOptions = {
        title: request.title,
        defaultPath: request.defaultPath,
        filters: toElectronFilters(request.filters),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },

    async askUnsavedChanges(displayName) {
      const options = unsavedChangesMessageBox(displayName);
      const window = getWindow();
      const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return unsavedChoiceFromResponse(response);
    },

    async confirmReplace(fileNames) {
      const options = replaceFileMessageBox(fileNames);
      const window = getWindow();
      const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return replaceConfirmedFromResponse(response);
    },
  };
}
