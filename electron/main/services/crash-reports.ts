import { readdir } from 'node:fs/promises';

/**
 * The crash reports Crashpad keeps on this computer (Electron's crashReporter, started with
 * `uploadToServer: false` in platform/crash-reporting.ts): minidumps under `completed/`, `pending/` or, on
 * Windows, `reports/` of the crash-dumps folder. Nothing is sent anywhere; Help › Show Crash Reports opens
 * the folder so the user can send a report to support, or says there is none.
 */
export interface CrashReports {
  readonly folder: string;
  /** How many minidumps the folder holds; 0 when Crashpad has not made the folder yet. */
  count(): Promise<number>;
}

export function createCrashReports(folder: string): CrashReports {
  return {
    folder,
    async count() {
      try {
        const entries = await readdir(folder, { recursive: true });
        return entries.filter((entry) => entry.toLowerCase().endsWith('.dmp')).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw error;
      }
    },
  };
}
