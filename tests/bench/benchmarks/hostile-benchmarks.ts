import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { hostImportWorker, startSourceImportWorker } from '../../../electron/chromium-host/host-import-worker';
import { createImportProfiles } from '../../../electron/main/import/import-profiles';
import { IMPORT_WORKER_LIMITS, openImportService, type ImportService, type StartImportWorker } from '../../../electron/main/import/import-service';
import type { TabularAnalysis } from '../../../shared/ipc/import-contract';
import { hostileBankFiles, hostileTables, type HostileBankFile, type HostileTable } from '../../support/hostile-inputs';
import { createMemoryLogger } from '../../support/memory-logger';
import { makeTempDir } from '../../support/temp-dir';
import type { Benchmark, BenchRow } from '../bench-types';
import type { BankParseReply, BankParseRequest } from '../tools/bank-parse-worker';
import { startRssSampler, type RssSampler } from '../tools/rss-sampler';

const RUNS = 3;
/** Issue 12's Done when: hostile inputs of the kinds in item 5 finish, refused, in under 2 s each. */
const TARGET_MS = 2_000;
/** Codes that mean no bound caught the file in time: the worker ran out of memory, stalled or crashed. */
const NOT_A_REFUSAL = new Set(['import.tooMuchMemory', 'import.stalled', 'import.unreadable', 'import.cancelled']);
/** Worker threads of Node 20 take no --import from the parent: the thread registers tsx itself (as electron/chromium-host/import-worker-bootstrap.mjs does). */
const BANK_PARSE_WORKER = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('../tools/bank-parse-worker.ts', import.meta.url).href)}); });`;

interface Outcome {
  readonly refusal: string;
  readonly isRefused: boolean;
}
/** One run: how it ended, how long it took and how much memory it took at its peak (above what was there before). */
interface Run {
  readonly outcome: Outcome;
  readonly ms: number;
  readonly grewBytes: number;
}

const MiB = (bytes: number) => {
  const mib = Math.max(0, bytes / 1_048_576);
  return mib < 10 ? mib.toFixed(1) : Math.round(mib).toLocaleString('en');
};
const size = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1_000).toLocaleString('en')} KB`);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;

function refusalOf(error: unknown): Outcome {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return { refusal: `crashed: ${String(error)}`, isRefused: false };
  return { refusal: code, isRefused: code.startsWith('import.') && !NOT_A_REFUSAL.has(code) };
}

/** As the Imports screen takes a file: in through the service, analysed in the worker, its rows read when it has any to read. */
async function importTable(service: ImportService, filePath: string, table: HostileTable): Promise<Outcome> {
  const { files, refused } = await service.addPaths([filePath], 'dialog');
  if (refused.length > 0) return refusalOf(refused[0]!.error);
  const { fileId } = files[0]!;
  try {
    const analysis = (await service.analyse(fileId, 'EUR')) as TabularAnalysis;
    if (!table.dialect) return { refusal: 'analysed, not refused', isRefused: false };
    const summary = await service.parse(fileId, 1, analysis.mapping, table.dialect, analysis.reading);
    const rejection = summary.rejections[0];
    return rejection ? { refusal: `row ${rejection.row}: ${rejection.code} (${rejection.field})`, isRefused: true } : { refusal: 'imported whole', isRefused: false };
  } catch (error) {
    return refusalOf(error);
  } finally {
    await service.finish(fileId, 'discarded');
  }
}

async function watched(sampler: RssSampler, act: () => Promise<Outcome>): Promise<Run> {
  const baseline = await sampler.reset();
  const started = performance.now();
  const outcome = await act();
  const elapsed = performance.now() - started;
  return { outcome, ms: elapsed, grewBytes: (await sampler.peak()) - baseline };
}

const nextMessage = <T>(worker: Worker) =>
  new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });

