import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { startSourceImportWorker } from '../../chromium-host/host-import-worker';
import type { TabularAnalysis } from '../../../shared/ipc/import-contract';
import { createImportProfiles } from './import-profiles';
import { decodeOpenItemBatch, type OpenItemBatch } from '../../../shared/import/open-item-batch';
import { MAX_IMPORT_BYTES, openImportService, type ImportService } from './import-service';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let service: ImportService;
const progress: number[] = [];
const arrived: string[] = [];

beforeEach(async () => {
  dir = await makeTempDir();
  progress.length = 0;
  arrived.length = 0;
  const logger = createMemoryLogger();
  service = await openImportService({
    userDataDir: dir.path,
    logger,
    profiles: createImportProfiles({ userDataDir: dir.path, logger }),
    startWorker: startSourceImportWorker,
    onProgress: (_fileId, done) => progress.push(done),
    onFileArrived: (file) => arrived.push(file.name),
  });
});
afterEach(async () => {
  await service.close();
  await dir.remove();
});

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);

describe('import service (with real worker threads)', () => {
  it('analyses and parses a file in a worker, and hands its batches over while it parses', async () => {
    const [file] = await service.addPaths([fixture('twinfield-open-items-cp1252.csv')], 'dialog');
    expect(file).toMatchObject({ name: 'twinfield-open-items-cp1252.csv', kind: 'open-items', origin: 'dialog' });
    const analysis = (await service.analyse(file!.fileId, 'EUR')) as TabularAnalysis;
    expect(analysis.presetName).toBe('Twinfield');
    // The read is asked for before the parse starts, as the renderer may; it waits for the batch.
    const firstBatch = service.readBatch(file!.fileId, 1, 0);
    const summary = await service.parse(file!.fileId, 1, analysis.mapping, { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat! });
    expect(summary).toMatchObject({ recordCount: 9, batchCount: 1 });
    expect(decodeOpenItemBatch(JSON.parse(gunzipSync(Buffer.from((await firstBatch)!, 'base64')).toString()) as OpenItemBatch)).toHaveLength(9);
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
    await expect(service.addPaths([pdf], 'dialog')).rejects.toMatchObject({ code: 'import.unsupported', params: { file: 'statement.pdf' } });
    await expect(service.beginUpload('huge.csv', MAX_IMPORT_BYTES + 1)).rejects.toMatchObject({ code: 'import.fileTooLarge', params: { file: 'huge.csv', limitMb: 512 } });
    const [hostile] = await service.addPaths([fixture('hostile-xxe.xml')], 'dialog');
    await expect(service.analyse(hostile!.fileId, 'EUR')).rejects.toMatchObject({ code: 'import.xmlUnsafe', params: { file: 'hostile-xxe.xml' } });
  });

  it('reports a broken bank file as the file’s own error', async () => {
    const broken = path.join(dir.path, 'broken.sta');
    await writeFile(broken, ':20:X\n:25:NL91ABNA0417164300\n:60F:C261122EUR1,00\n:61:garbage\n');
    const [file] = await service.addPaths([broken], 'dialog');
    await expect(service.parse(file!.fileId, 1, {}, { decimal: ',', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' })).rejects.toMatchObject({ code: 'import.bankEntryInvalid', params: { file: 'broken.sta', field: ':61:' } });
  });

  it('cancels a running job', async () => {
    const big = path.join(dir.path, 'big.csv');
    const lines = ['Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand'];
    for (let index = 0; index < 400_000; index += 1) lines.push(`${1000 + (index % 500)};F${index};01-10-2026;${index % 997},00`);
    await writeFile(big, lines.join('\n'));
    const [file] = await service.addPaths([big], 'dialog');
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
    await expect.poll(() => arrived, { timeout: 10_000 }).toEqual(['mt940-ing.sta']);
    const [file] = service.listFiles();
    await service.finish(file!.fileId, 'committed');
    expect(await readdir(watched)).toEqual(['imported']);
    expect(await readdir(path.join(watched, 'imported'))).toEqual(['mt940-ing.sta']);
  });
});
