import fc from 'fast-check';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfMake, type PdfMake } from './load-pdfmake';
import { forgetSharedWordLayouts } from './share-word-layouts';

const BUILD_TIMEOUT_MS = 300_000; // a ceiling for slow CI machines, not a performance assertion

/** Lines in the regular and bold cuts, dated so that the bytes depend on the content alone. */
function document(lines: readonly string[]): TDocumentDefinitions {
  return {
    info: { title: 'Letter', creator: 'Kredo', producer: 'Kredo', creationDate: new Date(Date.UTC(2026, 11, 7)) },
    content: lines.map((text, index) => ({ text, bold: index % 2 === 1 })),
  };
}

async function pdfBytes(pdfMake: PdfMake, lines: readonly string[]): Promise<Uint8Array> {
  const buffer = await pdfMake.createPdf(document(lines)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}

/** fontkit's font class of the session (pdfmake, pdfkit and fontkit internals), to count its shapings. */
async function fontkitFontClass(pdfMake: PdfMake): Promise<{ layout(...args: unknown[]): unknown }> {
  const stream = (await pdfMake.createPdf(document(['x'])).getStream()) as unknown as { provideFont(family: string, bold: boolean, italics: boolean): { font: object } };
  return Object.getPrototypeOf(stream.provideFont('Roboto', false, false).font) as { layout(...args: unknown[]): unknown };
}

/**
 * Words that meet the cases where a glyph's characters depend on what the document met first (the Greek
 * omega and the ohm sign are one glyph in Roboto), a no-break space, a soft hyphen, a zero-width space
 * (hidden by fontkit), ligatures (fi, fl), kerning pairs (AV, To), accents, currency signs and Intl's minus.
 */
const WORDS = ['Betalningspåminnelse', 'first', 'office', 'flow', 'AVANT', 'Total', '12\u00a0500,00\u00a0kr', '€\u00a01.234,56', '\u2212450,00', 'co\u00adoperate', 'co-operate', 'zero\u200bwidth', 'Åsa', 'Öberg', 'naïve', '£14,845.00', 'K-10023', '(8\u00a0%)', 'Wm.', '&', '10\u00a0\u03a9', '10\u00a0\u2126', '\u2126hm'];
const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const lines = fc.array(line, { minLength: 1, maxLength: 4 });

describe('words shaped once per session (issue 14: every letter of a run shaped the same words again)', () => {
  let pdfMake: PdfMake;
  beforeAll(async () => {
    pdfMake = await loadPdfMake();
  }, BUILD_TIMEOUT_MS);

  it('shapes none of the words of a document whose words an earlier document shaped', async () => {
    const fontClass = await fontkitFontClass(pdfMake);
    const letter = ['Betalningspåminnelse', 'Förfallet belopp: 12 500,00 kr', 'Vänliga hälsningar, Åsa Öberg'];
    await pdfBytes(pdfMake, letter);
    const layout = fontClass.layout;
    let shaped = 0;
    fontClass.layout = function counted(this: unknown, ...args: unknown[]) {
      shaped += 1;
      return layout.apply(this, args);
    };
    try {
      await pdfBytes(pdfMake, [...letter].reverse());
    } finally {
      fontClass.layout = layout;
    }
    expect(shaped).toBe(0);
  }, BUILD_TIMEOUT_MS);

  it('prints each document with the bytes it has when nothing was shaped before it, whatever came before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lines, { minLength: 1, maxLength: 3 }), lines, async (before, lastLines) => {
        forgetSharedWordLayouts();
        const alone = await pdfBytes(pdfMake, lastLines);
        forgetSharedWordLayouts();
        for (const earlier of before) await pdfBytes(pdfMake, earlier);
        expect(await pdfBytes(pdfMake, lastLines)).toEqual(alone);
      }),
      { numRuns: 25 },
    );
  }, BUILD_TIMEOUT_MS);
});
