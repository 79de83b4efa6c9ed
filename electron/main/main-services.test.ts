import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { createRecordingDesktop } from '../chromium-host/host-desktop';
import { startSourceImportWorker } from '../chromium-host/host-import-worker';
import { createMainServices, type MainServicesOptions } from './main-services';
import { plaintextSecretCodec } from './services/secret-store';
import { decodeOpenItemBatch, unpackOpenItemBatch } from '../../shared/import/open-item-batch';
import { DATA_TIERS, DEMO_SEED } from '../../shared/generator/data-tiers';
import { generateChunk, generatePolicy } from '../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../shared/generator/plan-portfolio';
import { fixedClock } from '../../shared/time/clock';
import type { IsoDate } from '../../shared/time/iso-date';

const APP_PAGE = 'app://kredo/';
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let desktop: ReturnType<typeof createRecordingDesktop>;

beforeEach(async () => {
  dir = await makeTempDir();
  desktop = createRecordingDesktop();
});
afterEach(async () => {
  await dir.remove();
});

const options = (overrides: Partial<MainServicesOptions> = {}): MainServicesOptions => ({
  userDataDir: dir.path,
  appVersion: '0.1.0',
  platform: 'linux',
  host: 'chromium',
  systemLocales: ['sv-SE'],
  rendererUrls: [APP_PAGE],
  secretCodec: plaintextSecretCodec,
  desktop,
  startImportWorker: startSourceImportWorker,
  ...overrides,
});

describe('main services', () => {
  it('starts in the system’s language the first time, and in the chosen one afterwards', async () => {
    const first = await createMainServices(options());
    expect(await first.dispatch('app:get-bootstrap', {}, APP_PAGE)).toMatchObject({ ok: true, value: { language: 'sv', host: 'chromium' } });
    await first.dispatch('settings:set-language', { language: 'nl' }, APP_PAGE);
    const second = await createMainServices(options({ systemLocales: ['en-GB'] }));
    expect(await second.dispatch('app:get-bootstrap', {}, APP_PAGE)).toMatchObject({ ok: true, value: { language: 'nl' } });
  });

  it('tells the renderer when the language changes, whoever changed it (the menu does it this way)', async () => {
    const services = await createMainServices(options());
    const delivered: [string, unknown][] = [];
    services.events.connect((channel, payload) => delivered.push([channel, payload]));
    await services.settings.setLanguage('en');
    expect(delivered).toEqual([['settings:language-changed', { language: 'en' }]]);
  });

  it('opens only safe external links, and the log folder', async () => {
    const services = await createMainServices(options());
    expect(await services.dispatch('shell:open-external', { url: 'file:///etc/passwd' }, APP_PAGE)).toEqual({ ok: false, error: { code: 'shell.unsafeUrl' } });
    expect(await services.dispatch('shell:open-external', { url: 'https://www.allianz-trade.com/' }, APP_PAGE)).toEqual({ ok: true, value: { opened: true } });
    const folder = await services.dispatch('help:open-log-folder', {}, APP_PAGE);
    expect(folder).toEqual({ ok: true, value: { path: `${dir.path}/logs` } });
    expect(desktop.opened).toEqual(['https://www.allianz-trade.com/', `${dir.path}/logs`]);
  });

  it('writes renderer errors to the main log file', async () => {
    const services = await createMainServices(options());
    await services.dispatch('log:renderer-error', { message: 'Cannot read properties of undefined', source: 'ErrorBoundary' }, APP_PAGE);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(services.logger.filePath, 'utf8')).toContain('Cannot read properties of undefined');
  });

  it('imports a chosen file over IPC: dialog, analysis, parse, batches; a bad request is refused', async () => {
    const services = await createMainServices(options());
    desktop.answers.openFiles = [path.resolve('tests/fixtures/imports/exact-online-open-items.csv')];
    const chosen = await services.dispatch('import:choose-files', {}, APP_PAGE);
    expect(desktop.dialogs.at(-1)).toMatchObject({ title: 'Välj filer att importera' });
    const fileId = (chosen as { value: { files: { fileId: string }[] } }).value.files[0]!.fileId;
    const analysis = await services.dispatch('import:analyse', { fileId }, APP_PAGE);
    expect(analysis).toMatchObject({ ok: true, value: { type: 'tabular', presetName: 'Exact Online', dialect: { defaultCurrency: 'EUR' } } });
    const { mapping, dialect } = (analysis as { value: { mapping: object; dialect: { dateFormat: string } } }).value;
    const parsed = await services.dispatch('import:parse', { fileId, attempt: 1, mapping, dialect }, APP_PAGE);
    expect(parsed).toMatchObject({ ok: true, value: { recordKind: 'open-items', batchCount: 1 } });
    const batch = await services.dispatch('import:read-batch', { fileId, attempt: 1, index: 0 }, APP_PAGE);
    expect(decodeOpenItemBatch(unpackOpenItemBatch(gunzipSync(Buffer.from((batch as { value: { gzipBase64: string } }).value.gzipBase64, 'base64')), (text) => Buffer.from(text).toString()))[0]).toMatchObject({ customerCode: '1001', invoiceNumber: '2026-0101', openMinor: 123_456 });
    expect(await services.dispatch('import:parse', { fileId, attempt: 2, mapping: { amount: -1 }, dialect }, APP_PAGE)).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
    await services.close();
  });

  it('keeps the watched folder and home currency across restarts', async () => {
    const first = await createMainServices(options());
    desktop.answers.folder = dir.path;
    expect(await first.dispatch('import:choose-watched-folder', {}, APP_PAGE)).toEqual({ ok: true, value: { watchedFolder: dir.path } });
    await first.dispatch('import:set-home-currency', { currency: 'SEK' }, APP_PAGE);
    expect(await first.dispatch('import:set-home-currency', { currency: 'XXY' }, APP_PAGE)).toMatchObject({ ok: false });
    await first.close();
    const second = await createMainServices(options());
    expect(await second.dispatch('import:get-settings', {}, APP_PAGE)).toEqual({ ok: true, value: { watchedFolder: dir.path, homeCurrency: 'SEK' } });
    await second.close();
  });
});

