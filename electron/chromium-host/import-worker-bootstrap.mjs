// The Chromium host runs the main process's TypeScript from source. Node 20 worker threads do not apply
// `--import` from execArgv, so this plain-JavaScript entry registers tsx in the worker itself and then
// loads the real import worker (electron/main/import/import-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('../main/import/import-worker.ts');
