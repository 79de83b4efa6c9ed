/**
 * What the main process asks of the operating system's desktop. Electron implements it with `shell`; the
 * Chromium host, which has no desktop integration, records the requests in its log.
 */
export interface DesktopPort {
  /** Opens a folder in Explorer or Finder. */
  openPath(folder: string): Promise<void>;
  /** Opens a URL, already checked by `isSafeExternalUrl`, in the default browser or mail program. */
  openExternal(url: string): Promise<void>;
}