/** The parser alone is timed (in its thread), the memory from when the thread has loaded its code. */
async function parseBank(sampler: RssSampler, file: HostileBankFile, content: string): Promise<Run> {
  const worker = new Worker(BANK_PARSE_WORKER, { eval: true, workerData: { format: file.format, name: file.name, content } satisfies BankParseRequest, resourceLimits: IMPORT_WORKER_LIMITS });
  try {
    await nextMessage<'ready'>(worker);
    const baseline = await sampler.reset();
    const reply = nextMessage<BankParseReply>(worker);
    worker.postMessage('go');
    const { ms: elapsed, code, heapGrewBytes } = await reply;
    // The process's resident memory may not move when the thread's heap has room left from loading its
    // code, so the heap's own growth counts too.
    const grewBytes = Math.max((await sampler.peak()) - baseline, heapGrewBytes);
    return { outcome: code === null ? { refusal: 'parsed, not refused', isRefused: false } : refusalOf({ code }), ms: elapsed, grewBytes };
  } catch (error) {
    return { outcome: { refusal: `thread ended: ${String((error as { code?: unknown }).code ?? error)}`, isRefused: false }, ms: Number.NaN, grewBytes: 0 };
  } finally {
    await worker.terminate();
  }
}

/** Runs `act` RUNS times: the last outcome, the median time and the most the process grew by in any run. */
async function measure(act: (run: number) => Promise<Run>): Promise<Run> {
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await act(run));
  return { outcome: runs.at(-1)!.outcome, ms: median(runs.map((run) => run.ms)), grewBytes: Math.max(...runs.map((run) => run.grewBytes)) };
}

function row(label: string, name: string, bytes: number, { outcome, ms: elapsed, grewBytes }: Run): BenchRow {
  return {
    benchmark: `[hostile] ${label} (${name})`,
    dataSize: size(bytes),
    result: `${outcome.refusal} in ${ms(elapsed)} (median of ${RUNS}); memory +${MiB(grewBytes)} MiB at peak`,
    target: '≤ 2 s, refused',
    isTargetMet: outcome.isRefused && elapsed <= TARGET_MS,
  };
}

/**
 * Issue 12's hostile files (tests/support/hostile-inputs.ts, which the tests also refuse), timed the way
 * the tests run them: tables through the import service and the worker the app runs, with its memory
 * limit; bank files through their parsers, each in a thread with that same limit. Needs no browser.
 */
export const hostileBenchmarks: Benchmark = {
  name: 'hostile',
  async run(): Promise<BenchRow[]> {
    const dir = await makeTempDir('kredo-bench-hostile-');
    const logger = createMemoryLogger();
    // The bundle `npm run bench` has just built (out/main/import-worker.js), as the app runs it.
    const appWorker = hostImportWorker(path.resolve('out/renderer'));
    let limits: ResourceLimits | undefined;
    const startWorker: StartImportWorker = (options) => {
      limits = options.resourceLimits;
      return appWorker(options);
    };
    const service = await openImportService({ userDataDir: dir.path, logger, profiles: createImportProfiles({ userDataDir: dir.path, logger }), startWorker, onProgress: () => undefined, onFileArrived: () => undefined, onFileRefused: () => undefined });
    const sampler = startRssSampler();
    const rows: BenchRow[] = [];
    try {
      for (const table of Object.values(hostileTables)) {
        const content = table.build();
        // A fresh path each run, so each is taken in anew (the service keeps a path it already holds).
        const paths = Array.from({ length: RUNS }, (_, run) => path.join(dir.path, `run-${run}`, table.name));
        for (const filePath of paths) {
          await mkdir(path.dirname(filePath), { recursive: true });
          await writeFile(filePath, content);
        }
        rows.push(row(table.label, table.name, Buffer.byteLength(content), await measure((run) => watched(sampler, () => importTable(service, paths[run]!, table)))));
      }
      for (const file of Object.values(hostileBankFiles)) {
        const content = file.build();
        rows.push(row(file.label, file.name, Buffer.byteLength(content), await measure(() => parseBank(sampler, file, content))));
      }
      const worker = appWorker === startSourceImportWorker ? 'from source through tsx (no build found)' : 'out/main/import-worker.js (as built)';
      rows.push({ benchmark: '[hostile] import worker of the tables above', dataSize: worker, result: `heap limit ${limits?.maxOldGenerationSizeMb?.toLocaleString('en') ?? 'none'} MiB (resourceLimits; the bank parsers' thread has the same)` });
    } finally {
      await sampler.close();
      await service.close();
      await dir.remove();
    }
    return rows;
  },
};
