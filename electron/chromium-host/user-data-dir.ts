import os from 'node:os';
import path from 'node:path';
import { APP_NAME } from '../../shared/app-identity';

/**
 * The same folder Electron's `app.getPath('userData')` uses for Kredo, so settings and logs are shared by
 * the desktop app and the Chromium host on one machine (the host keeps its browser profile in a subfolder).
 */
export function defaultUserDataDir(): string {
  if (process.env['KREDO_USER_DATA']) return path.resolve(process.env['KREDO_USER_DATA']);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), APP_NAME);
}
