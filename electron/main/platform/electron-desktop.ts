import { BrowserWindow, dialog, shell } from 'electron';
import type { DesktopPort, FileDialogOptions } from '../services/desktop-port';

const filters = (options: FileDialogOptions) => [{ name: options.filterName, extensions: [...options.extensions] }];

export const electronDesktop: DesktopPort = {
  async openPath(folder) {
    const problem = await shell.openPath(folder);
    if (problem) throw new Error(`Could not open ${folder}: ${problem}`);
  },
  openExternal: (url) => shell.openExternal(url),
  async chooseSaveFile(options) {
    const window = BrowserWindow.getFocusedWindow();
    const settings = { title: options.title, filters: filters(options), ...(options.defaultName && { defaultPath: options.defaultName }) };
    const result = await (window ? dialog.showSaveDialog(window, settings) : dialog.showSaveDialog(settings));
    return result.canceled ? undefined : result.filePath;
  },
  async chooseOpenFile(options) {
    const window = BrowserWindow.getFocusedWindow();
    const settings = { title: options.title, filters: filters(options), properties: ['openFile' as const] };
    const result = await (window ? dialog.showOpenDialog(window, settings) : dialog.showOpenDialog(settings));
    return result.canceled ? undefined : result.filePaths[0];
  },
  async chooseOpenFiles(options) {
    const window = BrowserWindow.getFocusedWindow();
    const settings = { title: options.title, filters: filters(options), properties: ['openFile' as const, 'multiSelections' as const] };
    const result = await (window ? dialog.showOpenDialog(window, settings) : dialog.showOpenDialog(settings));
    return result.canceled ? [] : result.filePaths;
  },
  async chooseFolder(options) {
    const window = BrowserWindow.getFocusedWindow();
    const settings = { title: options.title, properties: ['openDirectory' as const, 'createDirectory' as const] };
    const result = await (window ? dialog.showOpenDialog(window, settings) : dialog.showOpenDialog(settings));
    return result.canceled ? undefined : result.filePaths[0];
  },
};
