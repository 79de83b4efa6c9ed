import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/time/iso-date';
import type { DunningLetterInput } from './dunning-letter';
import { buildLetterContent, type LetterContent } from './letter-content';
import { letterTranslator } from './letter-translator';
import { britishFinalDemand, dutchFormalNotice, swedishCollectionDemand } from './letter-test-cases.test-support';

const build = (input: DunningLetterInput): LetterContent => buildLetterContent(input, letterTranslator(input.language));
/** Intl writes no-break spaces in amounts; compare them as plain spaces. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
const allText = (content: LetterContent): string => plain([...content.opening, ...content.closing].join(' '));
const totals = (content: LetterContent): string[] => content.totals.map((line) => plain(`${line.label}: ${line.amount}`));

describe('the totals of a letter', () => {
  it('add whole cents exactly, where floating-point euros would not (0.10 + 0.20)', () => {
    const invoice = dutchFormalNotice.invoices[0];
    if (!invoice) throw new Error('the Dutch case has invoices');
    const content = build({
      ...dutchFormalNotice,
      step: 'reminder-1',
      invoices: [
        { ...invoice, number: 'A', amountMinor: 10, openMinor: 10, interestMinor: 0 },
        { ...invoice, number: 'B', amountMinor: 20, openMinor: 20, interestMinor: 0 },
      ],
      costs: [],
    });
    expect(content.figures.totalDueMinor).toBe(30);
    expect(totals(content)).toEqual(['Openstaande hoofdsom: € 0,30', 'Totaal te betalen: € 0,30']);
  });

  it('keep announced WIK costs out of the total due and show the total if the term passes', () => {
    const content = build(dutchFormalNotice);
    expect(content.figures).toEqual({
      principalMinor: 1_234_567,
      interestMinor: 19_891,
      costsMinor: 0,
      totalDueMinor: 1_254_458,
      announcedCostsMinor: 89_846,
      totalIfUnpaidMinor: 1_344_304,
    });
    expect(totals(content)).toEqual([
      'Openstaande hoofdsom: € 12.345,67',
      'Rente tot en met 02-03-2026: € 198,91',
      'Totaal te betalen: € 12.544,58',
      'Buitengerechtelijke incassokosten bij niet-tijdige betaling: € 898,46',
      'Totaal bij niet-tijdige betaling: € 13.443,04',
    ]);
  });

  it('include costs that are due now in the total due, one line per invoice', () => {
    expect(totals(build(swedishCollectionDemand)).slice(2)).toEqual([
      'Förseningsersättning, faktura 2026-118: 450,00 kr',
      'Förseningsersättning, faktura 2026-131: 450,00 kr',
      'Att betala: 26 349,30 kr',
    ]);
  });
});

describe('the language and the law of a letter', () => {
  it('formats amounts in the letter’s language, whatever the currency', () => {
    const total = (language: DunningLetterInput['language']) => plain(build({ ...dutchFormalNotice, language }).totals.find((line) => line.kind === 'total')?.amount ?? '');
    expect([total('nl'), total('sv'), total('en')]).toEqual(['€ 12.544,58', '12 544,58 €', '€12,544.58']);
  });

  it('writes the Dutch fourteen-day term in words in English too, without a date to pay by', () => {
    const content = build({ ...dutchFormalNotice, language: 'en' });
    const text = allText(content);
    expect(content.subject).toBe('Final demand – customer number K-10023');
    expect(text).toContain('We hereby demand that you pay the total amount of €12,544.58 within fourteen days after receipt of this letter.');
    expect(text).toContain('you will in addition owe extrajudicial collection costs of €898.46');
    expect(text).toContain('tell us in writing within this period');
    expect(text).not.toContain('18 March 2026');
  });

  it('asks for payment by a date in a reminder, without interest where none is claimed', () => {
    const content = build({ ...britishFinalDemand, step: 'reminder-1', invoices: britishFinalDemand.invoices.map((invoice) => ({ ...invoice, interestMinor: 0 })), costs: [] });
    expect(content.title).toBe('Payment reminder');
    expect(content.opening[1]).toBe('We would be grateful if you could pay the total of £13,205.00 by 24 March 2026.');
    expect(content.table.columns.map((column) => column.label)).not.toContain('Interest');
    expect(totals(content)).toEqual(['Outstanding principal: £13,205.00', 'Total due: £13,205.00']);
    expect(allText(content)).not.toContain('Late Payment of Commercial Debts');
    expect(allText(content)).not.toContain('court proceedings');
  });

  it('greets a named contact and addresses the letter for their attention, in each language', () => {
    const swedish = build(swedishCollectionDemand);
    expect(swedish.salutation).toBe('Hej Märta Öberg,');
    expect(swedish.recipient).toEqual(['Åkerlunds Färg & Kakel AB', 'Att: Märta Öberg', 'Östra Hamngatan 7', '411 10 Göteborg']);
    expect(build(dutchFormalNotice).salutation).toBe('Geachte mevrouw J. de Vries,');
    expect(build({ ...dutchFormalNotice, debtor: { ...dutchFormalNotice.debtor, contactName: undefined } }).salutation).toBe('Geachte heer, mevrouw,');
    expect(build(britishFinalDemand).signOff).toBe('Yours faithfully,');
  });

  it('names the file after the letter, the customer and the date', () => {
    expect(build(swedishCollectionDemand).fileName).toBe('Slutligt-betalningskrav-K-20045-2026-03-16.pdf');
    expect(build({ ...swedishCollectionDemand, step: 'reminder-1' }).fileName).toBe('Betalningspåminnelse-K-20045-2026-03-16.pdf');
  });

  it('states the interest rate exactly from basis points', () => {
    expect(allText(build({ ...dutchFormalNotice, interestRateBp: 1_015 }))).toContain('Het rentepercentage bedraagt 10,15% per jaar.');
    expect(allText(build({ ...swedishCollectionDemand, interestRateBp: 1_050 }))).toContain('Räntesatsen är 10,5 % per år.');
  });
});

describe('a letter that would print something wrong', () => {
  const invoice = swedishCollectionDemand.invoices[0];
  if (!invoice) throw new Error('the Swedish case has invoices');

  it('is refused when an invoice is in another currency than the letter', () => {
    expect(() => build({ ...swedishCollectionDemand, invoices: [{ ...invoice, currency: 'EUR' }] })).toThrow(/invoice 2026-118 is in EUR, the letter in SEK/);
  });

  it('is refused for amounts that are not whole minor units, or a cost for an invoice it does not list', () => {
    expect(() => build({ ...swedishCollectionDemand, invoices: [{ ...invoice, openMinor: 1_875_000.5 }], costs: [] })).toThrow(RangeError);
    expect(() => build({ ...swedishCollectionDemand, invoices: [invoice] })).toThrow(/invoice 2026-131, which the letter does not list/);
  });

  it('is refused without invoices, or with a pay-by date before the letter date', () => {
    expect(() => build({ ...swedishCollectionDemand, invoices: [], costs: [] })).toThrow(/at least one overdue invoice/);
    expect(() => build({ ...swedishCollectionDemand, payBy: '2026-03-15' as IsoDate })).toThrow(/before the letter date/);
  });
});

describe('the payment reference of a letter (issue 16, item 6)', () => {
  const info = (content: LetterContent) => content.info.map((line) => `${line.label}: ${line.value}`);

  it('names the reference after its scheme in the debtor’s language, beside the customer number', () => {
    const dutch = build({ ...dutchFormalNotice, paymentReference: '5000 0567 8901 2345', paymentReferenceScheme: 'betalingskenmerk' });
    expect(info(dutch)).toContain('Betalingskenmerk: 5000 0567 8901 2345');
    expect(allText(dutch)).toContain('onder vermelding van betalingskenmerk 5000 0567 8901 2345');

    const swedish = build({ ...swedishCollectionDemand, paymentReference: '18108401345678778', paymentReferenceScheme: 'ocr' });
    expect(info(swedish)).toContain('OCR-nummer: 18108401345678778');
    expect(allText(swedish)).toContain('ange OCR-nummer 18108401345678778');

    const british = build({ ...britishFinalDemand, paymentReference: 'RF18 5390 0754 7034', paymentReferenceScheme: 'rf' });
    expect(info(british)).toContain('Payment reference (RF): RF18 5390 0754 7034');
    expect(allText(british)).toContain('quoting payment reference RF18 5390 0754 7034');
    expect(info(british)).toContain(`Customer number: ${britishFinalDemand.debtor.customerCode}`);
  });

  it('calls an OCR number an OCR number in a Dutch or English letter too', () => {
    expect(info(build({ ...dutchFormalNotice, paymentReference: '1018966492531', paymentReferenceScheme: 'ocr' }))).toContain('OCR-nummer: 1018966492531');
    expect(info(build({ ...britishFinalDemand, paymentReference: '1018966492531', paymentReferenceScheme: 'ocr' }))).toContain('OCR number: 1018966492531');
  });
});
