/**
 * The renderer's web preferences, kept as plain data so a unit test pins every one of them. Electron
 * security checklist: context isolation (§3), sandbox (§4), no Node in the page, workers or frames (§2),
 * web security on (§6), no insecure content or experimental features (§8, §9), no <webview> (§12).
 * `navigateOnDragDrop: false` stops a dropped file from replacing the app with the file's contents; the
 * import screen handles drops itself.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  } as const;
}

/**
 * Permission requests from the page (camera, geolocation, notifications…) are all refused, except writing
 * plain text to the clipboard, which "copy" buttons in the grids need.
 */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}
