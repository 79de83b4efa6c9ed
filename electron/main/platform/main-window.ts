import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_NAME } from '../../../shared/app-identity';
import type { MainServices } from '../main-services';
import { secureWebPreferences } from '../security/web-preferences';
import { errorFields } from '../services/logger';
import { MINIMUM_WINDOW_SIZE, placeWindow } from '../services/window-state';

/**
 * Opens the main window where the user left it (see `placeWindow`) and saves its place when it closes.
 * The window is shown only once the page has painted, so there is no white flash.
 */
export async function openMainWindow(
  services: MainServices,
  options: { preloadPath: string; url: string; iconPath: string },
): Promise<BrowserWindow> {
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
    (display) => display.workArea,
  );
  const placement = placeWindow(await services.windowState.load(), workAreas);
  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: MINIMUM_WINDOW_SIZE.width,
    minHeight: MINIMUM_WINDOW_SIZE.height,
    title: APP_NAME,
    show: false,
    backgroundColor: '#f6f7f9',
    ...(process.platform === 'linux' && { icon: options.iconPath }),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (placement.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const disconnect = services.events.connect((channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  });

  let isStateSaved = false;
  window.on('close', (event) => {
    if (isStateSaved) return;
    // Hold the close until the bounds are on disk; a write cut short by the exit would lose them.
    event.preventDefault();
    const bounds = window.getNormalBounds();
    services.windowState
      .save({ ...bounds, isMaximized: window.isMaximized() })
      .catch((error: unknown) => services.logger.warn('Could not save the window position', errorFields(error)))
      .finally(() => {
        isStateSaved = true;
        window.close();
      });
  });
  window.on('closed', disconnect);

  window.webContents.on('render-process-gone', (_event, details) => {
    services.logger.error('Renderer process ended', { reason: details.reason, exitCode: details.exitCode });
  });

  await window.loadURL(options.url);
  return window;
}

export function preloadPathNextTo(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
