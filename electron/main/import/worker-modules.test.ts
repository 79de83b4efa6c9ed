import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { FileAnalysis } from '../../../shared/ipc/import-contract';
import { runImportJob, type ImportJobMessage } from './run-import-job';
import { sniffFormat } from './sniff-format';

/**
 * A worker thread starts for every analysis and every parse (import-worker.ts), and what it loads before
 * reading a byte is paid each time (issue 14): a CSV job loads neither the bank and e-invoice readers with
 * their XML parsers nor the IPC schemas (zod), which together were most of starting one. Each module
 * below says when it is loaded.
 */
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('./formats/bank-job', async (original) => {
  loaded.add('bank readers');
  return original();
});
vi.mock('./formats/ubl', async (original) => {
  loaded.add('e-invoice reader');
  return original();
});
vi.mock('../../../shared/ipc/import-contract', async (original) => {
  loaded.add('IPC schemas');
  return original();
});

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);

async function run(name: string, request: { type: 'analyse' } | { type: 'parse'; mapping: Record<string, number> }): Promise<ImportJobMessage[]> {
  const kind = sniffFormat(new Uint8Array(await readFile(fixture(name))).subarray(0, 65_536))!;
  const messages: ImportJobMessage[] = [];
  const common = { path: fixture(name), name, kind };
  await runImportJob(
    request.type === 'analyse'
      ? { type: 'analyse', ...common, defaultCurrency: 'EUR', profiles: [] }
      : { type: 'parse', ...common, fileId: 'f1', mapping: request.mapping, dialect: { decimal: ',', dateFormat: 'DD-MM-YYYY', defaultCurrency: 'EUR' } },
    (message) => messages.push(message),
  );
  return messages;
}

describe('what an import job loads', () => {
  it('analyses and parses a CSV without loading the bank or e-invoice readers or the IPC schemas, and loads each reader for its own files', async () => {
    const analysed = await run('twinfield-open-items-cp1252.csv', { type: 'analyse' });
    const analysis = (analysed.find((message) => message.type === 'analysis') as { analysis: FileAnalysis & { type: 'tabular' } }).analysis;
    const parsed = await run('twinfield-open-items-cp1252.csv', { type: 'parse', mapping: analysis.mapping });
    expect(parsed.some((message) => message.type === 'batch')).toBe(true);
    expect([...loaded]).toEqual([]);

    expect((await run('camt053-v02-abn-amro.xml', { type: 'analyse' })).some((message) => message.type === 'analysis')).toBe(true);
    expect((await run('ubl-invoice-peppol.xml', { type: 'analyse' })).some((message) => message.type === 'analysis')).toBe(true);
    expect([...loaded].sort()).toEqual(['bank readers', 'e-invoice reader']);
  });
});
