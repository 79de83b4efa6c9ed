import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfMake, type PdfMake } from './load-pdfmake';

const BUILD_TIMEOUT_MS = 120_000; // a ceiling for slow CI machines, not a performance assertion

/** A document in the regular and bold cuts, dated so that its bytes depend on its content alone. */
function document(lines: readonly string[]): TDocumentDefinitions {
  return {
    info: { title: lines[0], creator: 'Kredo', producer: 'Kredo', creationDate: new Date(Date.UTC(2026, 11, 7)) },
    content: lines.map((text, index) => ({ text, bold: index % 2 === 1 })),
  };
}

const swedishReminder = document(['Betalningspåminnelse', 'Förfallet belopp: 12 500,00 kr', 'Vänliga hälsningar, Åsa Öberg']);
const britishDemand = document(['Final demand', 'Amount due: £14,845.00 — with statutory interest (8 % over base)', 'Yours faithfully, Wm. Quirke & Sons']);

async function pdfBytes(pdfMake: PdfMake, definition: TDocumentDefinitions): Promise<Uint8Array> {
  const buffer = await pdfMake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

async function printedText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const content = await (await pdf.getPage(1)).getTextContent();
    return content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
  } finally {
    await pdf.destroy();
  }
}

/** A document's fontkit font per cut, with its decoded tables (pdfmake, pdfkit and fontkit internals). */
type OpenedFont = { readonly font: { readonly _tables: object } };

async function openedFonts(pdfMake: PdfMake, definition: TDocumentDefinitions): Promise<Record<'normal' | 'bold', OpenedFont>> {
  const stream = (await pdfMake.createPdf(definition).getStream()) as unknown as { fontCache: { Roboto: Record<'normal' | 'bold', OpenedFont> } };
  return stream.fontCache.Roboto;
}

describe('fonts parsed once per session (issue 14: a letter run re-parsed Roboto for every letter)', () => {
  let pdfMake: PdfMake;
  let firstSwedish: Uint8Array;
  beforeAll(async () => {
    pdfMake = await loadPdfMake();
    firstSwedish = await pdfBytes(pdfMake, swedishReminder); // the session's first parse of Roboto
  }, BUILD_TIMEOUT_MS);

  it('reads the tables of Roboto decoded once for every later document, each cut, while each document keeps its own font and glyphs', async () => {
    const first = await openedFonts(pdfMake, swedishReminder);
    const second = await openedFonts(pdfMake, britishDemand);
    for (const cut of ['normal', 'bold'] as const) {
      expect(second[cut].font._tables).toBe(first[cut].font._tables);
      expect(second[cut].font).not.toBe(first[cut].font);
    }
    expect(second.bold.font._tables).not.toBe(second.normal.font._tables);
  }, BUILD_TIMEOUT_MS);

  it('prints the same bytes as the first parse, whatever was printed before, and each document its own text', async () => {
    const british = await pdfBytes(pdfMake, britishDemand);
    const swedishAgain = await pdfBytes(pdfMake, swedishReminder);
    expect(swedishAgain).toEqual(firstSwedish);
    expect(await printedText(swedishAgain)).toBe('Betalningspåminnelse Förfallet belopp: 12 500,00 kr Vänliga hälsningar, Åsa Öberg');
    expect(await printedText(british)).toBe('Final demand Amount due: £14,845.00 — with statutory interest (8 % over base) Yours faithfully, Wm. Quirke & Sons');
  }, BUILD_TIMEOUT_MS);
});
