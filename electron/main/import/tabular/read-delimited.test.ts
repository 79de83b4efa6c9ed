import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../../../tests/support/fuzz';
import { DELIMITERS, guessNewline, readDelimitedRows, type Newline } from './read-delimited';

/** Rows and batches as papaparse itself hands them over, step by step (how readDelimitedRows read every text before). */
function papaparseRows(text: string, delimiter: string, batchSize: number, newline?: Newline) {
  const batches: { rows: string[][]; firstLine: number }[] = [];
  let batch: string[][] = [];
  let line = 1;
  let batchStart = 1;
  const result = Papa.parse<string[]>(text, {
    delimiter,
    ...(newline && { newline }),
    skipEmptyLines: false,
    step: (step) => {
      batch.push(step.data);
      line += 1;
      if (batch.length >= batchSize) {
        batches.push({ rows: batch, firstLine: batchStart });
        [batch, batchStart] = [[], line];
      }
    },
  });
  void result;
  if (batch.length > 0) batches.push({ rows: batch, firstLine: batchStart });
  return { batches, lines: line - 1 };
}

function ownRows(text: string, delimiter: (typeof DELIMITERS)[number], batchSize: number, newline?: Newline) {
  const batches: { rows: string[][]; firstLine: number }[] = [];
  const lines = readDelimitedRows(text, delimiter, batchSize, (rows, firstLine) => batches.push({ rows, firstLine }), newline);
  return { batches, lines };
}

describe('reading delimited rows', () => {
  it('splits text without quotes into the rows papaparse does: line breaks, blank and trailing lines, byte-order marks, empty text', () => {
    const character = fc.constantFrom(';', ',', '\t', '|', '\n', '\r', '\r\n', 'a', 'B', ' ', '\ufeff', 'é', '€', '1');
    const text = fc.array(character, { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...DELIMITERS), fc.integer({ min: 1, max: 6 }), fc.boolean(), (input, delimiter, batchSize, isNewlineGiven) => {
        const newline = isNewlineGiven ? guessNewline(input) : undefined;
        expect(ownRows(input, delimiter, batchSize, newline)).toEqual(papaparseRows(input, delimiter, batchSize, newline));
        // The line break given to a part is the one papaparse would have guessed for the whole.
        expect(ownRows(input, delimiter, batchSize, guessNewline(input))).toEqual(papaparseRows(input, delimiter, batchSize));
      }),
      fuzzOptions(400),
    );
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
    const character = fc.constantFrom('\n', '\r', '\r\n', 'a', '"', '\ufeff', ';');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 40 }).map((parts) => parts.join('')), (input) => {
        const meta = Papa.parse<string[]>(input, { delimiter: ';' }).meta;
        if (input.replace(/^\ufeff/, '') !== '') expect(guessNewline(input)).toBe(meta.linebreak);
      }),
      fuzzOptions(300),
    );
  });
});
