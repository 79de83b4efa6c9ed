import { app, crashReporter } from 'electron';
import { createCrashReports, type CrashReports } from '../services/crash-reports';

/**
 * Starts Crashpad as early as possible (Electron docs, crashReporter: before the app is ready), keeping every
 * crash dump on this computer: `uploadToServer: false`, so no `submitURL` and nothing leaves the machine —
 * a dump can hold the debtor data that was in memory. The dumps land in `app.getPath('crashDumps')`
 * (the `Crashpad` folder of Kredo's data folder).
 */
export function startLocalCrashReporter(): CrashReports {
  crashReporter.start({ uploadToServer: false });
  return createCrashReports(app.getPath('crashDumps'));
}
