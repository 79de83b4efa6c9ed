import { shell } from 'electron';
import type { DesktopPort } from '../services/desktop-port';

export const electronDesktop: DesktopPort = {
  async openPath(folder) {
    const problem = await shell.openPath(folder);
    if (problem) throw new Error(`Could not open ${folder}: ${problem}`);
  },
  openExternal: (url) => shell.openExternal(url),
};
