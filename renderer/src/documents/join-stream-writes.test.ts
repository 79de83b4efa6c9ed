import { describe, expect, it } from 'vitest';
import { loadPdfMake } from './load-pdfmake';

const BUILD_TIMEOUT_MS = 120_000; // a ceiling for slow CI machines, not a performance assertion

// That the bytes stay those pdfmake prints alone: tests/integration/kredo-pdfmake.test.ts.
describe('the lines of a page written as text and turned into bytes once (issue 14)', () => {
  it("keeps a page's lines as text until the page is written out, instead of one buffer per line", async () => {
    const pdfMake = await loadPdfMake();
    const definition = { content: [{ text: 'Betalningspåminnelse', bold: true }, 'Förfallet belopp: 12 500,00 kr', { table: { body: [['2026-118', '18 750,00 kr']] } }] };
    const stream = (await pdfMake.createPdf(definition).getStream()) as unknown as { page: { content: { buffer: unknown[] } } };
    expect(stream.page.content.buffer).toEqual([]);
  }, BUILD_TIMEOUT_MS);
});
