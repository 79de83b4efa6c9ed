/**
 * The Electron main process entry point. Everything that needs Electron lives in `platform/`; the services
 * it wires are plain Node and run the same way in the Chromium host and in tests.
 */
import { startElectronApp } from './platform/start-electron-app';

startElectronApp(import.meta.dirname);
