import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../../../tests/support/fuzz';
import { DELIMITERS, guessLineEndings, readDelimitedRows, readRowsWithPapaparse, type Delimiter } from './read-delimited';

/**
 * readDelimitedRows splits text without a quote character itself (issue 14: papaparse split a tier-L
 * export into one array of a million lines first, which the garbage collector then copied); its rows and
 * batches must be papaparse's, step by step, as every text was read before.
 */
function papaparseRows(text: string, delimiter: Delimiter, batchSize: number) {
  const batches: { rows: string[][]; firstLine: number }[] = [];
  const lines = readRowsWithPapaparse(text, delimiter, batchSize, (rows, firstLine) => batches.push({ rows, firstLine }));
  return { batches, lines };
}

function ownRows(text: string, delimiter: Delimiter, batchSize: number) {
  const batches: { rows: string[][]; firstLine: number }[] = [];
  const lines = readDelimitedRows(text, delimiter, batchSize, (rows, firstLine) => batches.push({ rows, firstLine }));
  return { batches, lines };
}

describe('reading delimited rows', () => {
  it('splits text without quotes into the rows papaparse does: line breaks of every kind, blank and trailing lines, byte-order marks, empty text', () => {
    const character = fc.constantFrom(';', ',', '\t', '|', '\n', '\r', '\r\n', 'a', 'B', ' ', '\ufeff', 'é', '€', '1');
    const text = fc.array(character, { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...DELIMITERS), fc.integer({ min: 1, max: 6 }), (input, delimiter, batchSize) => {
        expect(ownRows(input, delimiter, batchSize)).toEqual(papaparseRows(input, delimiter, batchSize));
      }),
      fuzzOptions(400),
    );
  });

  it('splits an export of many rows as papaparse does, whatever its line breaks', () => {
    const cell = fc.constantFrom('1001', 'Bakker Bouw B.V.', '', ' 12,50 ', '01-10-2026', 'é€');
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(';'));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.integer({ min: 1, max: 25 }), (rows, newline, hasFinalBreak, batchSize) => {
        const text = rows.join(newline) + (hasFinalBreak ? newline : '');
        expect(ownRows(text, ';', batchSize)).toEqual(papaparseRows(text, ';', batchSize));
      }),
      fuzzOptions(200),
    );
  });

  it('guesses the line break from the first megabyte, as papaparse does, when a break straddles its end', () => {
    const text = `${'a;'.repeat(524_287)}a\r\nb;c\r\nd`;
    expect(ownRows(text, ';', 2)).toEqual(papaparseRows(text, ';', 2));
  });

  it('reads text with quotes as papaparse does', () => {
    const character = fc.constantFrom(';', '"', '""', '\n', '\r\n', 'a', ' ', '\ufeff');
    const text = fc.array(character, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), (input, batchSize) => {
        expect(ownRows(input, ';', batchSize)).toEqual(papaparseRows(input, ';', batchSize));
      }),
      fuzzOptions(200),
    );
  });

  it('guesses the line break papaparse reads a text with', () => {
    const character = fc.constantFrom('\n', '\r', '\r\n', 'a', '"', ';');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 40 }).map((parts) => parts.join('')), (input) => {
        if (input !== '') expect(guessLineEndings(input)).toBe(Papa.parse<string[]>(input, { delimiter: ';' }).meta.linebreak);
      }),
      fuzzOptions(300),
    );
  });
});
