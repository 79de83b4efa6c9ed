import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DunningLetterInput } from './dunning-letter';
import { buildLetterPdf } from './letter-pdf';
import { britishFinalDemand, dutchFormalNotice, manyInvoices, swedishCollectionDemand } from './letter-test-cases.test-support';

/** A page as a reader sees it: its text in reading order, and where each piece sits (pt, from the top). */
interface PrintedPage {
  readonly text: string;
  readonly pieces: readonly { readonly str: string; readonly x: number; readonly top: number; readonly width: number }[];
}

const BUILD_TIMEOUT_MS = 120_000; // a ceiling for slow CI machines, not a performance assertion
const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const MM = 72 / 25.4;

/** Whitespace as a reader sees it: Intl's no-break spaces print as spaces. */
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

async function readPdf(bytes: Uint8Array): Promise<PrintedPage[]> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: PrintedPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      const pieces = content.items.flatMap((item) =>
        'str' in item ? [{ str: item.str, x: Number(item.transform[4]), top: A4_HEIGHT - Number(item.transform[5]), width: item.width }] : [],
      );
      pages.push({ text: spaced(pieces.map((piece) => piece.str).join(' ')), pieces });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

async function printed(input: DunningLetterInput): Promise<PrintedPage[]> {
  return readPdf(await buildLetterPdf(input));
}

const allText = (pages: readonly PrintedPage[]): string => pages.map((page) => page.text).join(' ');

describe('a Dutch fourteen-day letter (laatste aanmaning) with three invoices', () => {
  let pages: PrintedPage[];
  beforeAll(async () => {
    pages = await printed(dutchFormalNotice);
  }, BUILD_TIMEOUT_MS);

  it('fits on one page, without a page number', () => {
    expect(pages).toHaveLength(1);
    expect(allText(pages)).not.toContain('Pagina');
  });

  it('is addressed to the debtor and lists every overdue invoice with its open amount and interest', () => {
    const text = allText(pages);
    expect(text).toContain('Bakkerij De Gouden Korenschoof B.V. t.a.v. mevrouw J. de Vries Molenstraat 12 2611 KJ Delft');
    expect(text).toContain('Laatste aanmaning – klantnummer K-10023 Geachte mevrouw J. de Vries,');
    expect(text).toContain('2025-0412 15-11-2025 15-12-2025 77 € 4.200,00 € 4.200,00 € 89,93');
    expect(text).toContain('2025-0438 01-12-2025 31-12-2025 61 € 5.145,67 € 5.145,67 € 87,29');
    expect(text).toContain('2026-0007 05-01-2026 04-02-2026 26 € 3.500,00 € 3.000,00 € 21,69');
  });

  it('totals principal and interest in Dutch notation, and gives fourteen days after receipt in words', () => {
    const text = allText(pages);
    expect(text).toContain('Openstaande hoofdsom € 12.345,67 Rente tot en met 02-03-2026 € 198,91 Totaal te betalen € 12.544,58');
    expect(text).toContain('Wij sommeren u het totaalbedrag van € 12.544,58 binnen veertien dagen na ontvangst van deze brief te voldoen.');
  });

  it('names the WIK costs that fall due if the term passes, outside the total due', () => {
    const text = allText(pages);
    expect(text).toContain('Buitengerechtelijke incassokosten bij niet-tijdige betaling € 898,46 Totaal bij niet-tijdige betaling € 13.443,04');
    expect(text).toContain('buitengerechtelijke incassokosten verschuldigd van € 898,46, berekend volgens het Besluit vergoeding voor buitengerechtelijke incassokosten');
  });

  it('prints the address where a window envelope shows it (20–105 mm from the left, 45–90 mm from the top)', () => {
    const name = pages[0]?.pieces.find((piece) => piece.str === 'Bakkerij De Gouden Korenschoof B.V.');
    const lastLine = pages[0]?.pieces.find((piece) => piece.str === '2611 KJ Delft');
    expect(name && lastLine).toBeTruthy();
    for (const piece of [name, lastLine]) {
      expect(piece?.x).toBeGreaterThanOrEqual(20 * MM);
      expect((piece?.x ?? 0) + (piece?.width ?? 0)).toBeLessThanOrEqual(105 * MM);
      expect(piece?.top).toBeGreaterThan(45 * MM);
      expect(piece?.top).toBeLessThan(90 * MM);
    }
  });

  it('shows the creditor’s registration and bank details at the foot of the page', () => {
    expect(allText(pages)).toContain('KvK-nummer 24123456 · Btw-nummer NL812345678B01 · Rekening: IBAN NL91 ABNA 0417 1643 00, BIC ABNANL2A');
  });
});

