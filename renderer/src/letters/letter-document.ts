import type { Content, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { isoDateToUtcMs } from '../../../shared/time/iso-date';
import { fittingFontSize, longer, longestWord } from '../documents/fitting-font-size';
import { pageLabelFromTemplate } from '../documents/page-label';
import { pdfSafeText } from '../documents/pdf-safe-text';
import type { LetterContent, LetterTotalLine } from './letter-content';

/** Millimetres in PDF points: envelope windows and letter zones are specified in mm. */
const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

const PAGE_WIDTH = 595.28; // A4 portrait
const LEFT = mm(25);
const RIGHT = mm(20);
const CONTENT_WIDTH = PAGE_WIDTH - LEFT - RIGHT;
/** Continuation pages start at the top margin; the first page's body starts below the address zone. */
const PAGE_MARGINS: [number, number, number, number] = [LEFT, mm(20), RIGHT, mm(21)];
const BODY_START = mm(90);
/**
 * The address sits where a window envelope shows it (DIN 5008 form B, also used for Dutch, Swedish and
 * British DL/C5 window envelopes): the window spans 20–105 mm from the left and 45–90 mm from the top;
 * text starts 5 mm inside it. The information block (date, customer number, reference) is at 125 mm.
 */
const ADDRESS = { x: LEFT, returnLineY: mm(46), y: mm(53), width: mm(80) };
const INFO = { x: mm(125), y: mm(53), width: PAGE_WIDTH - mm(125) - RIGHT };
const LETTERHEAD_Y = mm(15);
const TEXT_COLOR = '#1f2328';
const MUTED_COLOR = '#57606a';
const RULE_COLOR = '#8c959f';

const styles: StyleDictionary = {
  creditorName: { fontSize: 15, bold: true },
  letterhead: { fontSize: 8.5, color: MUTED_COLOR },
  returnAddress: { fontSize: 6, color: MUTED_COLOR },
  recipient: { fontSize: 10 },
  infoLabel: { fontSize: 8, color: MUTED_COLOR },
  infoValue: { fontSize: 8.5 },
  subject: { fontSize: 11.5, bold: true, margin: [0, 0, 0, 12] },
  paragraph: { margin: [0, 0, 0, 6], lineHeight: 1.1 },
  columnHeader: { bold: true, color: MUTED_COLOR },
  footer: { fontSize: 7, color: MUTED_COLOR },
};

/**
 * The pdfmake document of a dunning letter on A4 portrait: letterhead, the debtor's address in the
 * envelope window, date and references, subject, text, the invoice table (its header repeated on every
 * page it continues on), the totals kept together, payment instructions and signature; the creditor's
 * registration and bank details at the foot of every page, with page numbers once there is more than one.
 */
export function letterDocument(content: LetterContent): TDocumentDefinitions {
  const paragraphs = (texts: readonly string[]): Content[] => texts.map((text) => ({ text: pdfSafeText(text), style: 'paragraph' }));
  return letterShell(content, [
    { text: pdfSafeText(content.salutation), style: 'paragraph' },
    ...paragraphs(content.opening),
    invoiceTable(content.table),
    totalsTable(content.totals),
    ...paragraphs(content.closing.slice(0, -1)),
    // The last paragraph goes with the signature, so a signature is never alone on a page.
    {
      unbreakable: true,
      stack: [
        ...paragraphs(content.closing.slice(-1)),
        { text: pdfSafeText(content.signOff), margin: [0, 4, 0, 22] },
        ...content.signature.map((line, index) => ({ text: pdfSafeText(line), bold: index === 0 })),
      ],
    },
  ]);
}

/** What every document to a debtor has around its text: letterhead, envelope window, references, footer. */
export type LetterFrame = Pick<LetterContent, 'subject' | 'letterDate' | 'letterhead' | 'returnAddress' | 'recipient' | 'info' | 'footer' | 'pageTemplate'>;

/**
 * The page every document to a debtor is printed on (a letter, a statement of account): the first page's
 * fixed blocks, the subject where the body starts, then `body`, with the footer and page numbers.
 */
export function letterShell(content: LetterFrame, body: Content[]): TDocumentDefinitions {
  const page = pageLabelFromTemplate(content.pageTemplate);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    // The letter's own date rather than "now": the same letter always gives the same bytes.
    info: { title: pdfSafeText(content.subject), author: pdfSafeText(content.letterhead.name), creator: 'Kredo', producer: 'Kredo', creationDate: new Date(isoDateToUtcMs(content.letterDate)) },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, color: TEXT_COLOR },
    styles,
    footer: (currentPage, pageCount) => ({
      margin: [LEFT, mm(5), RIGHT, 0],
      columns: [
        { text: pdfSafeText(content.footer.join('  ·  ')), style: 'footer' },
        ...(pageCount > 1 ? [{ text: pdfSafeText(page(currentPage, pageCount)), style: 'footer', alignment: 'right' as const, width: 'auto' as const, noWrap: true }] : []),
      ],
      columnGap: 12,
    }),
    content: [...firstPageBlocks(content), { text: pdfSafeText(content.subject), style: 'subject', margin: [0, BODY_START - PAGE_MARGINS[1], 0, 12] }, ...body],
  };
}

