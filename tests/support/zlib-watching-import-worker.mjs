// An import worker thread as the app runs one (import-worker-bootstrap.mjs: tsx, then the job's source), with
// every node:zlib entry point wrapped to note its calls before the job's modules load. It runs each file the
// way the Imports screen does — analyse, then parse with the analysis's columns — and answers with the zlib
// functions the jobs called. See import-worker-zlib.test.ts for why there must be none.
import zlib from 'node:zlib';
import { syncBuiltinESMExports } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const calls = [];
for (const [name, value] of Object.entries(zlib)) {
  if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
  // The create* factories are read-only but configurable properties.
  Object.defineProperty(zlib, name, {
    value: function watched(...args) {
      calls.push(name);
      return value.apply(this, args);
    },
  });
}
syncBuiltinESMExports();
register();

const { runImportJob } = await import(workerData.jobModule);
const { sniffFormat } = await import(workerData.sniffModule);
const { readFile } = await import('node:fs/promises');
for (const path of workerData.paths) {
  const name = path.split('/').pop();
  const kind = sniffFormat(new Uint8Array(await readFile(path)).subarray(0, 65_536));
  let analysis;
  await runImportJob({ type: 'analyse', path, name, kind, defaultCurrency: 'EUR', profiles: [] }, (message) => {
    if (message.type === 'analysis') analysis = message.analysis;
  });
  const tabular = analysis?.type === 'tabular';
  const dialect = tabular ? { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat } : { decimal: '.', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' };
  let batches = 0;
  await runImportJob({ type: 'parse', path, name, kind, fileId: name, mapping: tabular ? analysis.mapping : {}, dialect }, (message) => {
    if (message.type === 'batch') batches += 1;
  });
  parentPort.postMessage({ type: 'file', name, kind, batches });
}
parentPort.postMessage({ type: 'calls', calls });
