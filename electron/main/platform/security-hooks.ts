import { app, session, shell } from 'electron';
import { isSafeExternalUrl } from '../security/external-url-policy';
import { isPermissionAllowed } from '../security/web-preferences';
import type { Logger } from '../services/logger';

/**
 * Applies the navigation, window and permission rules to every web contents Electron creates (Electron
 * security checklist §5, §10, §11, §12; Actual Budget's security.ts). The page may only ever show the app's
 * own origin; a link meant for the browser is opened there after `isSafeExternalUrl` approves it.
 */
export function installSecurityHooks(options: { isAppUrl: (url: string) => boolean; logger: Logger }): void {
  const { isAppUrl, logger } = options;
  app.on('web-contents-created', (_event, contents) => {
    const guardNavigation = (event: { preventDefault(): void }, url: string) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      logger.warn('Navigation away from the app blocked', { url });
    };
    contents.on('will-navigate', guardNavigation);
    contents.on('will-redirect', guardNavigation);
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger.warn('A <webview> was blocked');
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      else logger.warn('New window blocked', { url });
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    const allowed = isPermissionAllowed(permission);
    if (!allowed) logger.info('Permission request denied', { permission });
    callback(allowed);
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}

/** In development the page comes from Vite's dev server, so the CSP is added to its responses here. */
export function applyCspToDevServer(devServerUrl: string, csp: string): void {
  session.defaultSession.webRequest.onHeadersReceived({ urls: [`${new URL(devServerUrl).origin}/*`] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