describe('a Swedish final demand (slutligt betalningskrav)', () => {
  let bytes: Uint8Array;
  let pages: PrintedPage[];
  beforeAll(async () => {
    bytes = await buildLetterPdf(swedishCollectionDemand);
    pages = await readPdf(bytes);
  }, BUILD_TIMEOUT_MS);

  it('comes out byte for byte the same when made again, so the document sent can be reproduced', async () => {
    const again = await buildLetterPdf(swedishCollectionDemand);
    expect(again.length).toBe(bytes.length);
    expect(again.every((byte, i) => byte === bytes[i])).toBe(true);
  });

  it('says it is the creditor’s final demand (not an inkassokrav, which is a collection agency’s word), for which invoices, and what is owed in Swedish notation', () => {
    const text = allText(pages);
    expect(text).toContain('Åkerlunds Färg & Kakel AB Att: Märta Öberg Östra Hamngatan 7 411 10 Göteborg');
    expect(text).toContain('Slutligt betalningskrav – kundnummer K-20045 Hej Märta Öberg, Detta är vårt slutliga betalningskrav.');
    expect(text).not.toMatch(/inkassokrav/i);
    expect(text).toContain('2026-118 2026-01-01 2026-01-31 44 18 750,00 kr 18 750,00 kr 226,03 kr');
    expect(text).toContain('2026-131 2026-01-15 2026-02-14 30 6 420,50 kr 6 420,50 kr 52,77 kr');
  });

  it('claims the 450 kr förseningsersättning per invoice in the totals, with its legal basis', () => {
    const text = allText(pages);
    expect(text).toContain(
      'Obetalt kapitalbelopp 25 170,50 kr Ränta till och med 2026-03-16 278,80 kr Förseningsersättning, faktura 2026-118 450,00 kr Förseningsersättning, faktura 2026-131 450,00 kr Att betala 26 349,30 kr',
    );
    expect(text).toContain('Enligt 4 a § lagen (1981:739) om ersättning för inkassokostnader m.m. har vi rätt till förseningsersättning med 450,00 kr');
  });

  it('gives a last day to pay, the consequence and until when to object, as good practice (inkassolagen 5 §) wants', () => {
    const text = allText(pages);
    expect(text).toContain('Vi kräver att ni betalar totalt 26 349,30 kr senast den 26 mars 2026.');
    expect(text).toContain('ansöka om betalningsföreläggande hos Kronofogden');
    expect(text).toContain('Om ni bestrider kravet helt eller delvis ska ni meddela oss det skriftligen senast den 26 mars 2026 och ange skälen.');
    expect(text).toContain('Betala till bankgiro 5050-1055');
  });
});

describe('a British final demand', () => {
  let pages: PrintedPage[];
  beforeAll(async () => {
    pages = await printed(britishFinalDemand);
  }, BUILD_TIMEOUT_MS);

  it('lists the invoices and the fixed sums in pounds, the British way', () => {
    const text = allText(pages);
    expect(text).toContain('Brighton Bakeries plc 12 Marine Parade Brighton BN2 1TL');
    expect(text).toContain('INV-20931 01/12/2025 31/12/2025 69 £12,345.00 £12,345.00 £285.88');
    expect(text).toContain('INV-21077 21/12/2025 20/01/2026 49 £860.00 £860.00 £14.14');
    expect(text).toContain(
      'Outstanding principal £13,205.00 Interest up to and including 10/03/2026 £300.02 Fixed sum for late payment, invoice INV-20931 £100.00 Fixed sum for late payment, invoice INV-21077 £40.00 Total due £13,645.02',
    );
  });

  it('cites the Late Payment of Commercial Debts (Interest) Act 1998 and its statutory interest rate', () => {
    const text = allText(pages);
    expect(text).toContain('Under the Late Payment of Commercial Debts (Interest) Act 1998 we are entitled to statutory interest of 8 percentage points above the Bank of England base rate');
    expect(text).toContain('The rate is 12.25% a year.');
    expect(text).toContain('If we have not received payment in full by 24 March 2026, we will issue court proceedings');
    expect(text).toContain('Dear Sir or Madam,');
    expect(text).toContain('Yours faithfully, Hartley & Finch Engineering Ltd Credit Control');
  });

  it('keeps all text inside the page margins', () => {
    const pieces = pages.flatMap((page) => page.pieces).filter((piece) => piece.str.trim() !== '');
    expect(Math.min(...pieces.map((piece) => piece.x))).toBeGreaterThanOrEqual(25 * MM - 0.5);
    expect(Math.max(...pieces.map((piece) => piece.x + piece.width))).toBeLessThanOrEqual(A4_WIDTH - 20 * MM + 0.5);
  });
});

describe('a letter with more invoices than fit on a page', () => {
  const template = dutchFormalNotice.invoices[0];
  if (!template) throw new Error('the Dutch case has invoices');
  const invoices = manyInvoices(45, template);
  let pages: PrintedPage[];
  beforeAll(async () => {
    pages = await printed({ ...dutchFormalNotice, invoices, costs: [] });
  }, BUILD_TIMEOUT_MS);

  it('numbers every page and repeats the table header where the table continues', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => expect(page.text).toContain(`Pagina ${index + 1} van ${pages.length}`));
    expect(pages[1]?.text.startsWith('Factuur Factuurdatum Vervaldatum Dagen vervallen Factuurbedrag Openstaand Rente')).toBe(true);
  });

  it('lists every invoice once and ends with the total and the signature', () => {
    const text = allText(pages);
    for (const invoice of invoices) expect(text.split(`${invoice.number} `).length - 1, invoice.number).toBe(1);
    // 45 × € 4.200,00 = € 189.000,00; 45 × € 89,93 = € 4.046,85.
    expect(pages.at(-1)?.text).toContain('Totaal te betalen € 193.046,85');
    expect(pages.at(-1)?.text).toContain('Met vriendelijke groet, Van der Berg Technische Groothandel B.V. Afdeling Debiteurenbeheer');
  });
});