describe('saving an export', () => {
  it('writes the renderer’s file where the user chose, in the dialog of the user’s language, and nothing on cancel', async () => {
    const services = await createMainServices(options());
    const target = path.join(dir.path, 'ageing.csv');
    desktop.answers = { saveTo: target };
    const bytes = Buffer.from('\ufeffKund;Förfallet\r\nÅkerlunds Färg AB;1234,56\r\n', 'utf8');
    const saved = await services.dispatch('export:save-file', { format: 'csv', suggestedName: 'Åldersanalys 2026-11-24', dataBase64: bytes.toString('base64') }, APP_PAGE);
    expect(saved).toEqual({ ok: true, value: { savedTo: target } });
    expect(await readFile(target)).toEqual(bytes);
    expect(desktop.dialogs.at(-1)).toMatchObject({ title: 'Exportera', extensions: ['csv'], defaultName: 'Åldersanalys 2026-11-24.csv' });

    desktop.answers = {};
    expect(await services.dispatch('export:save-file', { format: 'pdf', suggestedName: 'report', dataBase64: 'JVBERi0=' }, APP_PAGE)).toEqual({ ok: true, value: { savedTo: null } });
  });

  it('refuses a suggested name that reaches for another folder', async () => {
    const services = await createMainServices(options());
    const result = await services.dispatch('export:save-file', { format: 'csv', suggestedName: '../../etc/passwd', dataBase64: '' }, APP_PAGE);
    expect(result.ok).toBe(false);
  });
});

describe('the insurer channels', () => {
  it('start the built-in sandbox on first use: a full resync, a buyer found by its KvK or org. number, a bad request refused', async () => {
    const today = '2026-11-24' as IsoDate;
    const services = await createMainServices(options({ clock: fixedClock(`${today}T12:00:00Z`) }));
    try {
      const resync = await services.dispatch('insurer:full-resync', {}, APP_PAGE);
      expect(resync.ok).toBe(true);
      expect(resync.ok && resync.value).toMatchObject({ cursor: expect.any(String) });
      expect(resync.ok && (resync.value as { covers: unknown[] }).covers.length).toBeGreaterThan(50);

      const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
      const debtor = generateChunk(plan, generatePolicy(today), 0).debtors.find((candidate) => candidate.identifiers.length > 0)!;
      const found = await services.dispatch('insurer:lookup-buyer', { country: debtor.country, identifiers: debtor.identifiers }, APP_PAGE);
      expect(found).toMatchObject({ ok: true, value: { companyId: expect.stringMatching(/\S/) } });

      expect(await services.dispatch('insurer:submit', { entry: { id: 'x' }, buyer: {} }, APP_PAGE)).toMatchObject({ ok: false });
    } finally {
      await services.close();
    }
  });
});
