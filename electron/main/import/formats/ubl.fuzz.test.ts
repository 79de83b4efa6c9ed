import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCurrencyCode } from '../../../../shared/money/money';
import { isIsoDate } from '../../../../shared/time/iso-date';
import { expectTranslatedRefusal, fuzzOptions } from '../../../../tests/support/fuzz';
import { decodeText } from '../decode-text';
import { parseUbl } from './ubl';

/**
 * Property-based tests (fast-check) over the UBL / Peppol BIS e-invoice reader (issue 12, "Done when"):
 * random bytes, truncations and mutations of every UBL fixture end in an invoice or credit note whose
 * fields make sense, or in a KredoError translated in every language that names the file.
 */
const FILE = 'fuzzed-invoice.xml';
const FIXTURES = ['ubl-invoice-peppol.xml', 'ubl-creditnote-peppol.xml', 'ubl-invoice-peppol-se-orgnr.xml', 'ubl-creditnote-peppol-scheme-ids.xml'];

function checkOutcome(text: string): void {
  let parsed: ReturnType<typeof parseUbl>;
  try {
    parsed = parseUbl(text, FILE);
  } catch (error) {
    expectTranslatedRefusal(error, { file: FILE, namespace: 'import' });
    return;
  }
  const { record } = parsed;
  expect(record.invoiceNumber.length).toBeGreaterThan(0);
  expect(record.customerCode.length).toBeGreaterThan(0);
  expect(isIsoDate(record.invoiceDate), record.invoiceDate).toBe(true);
  if (record.dueDate !== undefined) expect(isIsoDate(record.dueDate), record.dueDate).toBe(true);
  expect(isCurrencyCode(record.currency), record.currency).toBe(true);
  expect(Number.isSafeInteger(record.openMinor)).toBe(true);
  // A credit note is never a positive amount owed; an invoice never a negative one.
  expect(parsed.kind === 'credit-note' ? record.openMinor <= 0 : record.openMinor >= 0).toBe(true);
}

const SIGNIFICANT = [...'<>/="\'&:-.0123456789 \n', 'cbc:', 'cac:', '<!--', ']]>', '<![CDATA[', 'schemeID="0007"'];
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'),
  text: fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ minLength: 1, maxLength: 3 })),
  length: fc.integer({ min: 1, max: 60 }),
});

function mutate(source: string, mutations: readonly { at: number; kind: string; text: string; length: number }[]): string {
  let result = source;
  for (const { at, kind, text, length } of mutations) {
    const index = result.length === 0 ? 0 : at % result.length;
    if (kind === 'delete') result = result.slice(0, index) + result.slice(index + length);
    else if (kind === 'insert') result = result.slice(0, index) + text + result.slice(index);
    else if (kind === 'duplicate') result = result.slice(0, index + length) + result.slice(index, index + length) + result.slice(index + length);
    else result = result.slice(0, index) + text + result.slice(index + text.length);
  }
  return result;
}

describe('e-invoice reader fuzz', () => {
  it('fuzz ubl: random bytes end in an invoice or a translated refusal', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), (bytes) => checkOutcome(decodeText(bytes).text)),
      fuzzOptions(60),
    );
  });

  for (const name of FIXTURES) {
    const text = decodeText(new Uint8Array(readFileSync(path.resolve('tests/fixtures/imports', name)))).text;
    it(`fuzz ubl ${name}: every truncation ends in an invoice or a translated refusal`, () => {
      fc.assert(
        fc.property(fc.nat({ max: text.length }), (length) => checkOutcome(text.slice(0, length))),
        fuzzOptions(40),
      );
    });

    it(`fuzz ubl ${name}: mutations end in an invoice or a translated refusal`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => checkOutcome(mutate(text, mutations))),
        fuzzOptions(60),
      );
    });
  }
});
