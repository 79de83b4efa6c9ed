import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KredoError } from '../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../shared/time/iso-date';
import { readRateFile } from './read-rate-file';
import { unzipRatesFile } from './rates-zip';

const fixture = (name: string) => readFileSync(path.resolve('tests/fixtures/rates', name));
const today = '2026-11-24' as IsoDate;
const read = (name: string, data: Uint8Array = fixture(name), currencies?: string[]) => readRateFile(data, name, { today, ...(currencies && { currencies }) });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof KredoError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('reading central banks’ rates files', () => {
  it('reads the ECB’s daily XML: one day, 1 EUR in each currency, exact', () => {
    const reading = read('eurofxref-daily-2026-11-24.xml');
    expect(reading).toMatchObject({ format: 'ecb-xml', source: 'ecb', firstDate: '2026-11-24', lastDate: '2026-11-24', skippedCurrencies: [] });
    expect(reading.rates).toHaveLength(30);
    expect(reading.rates).toContainEqual({ date: '2026-11-24', base: 'EUR', quote: 'GBP', rate: '0.87230', source: 'ecb' });
    expect(reading.rates).toContainEqual({ date: '2026-11-24', base: 'EUR', quote: 'SEK', rate: '11.0515', source: 'ecb' });
  });

  it('reads the ECB’s history as CSV and inside its zip alike, skipping N/A cells and retired currencies', () => {
    const csv = read('eurofxref-hist.csv', undefined, ['EUR', 'SEK', 'GBP']);
    const zip = read('eurofxref-hist.zip', undefined, ['EUR', 'SEK', 'GBP']);
    expect(zip.rates).toEqual(csv.rates);
    expect(csv.rates.map((rate) => `${rate.date} ${rate.quote} ${rate.rate}`)).toEqual([
      '2026-10-30 GBP 0.86480', '2026-10-30 SEK 10.9840', '2026-10-30 USD 1.1502',
      '2026-11-20 GBP 0.86920', '2026-11-20 SEK 11.0215', '2026-11-20 USD 1.1407',
      '2026-11-23 GBP 0.87105', '2026-11-23 SEK 11.0380', '2026-11-23 USD 1.1431',
      '2026-11-24 GBP 0.87230', '2026-11-24 SEK 11.0515', '2026-11-24 USD 1.1462',
    ]);
    // Only the currencies asked for (and USD, through which a cross rate may go) are kept.
    expect(csv.skippedCurrencies).toContain('JPY');
    expect(read('eurofxref-hist.csv').skippedCurrencies).not.toContain('JPY');
  });

  it('reads the Riksbank’s SWEA series (SEK per euro), named by its file', () => {
    const reading = read('SEKEURPMI.json');
    expect(reading).toMatchObject({ format: 'riksbank-json', source: 'riksbank', firstDate: '2026-11-20', lastDate: '2026-11-24' });
    expect(reading.rates.at(-1)).toEqual({ date: '2026-11-24', base: 'EUR', quote: 'SEK', rate: '11.0508', source: 'riksbank' });
    expect(refusal(() => read('observations.json', fixture('SEKEURPMI.json')))).toMatchObject({ code: 'rates.riksbankSeriesUnnamed' });
    expect(refusal(() => read('SEKNOKPMI.json', fixture('SEKEURPMI.json')))).toMatchObject({ code: 'rates.riksbankSeriesUnsupported', params: { series: 'SEKNOKPMI' } });
  });

  it('reads the Bank of England’s series (units per pound), skipping days without a value', () => {
    const reading = read('boe-xudlers-xudlsks.csv');
    expect(reading).toMatchObject({ format: 'boe-csv', source: 'boe' });
    expect(reading.rates).toEqual([
      { date: '2026-11-20', base: 'GBP', quote: 'EUR', rate: '1.1505', source: 'boe' },
      { date: '2026-11-20', base: 'GBP', quote: 'SEK', rate: '12.6812', source: 'boe' },
      { date: '2026-11-23', base: 'GBP', quote: 'EUR', rate: '1.1481', source: 'boe' },
      { date: '2026-11-23', base: 'GBP', quote: 'SEK', rate: '12.6710', source: 'boe' },
      { date: '2026-11-24', base: 'GBP', quote: 'EUR', rate: '1.1464', source: 'boe' },
    ]);
  });

  it('refuses a whole file for a bad rate, a date after today, a contradiction or a stranger, naming the reason', () => {
    const text = (name: string) => fixture(name).toString('utf8');
    const encode = (value: string) => Buffer.from(value, 'utf8');
    expect(refusal(() => read('x.xml', encode(text('eurofxref-daily-2026-11-24.xml').replace("rate='11.0515'", "rate='-11.0515'"))))).toEqual({ code: 'rates.badRate', params: { file: 'x.xml', date: '2026-11-24', currency: 'SEK', value: '-11.0515' } });
    expect(refusal(() => read('x.xml', encode(text('eurofxref-daily-2026-11-24.xml').replace("rate='0.87230'", "rate='0'"))))).toMatchObject({ code: 'rates.badRate' });
    expect(refusal(() => read('x.xml', encode(text('eurofxref-daily-2026-11-24.xml').replace("time='2026-11-24'", "time='2026-11-25'"))))).toEqual({ code: 'rates.futureDate', params: { file: 'x.xml', date: '2026-11-25' } });
    expect(refusal(() => read('x.xml', encode(text('eurofxref-daily-2026-11-24.xml').replace("time='2026-11-24'", "time='2026-02-30'"))))).toMatchObject({ code: 'rates.badDate' });
    expect(refusal(() => read('x.csv', encode(`${text('eurofxref-hist.csv')}2026-11-24,1.2000,${'N/A,'.repeat(41)}\n`)))).toEqual({ code: 'rates.contradiction', params: { file: 'x.csv', date: '2026-11-24', currency: 'USD' } });
    expect(refusal(() => read('x.csv', encode('Kundnr;Namn;Belopp\n1;A;2\n')))).toMatchObject({ code: 'rates.notRates' });
    expect(refusal(() => read('x.csv', encode('DATE,XUDLBK67\n24 Nov 2026,80.1\n')))).toMatchObject({ code: 'rates.boeSeriesUnsupported', params: { series: 'XUDLBK67' } });
    expect(refusal(() => read('x.xml', encode('<!DOCTYPE x [<!ENTITY a "b">]><x/>')))).toMatchObject({ code: 'import.xmlUnsafe' });
    expect(refusal(() => read('eurofxref-daily-2026-11-24.xml', undefined, ['NGN']))).toMatchObject({ code: 'rates.noNeededRates', params: { currencies: 'NGN' } });
  });

  it('refuses a zip that would unpack beyond 64 MB before unpacking it', () => {
    const zip = Buffer.from(fixture('eurofxref-hist.zip'));
    // The central directory's "unpacked size" of the one entry (offset 24 in the entry).
    const directory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(65 * 1024 * 1024, directory + 24);
    expect(refusal(() => unzipRatesFile(zip, 'big.zip'))).toMatchObject({ code: 'rates.tooLarge' });
    expect(refusal(() => unzipRatesFile(zip.subarray(0, 40), 'cut.zip'))).toMatchObject({ code: 'rates.damagedZip' });
  });
});
