import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfMake, type PdfMake } from '../../renderer/src/documents/load-pdfmake';

const BUILD_TIMEOUT_MS = 300_000; // a ceiling for slow CI machines, not a performance assertion

/**
 * pdfmake as it comes, evaluated afresh beside Kredo's (its own classes, none of Kredo's changes to them:
 * fonts parsed once, words shaped once, stream lines joined), with the same fonts.
 */
function plainPdfMake(): PdfMake {
  const require = createRequire(import.meta.url);
  const path = require.resolve('pdfmake/build/pdfmake.js');
  const cached = require.cache[path];
  delete require.cache[path];
  try {
    const pdfMake = require(path) as PdfMake;
    pdfMake.addVirtualFileSystem(require('pdfmake/build/vfs_fonts.js') as Parameters<PdfMake['addVirtualFileSystem']>[0]);
    pdfMake.setFonts({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } });
    pdfMake.setUrlAccessPolicy(() => false);
    return pdfMake;
  } finally {
    if (cached) require.cache[path] = cached;
  }
}

/** A letter-like document: lines in the regular and bold cuts, a coloured table with rules, dated so that its bytes depend on its content alone. */
function document(lines: readonly string[], rows: readonly (readonly string[])[]): TDocumentDefinitions {
  return {
    info: { title: lines[0], creator: 'Kredo', producer: 'Kredo', creationDate: new Date(Date.UTC(2026, 11, 7)) },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, fontSize: 7, color: '#57606a' }),
    content: [
      ...lines.map((text, index) => ({ text, bold: index % 2 === 1 })),
      { table: { headerRows: 1, widths: ['*', 'auto'], body: [['Invoice', 'Open'], ...rows.map((row) => [...row])] }, layout: 'lightHorizontalLines', color: '#1f2328' },
    ],
  };
}

async function pdfBytes(pdfMake: PdfMake, definition: TDocumentDefinitions): Promise<Uint8Array> {
  const buffer = await pdfMake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}

const WORDS = ['Betalningspåminnelse', 'Förfallet', 'belopp:', '12\u00a0500,00\u00a0kr', '€\u00a01.234,56', '\u2212450,00', 'Åsa', 'Öberg', 'first', 'office', 'AVANT', 'Total', '(8\u00a0%)', '£14,845.00', '&', 'K-10023', 'Wm.', 'naïve'];
const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const definition = fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(line, line), { maxLength: 40 })).map(([lines, rows]) => document(lines, rows));

describe("Kredo's pdfmake prints what pdfmake prints (issue 14: fonts parsed once, words shaped once, lines joined)", () => {
  let kredo: PdfMake;
  let plain: PdfMake;
  beforeAll(async () => {
    kredo = await loadPdfMake();
    plain = plainPdfMake();
  }, BUILD_TIMEOUT_MS);

  it('compares with a pdfmake of its own', async () => {
    const kredoDocument = Object.getPrototypeOf(await kredo.createPdf({ content: [] }).getStream()) as object;
    const plainDocument = Object.getPrototypeOf(await plain.createPdf({ content: [] }).getStream()) as object;
    expect(plainDocument).not.toBe(kredoDocument);
  }, BUILD_TIMEOUT_MS);

  it('prints the same bytes for every document, one after another, whatever came before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(definition, { minLength: 1, maxLength: 3 }), async (documents) => {
        for (const each of documents) expect(await pdfBytes(kredo, each)).toEqual(await pdfBytes(plain, each));
      }),
      { numRuns: 15 },
    );
  }, BUILD_TIMEOUT_MS);
});
