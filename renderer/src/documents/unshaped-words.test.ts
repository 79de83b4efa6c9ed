import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfMake, type PdfMake } from './load-pdfmake';
import { unshapedRun } from './unshaped-words';

const BUILD_TIMEOUT_MS = 120_000; // a ceiling for slow CI machines, not a performance assertion

interface Font {
  readonly font: object;
  layoutRun(text: string): { glyphs: { id: number; codePoints: number[] }[]; positions: object[]; advanceWidth: number };
}

/** A fresh document's Roboto in the given cut: its own glyphs, nothing laid out yet. */
async function freshFont(pdfMake: PdfMake, bold: boolean): Promise<Font> {
  const document = (await pdfMake.createPdf({ content: [] }).getStream()) as unknown as { provideFont(family: string, bold: boolean, italics: boolean): Font };
  return document.provideFont('Roboto', bold, false);
}

const what = (run: { glyphs: readonly { id: number; codePoints: readonly number[] }[]; positions: readonly object[]; advanceWidth: number }) => ({
  glyphs: run.glyphs.map((glyph) => ({ id: glyph.id, codePoints: [...glyph.codePoints] })),
  positions: run.positions.map((position) => ({ ...position })),
  advanceWidth: run.advanceWidth,
});

// Amounts as Intl writes them in en, nl, sv and de, with the signs and spaces around them (Roboto has no U+202F).
const character = fc.constantFrom(...'0123456789.,-\u2212+%()/\u00a0 €£$:·#'.split(''));
const word = fc.array(character, { minLength: 1, maxLength: 16 }).map((characters) => characters.join(''));

describe('words laid out without fontkit shaping them (issue 14: amounts in the ageing report)', () => {
  let pdfMake: PdfMake;
  beforeAll(async () => {
    pdfMake = await loadPdfMake();
  }, BUILD_TIMEOUT_MS);

  it('lays out amounts exactly as fontkit shapes them — the same glyphs with the same characters, advances and width — in both cuts', async () => {
    for (const bold of [false, true]) {
      await fc.assert(
        fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 12 }), async (words) => {
          const fast = await freshFont(pdfMake, bold);
          const shaped = await freshFont(pdfMake, bold);
          for (const text of words) {
            const run = unshapedRun(fast as never, text);
            expect(run, text).toBeDefined();
            expect(what(run as never)).toEqual(what(shaped.layoutRun(text)));
          }
          // The glyphs each font made, with the characters they were first met with: the document's text layer.
          const made = (font: Font) => Object.values((font.font as { _glyphs: Record<string, { id: number; codePoints: number[] }> })._glyphs).map((glyph) => [glyph.id, [...glyph.codePoints]]);
          expect(made(fast)).toEqual(made(shaped));
        }),
        { numRuns: 60 },
      );
    }
  }, BUILD_TIMEOUT_MS);

  it('lays out the amounts of a report without fontkit', async () => {
    const font = await freshFont(pdfMake, false);
    for (const text of ['€1,234.56', '\u2212€1,234.56 ', '€\u00a01.234,56', '12\u00a0500,00', '(8\u00a0%)', '£14,845.00', '43', '100%']) expect(unshapedRun(font as never, text), text).toBeDefined();
  }, BUILD_TIMEOUT_MS);

  it('leaves words with letters, ligatures or other scripts to fontkit', async () => {
    const font = await freshFont(pdfMake, false);
    for (const text of ['office', 'kr', '12\u00a0500,00\u00a0kr', 'K-10023', 'Åsa', '½', '', '1\u20442']) expect(unshapedRun(font as never, text), text).toBeUndefined();
  }, BUILD_TIMEOUT_MS);
});
