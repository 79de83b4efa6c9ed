/**
 * Where the renderer is served from in the desktop app: a privileged `app://` scheme rather than `file://`,
 * so the page has a proper origin (for IndexedDB and the CSP's 'self') and cannot read arbitrary files.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN_URL = `${APP_SCHEME}://kredo/`;
