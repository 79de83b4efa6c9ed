import type { LogFields, Logger, LogLevel } from '../../electron/main/services/logger';

export interface MemoryLogger extends Logger {
  readonly entries: { level: LogLevel; message: string; fields: LogFields | undefined }[];
}

/** A logger that keeps its lines in memory, so a test can assert what was logged. */
export function createMemoryLogger(): MemoryLogger {
  const entries: MemoryLogger['entries'] = [];
  const at = (level: LogLevel) => (message: string, fields?: LogFields) => {
    entries.push({ level, message, fields });
  };
  return { filePath: '/logs/main.log', entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
