import { PDFDocument } from 'pdf-lib';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadPdfMake } from '../load-pdfmake';
import { pageLabelFromTemplate } from '../page-label';
import { pdfSafeText } from '../pdf-safe-text';

/** One letter of a print batch: its kept PDF and what the covering list says of it, already formatted. */
export interface PrintBatchLetter {
  readonly pdf: Uint8Array;
  readonly debtor: string;
  /** Where the envelope goes, as sorted: postcode, town and country. */
  readonly destination: string;
  /** The letter's file name as the debtor page lists it. */
  readonly letter: string;
  readonly step: string;
  readonly amount: string;
  readonly reference: string;
}

export interface PrintBatchText {
  readonly title: string;
  /** Under the title: how many letters, made when, in which order. */
  readonly subtitle: string;
  readonly columns: { readonly number: string; readonly debtor: string; readonly letter: string; readonly pages: string; readonly step: string; readonly amount: string; readonly reference: string };
  /** "Page {{page}} of {{pages}}", the placeholders left in. */
  readonly pageTemplate: string;
}

const MUTED = '#57606a';

/** The covering list: one line per letter in the order the pages follow, to check the envelopes against. */
function coveringList(letters: readonly PrintBatchLetter[], pages: readonly number[], text: PrintBatchText, createdOn: Date): TDocumentDefinitions {
  const header = (label: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text: pdfSafeText(label), bold: true, color: MUTED, alignment });
  const body: TableCell[][] = [
    [header(text.columns.number, 'right'), header(text.columns.debtor), header(text.columns.letter), header(text.columns.pages, 'right'), header(text.columns.step), header(text.columns.amount, 'right'), header(text.columns.reference)],
    ...letters.map((letter, index): TableCell[] => [
      { text: String(index + 1), alignment: 'right' },
      { stack: [{ text: pdfSafeText(letter.debtor) }, { text: pdfSafeText(letter.destination), color: MUTED, fontSize: 7.5 }] },
      { text: pdfSafeText(letter.letter), noWrap: true },
      { text: String(pages[index] ?? 0), alignment: 'right' },
      { text: pdfSafeText(letter.step) },
      { text: pdfSafeText(letter.amount), alignment: 'right', noWrap: true },
      { text: pdfSafeText(letter.reference), noWrap: true },
    ]),
  ];
  const content: Content[] = [
    { text: pdfSafeText(text.title), fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
    { text: pdfSafeText(text.subtitle), color: MUTED, margin: [0, 0, 0, 12] },
    { table: { headerRows: 1, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'], body }, layout: 'lightHorizontalLines', fontSize: 8.5 },
  ];
  const page = pageLabelFromTemplate(text.pageTemplate);
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    info: { title: text.title, creator: 'Kredo', producer: 'Kredo', creationDate: createdOn },
    defaultStyle: { font: 'Roboto', fontSize: 9.5 },
    content,
    footer: (current: number, count: number) => ({ text: pdfSafeText(page(current, count)), alignment: 'right', fontSize: 7, color: MUTED, margin: [40, 16, 40, 0] }),
  };
}

/**
 * A print batch as one PDF: the covering list first, then every letter's own pages — the kept PDF exactly as
 * it was made, not laid out again — in the order given (the caller's envelope order), so the pile that comes
 * out of the printer is folded into window envelopes from the top and checked against the list. Pages are
 * copied with pdf-lib; the covering list is laid out with pdfmake like every other document.
 */
export async function buildPrintBatchPdf(letters: readonly PrintBatchLetter[], text: PrintBatchText, createdOn: Date): Promise<Uint8Array> {
  const sources = await Promise.all(letters.map((letter) => PDFDocument.load(letter.pdf)));
  const pdfMake = await loadPdfMake();
  const cover = await pdfMake.createPdf(coveringList(letters, sources.map((source) => source.getPageCount()), text, createdOn)).getBuffer();

  const batch = await PDFDocument.create();
  batch.setTitle(text.title);
  batch.setCreator('Kredo');
  batch.setProducer('Kredo');
  // Dated by the run, not by the clock, so the same batch gives the same bytes (as letters do).
  batch.setCreationDate(createdOn);
  batch.setModificationDate(createdOn);
  for (const source of [await PDFDocument.load(new Uint8Array(cover.buffer, cover.byteOffset, cover.byteLength)), ...sources]) {
    const pages = await batch.copyPages(source, source.getPageIndices());
    for (const page of pages) batch.addPage(page);
  }
  return batch.save();
}
