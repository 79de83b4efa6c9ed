import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  readonly filePath: string;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface FileLoggerOptions {
  readonly directory: string;
  readonly fileName?: string;
  /** The log is rotated when it grows past this size; `main.log` becomes `main.1.log` and so on. */
  readonly maxBytes?: number;
  readonly keepFiles?: number;
  readonly now?: () => Date;
  /** Also echo to the console, for development and the Chromium host's terminal. */
  readonly echo?: boolean;
}

/**
 * The main process's log: one JSON object per line, so support can grep it and a tool can parse it.
 * Lines are appended synchronously: the log is small and, above all, it must still hold the last lines
 * when the process dies, which is when someone reads it.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const fileName = options.fileName ?? 'main.log';
  const filePath = path.join(options.directory, fileName);
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keepFiles = options.keepFiles ?? 3;
  const now = options.now ?? (() => new Date());
  mkdirSync(options.directory, { recursive: true });

  function rotateIfNeeded(): void {
    let size: number;
    try {
      size = statSync(filePath).size;
    } catch {
      return;
    }
    if (size < maxBytes) return;
    const base = fileName.replace(/\.log$/, '');
    rmSync(path.join(options.directory, `${base}.${keepFiles}.log`), { force: true });
    for (let index = keepFiles - 1; index >= 1; index -= 1) {
      const from = path.join(options.directory, `${base}.${index}.log`);
      try {
        renameSync(from, path.join(options.directory, `${base}.${index + 1}.log`));
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(filePath, path.join(options.directory, `${base}.1.log`));
  }

  function write(level: LogLevel, message: string, fields?: LogFields): void {
    const line = JSON.stringify({ time: now().toISOString(), level, message, ...fields });
    try {
      rotateIfNeeded();
      appendFileSync(filePath, `${line}\n`, 'utf8');
    } catch {
      // A full disk must not take the app down with it; the console line below is the last resort.
    }
    if (options.echo) {
      (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(`[kredo:${level}] ${message}`, fields ?? '');
    }
  }

  return {
    filePath,
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** Turns an unknown thrown value into loggable fields without losing the stack. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.message, stack: error.stack, name: error.name };
  return { error: String(error) };
}
