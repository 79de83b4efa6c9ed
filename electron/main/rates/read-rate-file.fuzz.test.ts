import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRate } from '../../../shared/money/exchange-rates';
import { isCurrencyCode } from '../../../shared/money/money';
import { isIsoDate, type IsoDate } from '../../../shared/time/iso-date';
import { expectTranslatedRefusal, fuzzOptions } from '../../../tests/support/fuzz';
import { readRateFile } from './read-rate-file';

/**
 * Property-based tests (fast-check) over the rates readers (issue 13): random bytes, truncations and
 * mutations of every rates fixture. Whatever the input, the reader returns rates that are all usable —
 * dated on or before today, positive exact decimals, known currencies — or refuses with a KredoError
 * translated in every language and naming the file; never another exception.
 */
const TODAY = '2026-11-24' as IsoDate;
const FIXTURES = ['eurofxref-daily-2026-11-24.xml', 'eurofxref-hist.csv', 'eurofxref-hist.zip', 'SEKEURPMI.json', 'boe-xudlers-xudlsks.csv'];
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(path.resolve('tests/fixtures/rates', name)));

function checkOutcome(data: Uint8Array, file: string): void {
  let reading;
  try {
    reading = readRateFile(data, file, { today: TODAY });
  } catch (error) {
    // A file inside the ECB's zip is named as `rates.zip › eurofxref-hist.csv`.
    expectTranslatedRefusal(error, { file, orPartOf: true });
    return;
  }
  expect(reading.rates.length).toBeGreaterThan(0);
  for (const rate of reading.rates) {
    expect(isIsoDate(rate.date) && rate.date <= TODAY, rate.date).toBe(true);
    expect(isCurrencyCode(rate.base) && isCurrencyCode(rate.quote), `${rate.base}/${rate.quote}`).toBe(true);
    expect(() => parseRate(rate.rate), rate.rate).not.toThrow();
  }
}

describe('the rates readers, fuzzed', () => {
  it('take random bytes without any error but a translated refusal', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom('rates.xml', 'rates.csv', 'SEKEURPMI.json', 'rates.zip'), (bytes, name) => checkOutcome(bytes, name)), fuzzOptions(150));
  });

  it('take every fixture cut short at any point', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.double({ min: 0, max: 1, noNaN: true }), (name, share) => {
        const bytes = fixtureBytes(name);
        checkOutcome(bytes.subarray(0, Math.floor(bytes.length * share)), name);
      }),
      fuzzOptions(150),
    );
  });

  it('take every fixture with bytes changed, inserted or removed', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('set', 'insert', 'delete'), value: fc.constantFrom(...'0123456789.,-;\'"<>/ =N/AE+\n\r'.split('').map((c) => c.charCodeAt(0)), 0, 0xff) });
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES.filter((name) => !name.endsWith('.zip'))), fc.array(edit, { minLength: 1, maxLength: 8 }), (name, edits) => {
        let bytes = [...fixtureBytes(name)];
        for (const { at, kind, value } of edits) {
          const index = Math.min(bytes.length - 1, Math.floor(at * bytes.length));
          if (kind === 'set') bytes[index] = value;
          else if (kind === 'insert') bytes = [...bytes.slice(0, index), value, ...bytes.slice(index)];
          else bytes = [...bytes.slice(0, index), ...bytes.slice(index + 1)];
        }
        checkOutcome(Uint8Array.from(bytes), name);
      }),
      fuzzOptions(200),
    );
  });
});
