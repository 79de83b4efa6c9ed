import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { startSourceImportWorker } from '../../chromium-host/host-import-worker';
import type { ImportRefusal, TabularAnalysis } from '../../../shared/ipc/import-contract';
import { createImportProfiles } from './import-profiles';
import { decodeOpenItemBatch, unpackOpenItemBatch } from '../../../shared/import/open-item-batch';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { IMPORT_WORKER_LIMITS, MAX_IMPORT_BYTES, openImportService, type ImportService, type StartImportWorker } from './import-service';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let service: ImportService;
const progress: number[] = [];
const arrived: string[] = [];
const refusedInFolder: ImportRefusal[] = [];

beforeEach(async () => {
  dir = await makeTempDir();
  progress.length = 0;
  arrived.length = 0;
  refusedInFolder.length = 0;
  const logger = createMemoryLogger();
  service = await openImportService({
    userDataDir: dir.path,
    logger,
    profiles: createImportProfiles({ userDataDir: dir.path, logger }),
    startWorker: startSourceImportWorker,
    onProgress: (_fileId, done) => progress.push(done),
    onFileArrived: (file) => arrived.push(file.name),
    onFileRefused: (refusal) => refusedInFolder.push(refusal),
  });
});
afterEach(async () => {
  await service.close();
  await dir.remove();
});

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);

