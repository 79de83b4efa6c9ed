import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCurrencyCode } from '../../../../shared/money/money';
import { isIsoDate } from '../../../../shared/time/iso-date';
import { expectTranslatedRefusal, fuzzOptions } from '../../../../tests/support/fuzz';
import { decodeText } from '../decode-text';
import { parseSafeXml } from '../safe-xml';
import type { ParsedBankFile } from './bank-file';
import { parseBgMax } from './bgmax';
import { parseCamt } from './camt';
import { parseMt940 } from './mt940';

/**
 * Property-based tests (fast-check) over the bank-file readers and the safe XML parser (issue 12, "Done
 * when"): random bytes, truncations and mutations of every bank fixture. Whatever the input, a reader
 * returns a result that makes sense or refuses with a KredoError whose code is translated in every
 * language and names the file — never another exception. Short inside `npm test`; `npm run fuzz` runs long.
 */
const FILE = 'fuzzed-file';
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(path.resolve('tests/fixtures/imports', name)));

/** The outcome of one read: a sensible result, or a translated refusal naming the file. */
function checkOutcome(read: () => unknown): void {
  let result: unknown;
  try {
    result = read();
  } catch (error) {
    expectTranslatedRefusal(error, { file: FILE, namespace: 'import' });
    return;
  }
  if (result && typeof result === 'object' && 'statements' in result) checkBankFile(result as ParsedBankFile);
}

function checkBankFile(parsed: ParsedBankFile): void {
  for (const statement of parsed.statements) {
    for (const line of statement.transactions) {
      expect(Number.isSafeInteger(line.amountMinor) && line.amountMinor >= 0, `amount ${line.amountMinor}`).toBe(true);
      expect(isIsoDate(line.bookingDate) && isIsoDate(line.valueDate), `${line.bookingDate} ${line.valueDate}`).toBe(true);
      expect(isCurrencyCode(line.currency), line.currency).toBe(true);
      expect(line.direction === 'credit' || line.direction === 'debit').toBe(true);
    }
  }
  for (const rejection of parsed.rejections) expect(rejection.field.startsWith('bank:')).toBe(true);
}

const READERS = {
  mt940: (text: string) => parseMt940(text, FILE),
  camt: (text: string) => parseCamt(text, FILE),
  bgmax: (text: string) => parseBgMax(text, FILE),
  xml: (text: string) => parseSafeXml(text, FILE, new Set(['Ntry'])),
} as const;

const FIXTURES: readonly [keyof typeof READERS, string][] = [
  ['mt940', 'mt940-ing.sta'],
  ['mt940', 'mt940-abn-amro.sta'],
  ['mt940', 'mt940-ing-2026-11-24.sta'],
  ['mt940', 'mt940-rabobank-structured.sta'],
  ['camt', 'camt053-v02-abn-amro.xml'],
  ['camt', 'camt053-v08-cbpr-seb.xml'],
  ['camt', 'camt053-v02-ing-batch.xml'],
  ['camt', 'camt054-bankgiro-credit.xml'],
  ['xml', 'camt053-v02-ing-batch.xml'],
  ['xml', 'ubl-invoice-peppol.xml'],
  ['bgmax', 'bgmax-bankgirot.txt'],
];

/** Characters the formats give meaning to, so mutations hit the readers' decisions, not only their text. */
const SIGNIFICANT = [...':/,.<>="\'&{}-\n\r 0123456789CDRNT?!['];
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'),
  character: fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ minLength: 1, maxLength: 1 })),
  length: fc.integer({ min: 1, max: 40 }),
});

function mutate(text: string, mutations: readonly { at: number; kind: string; character: string; length: number }[]): string {
  let result = text;
  for (const { at, kind, character, length } of mutations) {
    const index = result.length === 0 ? 0 : at % result.length;
    if (kind === 'delete') result = result.slice(0, index) + result.slice(index + length);
    else if (kind === 'insert') result = result.slice(0, index) + character.repeat(length % 3 === 0 ? length : 1) + result.slice(index);
    else if (kind === 'duplicate') result = result.slice(0, index + length) + result.slice(index, index + length) + result.slice(index + length);
    else result = result.slice(0, index) + character + result.slice(index + 1);
  }
  return result;
}

describe('bank readers fuzz', () => {
  for (const [reader, read] of Object.entries(READERS)) {
    it(`fuzz ${reader}: random bytes end in a result or a translated refusal`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 3_000 }), (bytes) => checkOutcome(() => read(decodeText(bytes).text))),
        fuzzOptions(60),
      );
    });
  }

  for (const [reader, name] of FIXTURES) {
    const text = decodeText(fixtureBytes(name)).text;
    it(`fuzz ${reader} ${name}: every truncation ends in a result or a translated refusal`, () => {
      fc.assert(
        fc.property(fc.nat({ max: text.length }), (length) => checkOutcome(() => READERS[reader](text.slice(0, length)))),
        fuzzOptions(40),
      );
    });

    it(`fuzz ${reader} ${name}: mutations end in a result or a translated refusal`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => checkOutcome(() => READERS[reader](mutate(text, mutations)))),
        fuzzOptions(60),
      );
    });
  }
});
