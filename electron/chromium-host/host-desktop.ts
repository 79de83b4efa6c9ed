import { execFile, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { DesktopPort, FileDialogOptions } from '../main/services/desktop-port';

function zenity(args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('zenity', args, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
  });
}

/**
 * The desktop port for the Chromium host run by hand. Folders and links open with the system's opener
 * (`xdg-open`, `open`, `explorer`). File dialogs use Zenity where installed; without it, saving goes to
 * the Downloads folder and opening a file is not available (the host is a development tool).
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
  const filter = (options: FileDialogOptions) => `--file-filter=${options.filterName} | ${options.extensions.map((extension) => `*.${extension}`).join(' ')}`;
  return {
    openPath: launch,
    openExternal: launch,
    chooseSaveFile: async (options) =>
      (await zenity(['--file-selection', '--save', '--confirm-overwrite', `--title=${options.title}`, filter(options), `--filename=${options.defaultName ?? ''}`])) ??
      path.join(os.homedir(), 'Downloads', options.defaultName ?? 'kredo-export'),
    chooseOpenFile: (options) => zenity(['--file-selection', `--title=${options.title}`, filter(options)]),
    chooseOpenFiles: async (options) => (await zenity(['--file-selection', '--multiple', '--separator=\n', `--title=${options.title}`, filter(options)]))?.split('\n') ?? [],
    chooseFolder: (options) => zenity(['--file-selection', '--directory', `--title=${options.title}`]),
  };
}

/** The desktop port for tests: it records what the app asked for and answers file dialogs as told. */
export interface DialogAnswers {
  saveTo?: string;
  openFile?: string;
  openFiles?: string[];
  folder?: string;
}

export function createRecordingDesktop(answers: DialogAnswers = {}): DesktopPort & {
  readonly opened: string[];
  readonly dialogs: FileDialogOptions[];
  answers: DialogAnswers;
} {
  const opened: string[] = [];
  const dialogs: FileDialogOptions[] = [];
  const port = {
    opened,
    dialogs,
    answers,
    openPath: async (folder: string) => {
      opened.push(folder);
    },
    openExternal: async (url: string) => {
      opened.push(url);
    },
    chooseSaveFile: async (options: FileDialogOptions) => {
      dialogs.push(options);
      return port.answers.saveTo;
    },
    chooseOpenFile: async (options: FileDialogOptions) => {
      dialogs.push(options);
      return port.answers.openFile;
    },
    chooseOpenFiles: async (options: FileDialogOptions) => {
      dialogs.push(options);
      return port.answers.openFiles ?? [];
    },
    chooseFolder: async () => port.answers.folder,
  };
  return port;
}