describe('import service (with real worker threads)', () => {
  it('analyses and parses a file in a worker, and hands its batches over while it parses', async () => {
    const { files: [file] } = await service.addPaths([fixture('twinfield-open-items-cp1252.csv')], 'dialog');
    expect(file).toMatchObject({ name: 'twinfield-open-items-cp1252.csv', kind: 'open-items', origin: 'dialog' });
    const analysis = (await service.analyse(file!.fileId, 'EUR')) as TabularAnalysis;
    expect(analysis.presetName).toBe('Twinfield');
    // The read is asked for before the parse starts, as the renderer may; it waits for the batch.
    const firstBatch = service.readBatch(file!.fileId, 1, 0);
    const summary = await service.parse(file!.fileId, 1, analysis.mapping, { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat! });
    expect(summary).toMatchObject({ recordCount: 9, batchCount: 1 });
    expect(decodeOpenItemBatch(unpackOpenItemBatch(gunzipSync(Buffer.from((await firstBatch)!, 'base64')), (text) => Buffer.from(text).toString()))).toHaveLength(9);
    expect(await service.readBatch(file!.fileId, 1, 1)).toBeNull();
    expect(progress.length).toBeGreaterThan(0);
    await service.finish(file!.fileId, 'committed');
    await expect(service.readBatch(file!.fileId, 1, 0)).rejects.toMatchObject({ code: 'import.fileGone' });
  });

  it('takes a dropped file in pieces, and deletes its copy when done', async () => {
    const bytes = new TextEncoder().encode('Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand\n1001;F1;01-10-2026;10,00\n');
    const upload = await service.beginUpload('dropped.csv', bytes.length);
    await service.appendUpload(upload, bytes.subarray(0, 20));
    await service.appendUpload(upload, bytes.subarray(20));
    const file = await service.finishUpload(upload);
    expect(file).toMatchObject({ name: 'dropped.csv', origin: 'drop', sizeBytes: bytes.length });
    await service.finish(file.fileId, 'discarded');
    expect(await readdir(path.join(dir.path, 'imports', 'incoming'))).toEqual([]);
  });

  it('refuses files it cannot read and files that are too large, by name', async () => {
    const pdf = path.join(dir.path, 'statement.pdf');
    await writeFile(pdf, '%PDF-1.7 …');
    expect(await service.addPaths([pdf], 'dialog')).toEqual({ files: [], refused: [{ name: 'statement.pdf', origin: 'dialog', error: { code: 'import.unsupported', params: { file: 'statement.pdf' } } }] });
    await expect(service.beginUpload('huge.csv', MAX_IMPORT_BYTES + 1)).rejects.toMatchObject({ code: 'import.fileTooLarge', params: { file: 'huge.csv', limitMb: 512 } });
    const { files: [hostile] } = await service.addPaths([fixture('hostile-xxe.xml')], 'dialog');
    await expect(service.analyse(hostile!.fileId, 'EUR')).rejects.toMatchObject({ code: 'import.xmlUnsafe', params: { file: 'hostile-xxe.xml' } });
  });

  it('takes in every good file of a selection and names each refused one with its reason', async () => {
    const pdf = path.join(dir.path, 'statement.pdf');
    await writeFile(pdf, '%PDF-1.7 …');
    const empty = path.join(dir.path, 'leeg.csv');
    await writeFile(empty, '');
    // A table that turns to binary garbage half-way (a broken copy): damaged, not "not recognised".
    const damaged = path.join(dir.path, 'kapot.csv');
    await writeFile(damaged, Buffer.concat([Buffer.from('Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand\n1001;F1;01-10-2026;10,00\n'), Buffer.from([0, 0, 0x81, 0xff, 0xfe, 0, 7, 8, 0x9d, 0])]));
    const { files, refused } = await service.addPaths([pdf, fixture('exact-online-open-items.csv'), empty, damaged, fixture('mt940-ing.sta')], 'dialog');
    expect(files.map((file) => file.name)).toEqual(['exact-online-open-items.csv', 'mt940-ing.sta']);
    expect(refused).toEqual([
      { name: 'statement.pdf', origin: 'dialog', error: { code: 'import.unsupported', params: { file: 'statement.pdf' } } },
      { name: 'leeg.csv', origin: 'dialog', error: { code: 'import.empty', params: { file: 'leeg.csv' } } },
      { name: 'kapot.csv', origin: 'dialog', error: { code: 'import.damagedText', params: { file: 'kapot.csv' } } },
    ]);
  });

  it('says so when a file in the watched folder is refused, and takes the next one in', async () => {
    const watched = path.join(dir.path, 'exports');
    await (await import('node:fs/promises')).mkdir(watched);
    await service.setWatchedFolder(watched);
    await writeFile(path.join(watched, 'scan.pdf'), '%PDF-1.7 …');
    await expect.poll(() => refusedInFolder, { timeout: 20_000 }).toEqual([{ name: 'scan.pdf', origin: 'watched', error: { code: 'import.unsupported', params: { file: 'scan.pdf' } } }]);
    await copyFile(fixture('mt940-ing.sta'), path.join(watched, 'mt940-ing.sta'));
    await expect.poll(() => arrived, { timeout: 20_000 }).toEqual(['mt940-ing.sta']);
  });

  it('says what an intraday report is when one is chosen instead of a statement (MT942, CAMT.052)', async () => {
    const mt942 = path.join(dir.path, 'intraday.sta');
    await writeFile(mt942, '{1:F01INGBNL2AXXXX0000000000}{2:O9421200261123INGBNL2AXXXX00000000002611231200N}{4:\r\n:20:INTRA\r\n:25:NL91ABNA0417164300\r\n:28C:1\r\n:34F:EURC0,00\r\n:13D:2611231200+0100\r\n-}');
    const camt052 = path.join(dir.path, 'report.xml');
    await writeFile(camt052, '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>');
    expect((await service.addPaths([mt942, camt052], 'dialog')).refused.map((refusal) => refusal.error)).toEqual([
      { code: 'import.intradayReport', params: { file: 'intraday.sta', format: 'MT942' } },
      { code: 'import.intradayReport', params: { file: 'report.xml', format: 'CAMT.052' } },
    ]);
  });

  it('reads a bank statement once: the import after its analysis takes the lines the analysis read, and a file changed since is read again', async () => {
    const jobs: string[] = [];
    const counting: StartImportWorker = (limits) => {
      const worker = startSourceImportWorker(limits);
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (request: { type: string }) => {
        jobs.push(request.type);
        post(request);
      };
      return worker;
    };
    const logger = createMemoryLogger();
    const own = await openImportService({ userDataDir: dir.path, logger, profiles: createImportProfiles({ userDataDir: dir.path, logger }), startWorker: counting, onProgress: () => undefined, onFileArrived: () => undefined, onFileRefused: () => undefined });
    const dialect = { decimal: '.', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' } as const;
    const lines = async (fileId: string, attempt: number) => JSON.parse(gunzipSync(Buffer.from((await own.readBatch(fileId, attempt, 0))!, 'base64')).toString()) as unknown[];
    try {
      const statement = path.join(dir.path, 'statement.xml');
      const sameBytes = path.join(dir.path, 'same-statement.xml');
      await copyFile(fixture('camt053-v02-ing-batch.xml'), statement);
      await copyFile(fixture('camt053-v02-ing-batch.xml'), sameBytes);
      const { files: [file, copy] } = await own.addPaths([statement, sameBytes], 'dialog');
      const analysis = await own.analyse(file!.fileId, 'EUR');
      const summary = await own.parse(file!.fileId, 1, {}, dialect);
      expect(jobs).toEqual(['analyse']);
      // The same lines and summary as a parse of the same bytes read from scratch.
      const fromScratch = await own.parse(copy!.fileId, 1, {}, dialect);
      expect(jobs).toEqual(['analyse', 'parse']);
      expect(summary).toEqual({ ...fromScratch, fileId: file!.fileId });
      expect(summary.recordCount).toBe(analysis.type === 'bank' ? analysis.credits + analysis.debits : -1);
      expect(await lines(file!.fileId, 1)).toEqual(await lines(copy!.fileId, 1));

      await copyFile(fixture('camt053-v02-abn-amro.xml'), statement);
      const changed = await own.parse(file!.fileId, 2, {}, dialect);
      expect(jobs).toEqual(['analyse', 'parse', 'parse']);
      expect(changed.fileHash).not.toBe(summary.fileHash);
      expect(await lines(file!.fileId, 2)).toHaveLength(changed.recordCount);
    } finally {
      await own.close();
    }
  });

  it('keeps a worker started ahead of the next job, and starts the next one a while after a job ends', async () => {
    const started: Worker[] = [];
    const jobsRanIn: number[] = [];
    const watching: StartImportWorker = (limits) => {
      const worker = startSourceImportWorker(limits);
      const index = started.push(worker) - 1;
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (request: unknown) => {
        jobsRanIn.push(index);
        post(request);
      };
      return worker;
    };
    const logger = createMemoryLogger();
    const own = await openImportService({ userDataDir: dir.path, logger, profiles: createImportProfiles({ userDataDir: dir.path, logger }), startWorker: watching, onProgress: () => undefined, onFileArrived: () => undefined, onFileRefused: () => undefined, standbyAfterJobMs: 100 });
    try {
      // Started when the service opens, before any file is chosen: it loads its readers meanwhile.
      expect(started).toHaveLength(1);
      const { files: [file] } = await own.addPaths([fixture('camt053-v02-abn-amro.xml')], 'dialog');
      expect(await own.analyse(file!.fileId, 'EUR')).toMatchObject({ type: 'bank', format: 'camt.053.001.02' });
      expect(jobsRanIn).toEqual([0]);
      // The job's worker has ended; the next one is started a while after (not while the renderer is still busy with what the job read).
      await expect.poll(() => started[0]!.threadId).toBe(-1);
      expect(started).toHaveLength(1);
      await expect.poll(() => started.length).toBe(2);
      expect(started[1]!.threadId).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
    // Closing ends the one kept ready, so nothing is left running.
    expect(started[1]!.threadId).toBe(-1);
  });

  it('reports a broken bank file as the file’s own error', async () => {
    const broken = path.join(dir.path, 'broken.sta');
    await writeFile(broken, ':20:X\n:25:NL91ABNA0417164300\n:60F:C261122EUR1,00\n:61:garbage\n');
    const { files: [file] } = await service.addPaths([broken], 'dialog');
    await expect(service.parse(file!.fileId, 1, {}, { decimal: ',', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' })).rejects.toMatchObject({ code: 'import.statementIncomplete', params: { file: 'broken.sta', statement: 'X' } });
  });

  it('cancels a running job', async () => {
    const big = path.join(dir.path, 'big.csv');
    const lines = ['Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand'];
    for (let index = 0; index < 400_000; index += 1) lines.push(`${1000 + (index % 500)};F${index};01-10-2026;${index % 997},00`);
    await writeFile(big, lines.join('\n'));
    const { files: [file] } = await service.addPaths([big], 'dialog');
    const reading = service.readBatch(file!.fileId, 1, 1_000);
    const parsing = service.parse(file!.fileId, 1, { customerCode: 0, invoiceNumber: 1, invoiceDate: 2, openAmount: 3 }, { decimal: ',', dateFormat: 'DD-MM-YYYY', defaultCurrency: 'EUR' });
    setTimeout(() => service.cancel(file!.fileId), 300);
    await expect(parsing).rejects.toMatchObject({ code: 'import.cancelled' });
    // A read waiting for more is told too, so the data worker does not wait for ever.
    await expect(reading).rejects.toMatchObject({ code: 'import.cancelled' });
  });

  it('picks up files dropped into the watched folder, and moves them once imported', async () => {
    const watched = path.join(dir.path, 'exports');
    await (await import('node:fs/promises')).mkdir(watched);
    await service.setWatchedFolder(watched);
    await copyFile(fixture('mt940-ing.sta'), path.join(watched, 'mt940-ing.sta'));
    await expect.poll(() => arrived, { timeout: 20_000 }).toEqual(['mt940-ing.sta']);
    const [file] = service.listFiles();
    await service.finish(file!.fileId, 'committed');
    expect(await readdir(watched)).toEqual(['imported']);
    expect(await readdir(path.join(watched, 'imported'))).toEqual(['mt940-ing.sta']);
  });
});

describe('import worker limits', () => {
  const openWith = async (startWorker: StartImportWorker, stallMs?: number) => {
    const logger = createMemoryLogger();
    return openImportService({ userDataDir: dir.path, logger, profiles: createImportProfiles({ userDataDir: dir.path, logger }), startWorker, onProgress: () => undefined, onFileArrived: () => undefined, onFileRefused: () => undefined, ...(stallMs !== undefined && { stallMs }) });
  };

  it('stops a job that reports nothing for too long, naming the file', async () => {
    // A worker stuck in a loop that never ends and never answers.
    const stuck = await openWith(() => new Worker('setInterval(() => undefined, 1_000);', { eval: true }), 500);
    const { files: [file] } = await stuck.addPaths([fixture('exact-online-open-items.csv')], 'dialog');
    await expect(stuck.analyse(file!.fileId, 'EUR')).rejects.toMatchObject({ code: 'import.stalled', params: { file: 'exact-online-open-items.csv' } });
    await stuck.close();
  });

  it('runs each job with a memory limit, and a job past it ends with a message naming the file', async () => {
    const asked: ResourceLimits[] = [];
    // The test lowers the limit so the worker reaches it quickly; the service's own limit is what is asked for.
    const greedy = await openWith(({ resourceLimits }) => {
      asked.push(resourceLimits);
      return new Worker('const held = []; for (;;) held.push(new Array(100_000).fill(Math.random()));', { eval: true, resourceLimits: { ...resourceLimits, maxOldGenerationSizeMb: 48 } });
    });
    const { files: [file] } = await greedy.addPaths([fixture('exact-online-open-items.csv')], 'dialog');
    await expect(greedy.analyse(file!.fileId, 'EUR')).rejects.toMatchObject({ code: 'import.tooMuchMemory', params: { file: 'exact-online-open-items.csv' } });
    // Every worker started — the one kept ready, the one for the job — is asked for the service's limit.
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([IMPORT_WORKER_LIMITS]));
    expect(IMPORT_WORKER_LIMITS.maxOldGenerationSizeMb).toBeLessThanOrEqual(1_536);
    await greedy.close();
  });
});
