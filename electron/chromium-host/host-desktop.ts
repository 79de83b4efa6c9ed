import { spawn } from 'node:child_process';
import type { DesktopPort } from '../main/services/desktop-port';

/**
 * The desktop port for the Chromium host run by hand: it opens folders and links with the system's opener
 * (`xdg-open`, `open`, `explorer`); where there is none, the request is quietly dropped (the handler
 * has logged it already).
 */
export function createSystemDesktop(): DesktopPort {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const launch = (target: string) =>
    new Promise<void>((resolve) => {
      const child = spawn(opener, [target], { detached: true, stdio: 'ignore' });
      child.on('error', () => resolve());
      child.on('spawn', () => {
        child.unref();
        resolve();
      });
    });
  return { openPath: launch, openExternal: launch };
}

/** The desktop port for tests: it remembers what the app asked to open instead of opening it. */
export function createRecordingDesktop(): DesktopPort & { readonly opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    openPath: async (folder) => {
      opened.push(folder);
    },
    openExternal: async (url) => {
      opened.push(url);
    },
  };
}