/** Letterhead, return address, recipient and information block: fixed places on the first page. */
function firstPageBlocks(content: LetterFrame): Content[] {
  const { letterhead } = content;
  const lines = (texts: readonly string[], style: string): Content[] => texts.map((text) => ({ text: pdfSafeText(text), style }));
  return [
    placed(LEFT, LETTERHEAD_Y, CONTENT_WIDTH, [
      { text: pdfSafeText(letterhead.name), style: 'creditorName' },
      ...lines(letterhead.addressLines, 'letterhead'),
      ...lines([letterhead.contactLines.join('  ·  ')], 'letterhead'),
    ]),
    placed(ADDRESS.x, ADDRESS.returnLineY, ADDRESS.width, lines([content.returnAddress], 'returnAddress')),
    placed(ADDRESS.x, ADDRESS.y, ADDRESS.width, lines(content.recipient, 'recipient')),
    placed(INFO.x, INFO.y, INFO.width, [
      {
        table: {
          widths: ['auto', '*'],
          body: content.info.map((entry) => [
            { text: pdfSafeText(entry.label), style: 'infoLabel' },
            { text: pdfSafeText(entry.value), style: 'infoValue' },
          ]),
        },
        layout: 'noBorders',
      },
    ]),
  ];
}

/** Content at a fixed place and width on the page, outside the flow of the text. */
function placed(x: number, y: number, width: number, stack: Content[]): Content {
  return { absolutePosition: { x, y }, columns: [{ width, stack }] };
}

const CELL_PADDING = 4;

/** A table of invoices (or payments), at the largest type size (up to 8.5 pt) at which every column fits the page width. */
export function invoiceTable(table: LetterContent['table']): Content {
  const { columns, rows } = table;
  const widest = columns.map((column) => longestWord(column.label));
  for (const row of rows) row.forEach((cell, i) => (widest[i] = longer(widest[i] ?? '', cell)));
  const fontSize = fittingFontSize({ widestTexts: widest, availableWidth: CONTENT_WIDTH, nameWidth: 0, columnPadding: 2 * CELL_PADDING, preferred: 8.5, minimum: 6 });
  const body: TableCell[][] = [
    columns.map((column) => ({ text: pdfSafeText(column.label), style: 'columnHeader', alignment: column.align })),
    ...rows.map((row) => row.map((cell, i) => ({ text: pdfSafeText(cell), alignment: columns[i]?.align ?? 'left', noWrap: i > 0 }))),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: columns.map((_, i) => (i === 0 ? '*' : 'auto')), body },
    layout: {
      hLineWidth: (line, node) => (line === 1 ? 0.8 : line === 0 || line === node.table.body.length ? 0 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => RULE_COLOR,
      paddingLeft: (column) => (column === 0 ? 0 : CELL_PADDING),
      paddingRight: (column) => (column === columns.length - 1 ? 0 : CELL_PADDING),
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize,
    margin: [0, 4, 0, 8],
  };
}

/** Principal, interest, costs and the total due, right-aligned and never split across pages. */
export function totalsTable(lines: readonly LetterTotalLine[]): Content {
  const isTotal = (line: LetterTotalLine | undefined): boolean => line?.kind === 'total' || line?.kind === 'total-if-unpaid';
  const muted = (line: LetterTotalLine): boolean => line.kind === 'announced-cost' || line.kind === 'total-if-unpaid';
  return {
    unbreakable: true,
    margin: [0, 0, 0, 12],
    table: {
      widths: ['*', 'auto'],
      body: lines.map((line) => [
        { text: pdfSafeText(line.label), alignment: 'right', bold: isTotal(line), color: muted(line) ? MUTED_COLOR : TEXT_COLOR },
        { text: pdfSafeText(line.amount), alignment: 'right', noWrap: true, bold: isTotal(line), color: muted(line) ? MUTED_COLOR : TEXT_COLOR },
      ]),
    },
    layout: {
      // A rule above the total due, as on an invoice.
      hLineWidth: (line) => (isTotal(lines[line]) && line > 0 ? 0.8 : 0),
      vLineWidth: () => 0,
      hLineColor: () => RULE_COLOR,
      paddingLeft: () => CELL_PADDING,
      paddingRight: (column) => (column === 1 ? 0 : CELL_PADDING),
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}
