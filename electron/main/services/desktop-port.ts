/**
 * What the main process asks of the operating system's desktop. Electron implements it with `shell` and
 * `dialog`; the Chromium host has its own (see chromium-host/host-desktop.ts).
 */
export interface FileDialogOptions {
  readonly title: string;
  readonly filterName: string;
  readonly extensions: readonly string[];
  /** For a save dialog: the suggested file name. */
  readonly defaultName?: string;
}

export interface DesktopPort {
  /** Opens a folder in Explorer or Finder. */
  openPath(folder: string): Promise<void>;
  /** Opens a URL, already checked by `isSafeExternalUrl`, in the default browser or mail program. */
  openExternal(url: string): Promise<void>;
  /** Asks where to save a file; undefined when the user cancels. */
  chooseSaveFile(options: FileDialogOptions): Promise<string | undefined>;
  /** Asks which file to open; undefined when the user cancels. */
  chooseOpenFile(options: FileDialogOptions): Promise<string | undefined>;
  /** Asks which files to open (several may be chosen); empty when the user cancels. */
  chooseOpenFiles(options: FileDialogOptions): Promise<string[]>;
  /** Asks for a folder; undefined when the user cancels. */
  chooseFolder(options: { readonly title: string }): Promise<string | undefined>;
}
