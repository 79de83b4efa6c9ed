import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabularAnalysis } from '../../../shared/ipc/import-contract';
import { MAX_COLUMNS, MAX_FIELD_CHARS, MAX_HEADER_CHARS } from '../../../shared/import/table-limits';
import { hostileTables, type HostileFile } from '../../../tests/support/hostile-inputs';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { makeZip, workbookParts } from '../../../tests/support/zip-file';
import { startSourceImportWorker } from '../../chromium-host/host-import-worker';
import { createImportProfiles } from './import-profiles';
import { openImportService, type ImportService } from './import-service';
import { MAX_PACKING_RATIO, MAX_WORKBOOK_CELLS, WORKER_MAX_OLD_GENERATION_MB } from './import-limits';

/**
 * Hostile and broken files of the kinds issue 12 met, each through the real import worker (with its
 * memory limit): every one ends refused, by a bound checked before the work it would cause, with a
 * translated code naming the file (and the row or column where there is one). None may end in the
 * worker running out of memory or the watchdog: that would mean a bound came too late.
 */
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let service: ImportService;

beforeAll(async () => {
  dir = await makeTempDir();
  const logger = createMemoryLogger();
  service = await openImportService({ userDataDir: dir.path, logger, profiles: createImportProfiles({ userDataDir: dir.path, logger }), startWorker: startSourceImportWorker, onProgress: () => undefined, onFileArrived: () => undefined, onFileRefused: () => undefined });
});
afterAll(async () => {
  await service.close();
  await dir.remove();
});

async function take(name: string, content: Buffer | string) {
  const file = path.join(dir.path, name);
  await writeFile(file, content);
  return service.addPaths([file], 'dialog');
}

async function analyse(name: string, content: Buffer | string) {
  const { files, refused } = await take(name, content);
  if (refused.length > 0) throw Object.assign(new Error(refused[0]!.error.code), refused[0]!.error);
  return service.analyse(files[0]!.fileId, 'EUR');
}

/** The hostile files are built in tests/support/hostile-inputs.ts, which the benchmark times too. */
const analyseHostile = (file: HostileFile) => analyse(file.name, file.build());
const { separatorLine, blobLine, longCustomerName, zipBomb, lyingPart, tooManyCells, rowBeyondExcel } = hostileTables;

describe('hostile and broken files are refused, by name, before they cost memory or time', { timeout: 120_000 }, () => {
  it('a 5 MB single line full of separators: too many columns, not a hundred thousand dropdown options', async () => {
    await expect(analyseHostile(separatorLine)).rejects.toMatchObject({ code: 'import.tooManyColumns', params: { file: 'one-line.csv', row: 1, limit: MAX_COLUMNS } });
  });

  it('a 5 MB single line without separators: the column name is too long', async () => {
    await expect(analyseHostile(blobLine)).rejects.toMatchObject({ code: 'import.headerTooLong', params: { file: 'blob.txt', row: 1, column: 1, limit: MAX_HEADER_CHARS } });
  });

  it('a 5 MB customer name: the row is refused with its field, the rest is imported, nothing that long is stored', async () => {
    const { files } = await take(longCustomerName.name, longCustomerName.build());
    const analysis = (await service.analyse(files[0]!.fileId, 'EUR')) as TabularAnalysis;
    // The sample shows a cut value; the parse reads it whole and refuses it.
    expect(analysis.sample[0]![1]!.length).toBeLessThanOrEqual(201);
    const summary = await service.parse(files[0]!.fileId, 1, analysis.mapping, longCustomerName.dialect, analysis.reading);
    expect(summary).toMatchObject({ recordCount: 1, rejectionCount: 1 });
    expect(summary.rejections[0]).toMatchObject({ row: 2, field: 'customerName', code: 'fieldTooLong' });
    expect(summary.rejections[0]!.value.length).toBeLessThanOrEqual(80);
    expect(MAX_FIELD_CHARS).toBeLessThan(5_000_000);
  });

  it('a zip bomb of a hundred KB that would unpack to 50 MB of two million cells: refused by its packing ratio', async () => {
    const bomb = zipBomb.build();
    expect(bomb.length).toBeLessThan(200_000);
    await expect(analyse(zipBomb.name, bomb)).rejects.toMatchObject({ code: 'import.workbookPackedTooTight', params: { file: 'openstaand.xlsx', limit: MAX_PACKING_RATIO } });
  });

  it('a part that lies about its size: never unpacked past what it declares', async () => {
    await expect(analyseHostile(lyingPart)).rejects.toMatchObject({ code: 'import.damagedWorkbook', params: { file: 'liar.xlsx' } });
  });

  it('a workbook of more cells than the worker can hold, packed like a real one: refused by its cell count', async () => {
    await expect(analyseHostile(tooManyCells)).rejects.toMatchObject({ code: 'import.workbookTooManyCells', params: { file: 'huge.xlsx', limit: MAX_WORKBOOK_CELLS } });
  });

  it('a sheet with a row number beyond Excel’s own limit', async () => {
    await expect(analyseHostile(rowBeyondExcel)).rejects.toMatchObject({ code: 'import.sheetTooLong', params: { file: 'far.xlsx' } });
  });

  it('a workbook cut off in the middle: damaged, not “not recognised”', async () => {
    const whole = makeZip(workbookParts('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'));
    await expect(analyse('cut.xlsx', whole.subarray(0, whole.length - 40))).rejects.toMatchObject({ code: 'import.damagedWorkbook', params: { file: 'cut.xlsx' } });
  });

  it('a zip that is not a workbook (a Word file)', async () => {
    await expect(analyse('brief.docx', makeZip([{ name: 'word/document.xml', data: '<w:document/>' }]))).rejects.toMatchObject({ code: 'import.notWorkbook', params: { file: 'brief.docx' } });
  });

  it('text that turns to binary past the first 64 KB: damaged when read', async () => {
    const text = `Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand\n${'1001;F1;01-10-2026;10,00\n'.repeat(4_000)}`;
    await expect(analyse('half.csv', Buffer.concat([Buffer.from(text), Buffer.alloc(4_096, 0)]))).rejects.toMatchObject({ code: 'import.damagedText', params: { file: 'half.csv' } });
  });

  it('a file with only column names says it has no rows; a file of blank lines says it is empty', async () => {
    await expect(analyse('header-only.csv', 'Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand\r\n')).rejects.toMatchObject({ code: 'import.noRows', params: { file: 'header-only.csv' } });
    await expect(analyse('blank.csv', '\r\n \r\n\t\r\n')).rejects.toMatchObject({ code: 'import.empty', params: { file: 'blank.csv' } });
  });

  it('runs under a memory limit far below what the zip bomb grew to (1.5 GB)', () => {
    expect(WORKER_MAX_OLD_GENERATION_MB).toBeLessThanOrEqual(1_536);
  });
});
