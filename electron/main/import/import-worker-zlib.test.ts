import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/**
 * Stop on an import, and the stall watchdog, end the import worker with `worker.terminate()`. Node aborts
 * the whole process that hosts the worker — Kredo's main process — when the thread is terminated while
 * node:zlib is setting a stream up (`Assertion failed: init_done_ && "close before init"`, node_zlib.cc,
 * in the worker's cleanup). This project's CI died of it once in the "cancels a running job" test; a worker
 * that gzips in a loop, terminated at random moments, took Node 20 down within 200 terminations. The
 * check is still there in Node 22, which Electron ships. So the worker's jobs never call node:zlib: the
 * main process gzips the batches (gzip-batch.ts) and zips are unpacked with fflate (bounded-zip.ts).
 */
const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);

function runWatched(paths: string[]): Promise<{ files: { name: string; kind: string; batches: number }[]; calls: string[] }> {
  const worker = new Worker(new URL('../../../tests/support/zlib-watching-import-worker.mjs', import.meta.url), {
    workerData: { paths, jobModule: pathToFileURL(path.resolve('electron/main/import/run-import-job.ts')).href, sniffModule: pathToFileURL(path.resolve('electron/main/import/sniff-format.ts')).href },
  });
  const files: { name: string; kind: string; batches: number }[] = [];
  return new Promise((resolve, reject) => {
    worker.on('message', (message: { type: 'file'; name: string; kind: string; batches: number } | { type: 'calls'; calls: string[] }) => {
      if (message.type === 'file') files.push(message);
      else void worker.terminate().then(() => resolve({ files, calls: message.calls }));
    });
    worker.on('error', reject);
  });
}

describe('the import worker can be stopped at any moment', () => {
  it('reads open items (CSV and Excel), a bank statement and an e-invoice without calling node:zlib', async () => {
    const { files, calls } = await runWatched([fixture('exact-online-open-items.csv'), fixture('afas-openstaande-posten.xlsx'), fixture('camt053-v02-abn-amro.xml'), fixture('ubl-invoice-peppol.xml')]);
    // Every file was really read into batches, so the jobs went through the code that packs them.
    expect(files.map((file) => [file.kind, file.batches > 0])).toEqual([['open-items', true], ['xlsx', true], ['camt053', true], ['ubl', true]]);
    expect(calls).toEqual([]);
  });
});
