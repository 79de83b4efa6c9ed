import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../../shared/money/exchange-rates';
import { statementOfAccount } from '../../../shared/domain/statements/statement-of-account';
import { testItem, testLedger } from '../../../shared/domain/ledger/test-ledger';
import type { DebtorLedger } from '../../../shared/domain/ledger/ledger-types';
import { toIsoDate } from '../../../shared/time/iso-date';
import { britishFinalDemand, dutchFormalNotice, swedishCollectionDemand } from './letter-test-cases.test-support';
import { letterTranslator } from './letter-translator';
import { buildStatementContent, type StatementLetterInput } from './statement-content';
import { buildStatementPdf } from './statement-pdf';
import { statementPlainText } from './statement-plain-text';

const BUILD_TIMEOUT_MS = 120_000; // a ceiling for slow CI machines, not a performance assertion
const day = toIsoDate;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const texts: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      texts.push(content.items.flatMap((item) => ('str' in item ? [item.str] : [])).join(' '));
    }
    return texts.join(' ').replace(/\s+/g, ' ');
  } finally {
    await document.destroy();
  }
}

function britishLedger(): DebtorLedger {
  return {
    ...testLedger('d1', [
      testItem('d1', 'INV-20931', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 1_234_500, openMinor: 734_500, currency: 'GBP' }),
      testItem('d1', 'INV-21077', { invoiceDate: '2026-11-20', dueDate: '2026-12-20', amountMinor: 86_000, currency: 'GBP' }),
      testItem('d1', 'CN-305', { invoiceDate: '2026-11-01', dueDate: '2026-11-01', amountMinor: -12_050, currency: 'GBP' }),
    ]),
    payments: [{ id: 'p1', debtorId: 'd1', date: day('2026-11-16'), currency: 'GBP', amountMinor: 500_000, unappliedMinor: 0, reference: 'BACS 77120', remittance: '', counterpartyName: '', counterpartyIban: '' }],
  };
}

const british = (ledger: DebtorLedger, policyCurrency = 'GBP', rates = new ExchangeRateTable([])): StatementLetterInput => ({
  language: 'en',
  creditor: britishFinalDemand.creditor,
  debtor: britishFinalDemand.debtor,
  statement: statementOfAccount({ ledger, jurisdiction: 'GB', asOf: day('2026-12-07'), since: day('2026-11-01'), policyCurrency, exchangeRates: rates, withInterest: false }),
  paymentReference: 'RF71 4217',
  paymentReferenceScheme: 'rf',
});

describe('statement of account', () => {
  it(
    'prints a British debtor’s open items, ageing, payments since the last statement and totals in GBP, read back from the PDF',
    async () => {
      const input = british(britishLedger());
      const text = await pdfText(await buildStatementPdf(buildStatementContent(input, letterTranslator('en'))));
      expect(text).toContain('Statement of account C-3107');
      expect(text).toContain('Open items in GBP');
      expect(text).toMatch(/INV-20931 01\/09\/2026 01\/10\/2026 67 £12,345\.00 £7,345\.00/);
      expect(text).toMatch(/Credit note CN-305 01\/11\/2026 01\/11\/2026 -£120\.50 -£120\.50/);
      expect(text).toMatch(/INV-21077 20\/11\/2026 20\/12\/2026 0 £860\.00 £860\.00/);
      // Ageing: not due £860.00, 61–90 days £7,345.00.
      expect(text).toMatch(/Not yet due 1–30 days 31–60 days 61–90 days Over 90 days £860\.00 £0\.00 £0\.00 £7,345\.00 £0\.00/);
      expect(text).toContain('Open invoices £8,205.00');
      expect(text).toContain('Credit notes -£120.50');
      expect(text).toContain('Total due in GBP £8,084.50');
      expect(text).toContain('Payments received since 1 November 2026');
      expect(text).toMatch(/BACS 77120 16\/11\/2026 £5,000\.00/);
      expect(text).toContain('Payment reference (RF) RF71 4217');
      // All in the policy currency: no second total.
      expect(text).not.toContain('exchange rate');
    },
    BUILD_TIMEOUT_MS,
  );

  it('says that a currency has no exchange rate instead of giving a policy-currency total that counts it as zero', () => {
    const ledger = testLedger('d1', [
      testItem('d1', 'G-1', { invoiceDate: '2026-11-01', dueDate: '2026-12-31', amountMinor: 8_600, currency: 'GBP' }),
      testItem('d1', 'S-1', { invoiceDate: '2026-11-01', dueDate: '2026-12-31', amountMinor: 500_000, currency: 'SEK' }),
    ]);
    const content = buildStatementContent(british(ledger, 'EUR', new ExchangeRateTable([{ date: day('2026-12-04'), base: 'EUR', quote: 'GBP', rate: '0.86' }])), letterTranslator('en'));
    expect(content.sections.map((section) => section.heading)).toEqual(['Open items in GBP', 'Open items in SEK']);
    expect(content.policyTotal?.replace(/\s/g, ' ')).toBe('A total in EUR cannot be given: there is no exchange rate for SEK on 07/12/2026. The other currencies come to €100.00.');
    const converted = buildStatementContent(british(ledger, 'EUR', new ExchangeRateTable([{ date: day('2026-12-04'), base: 'EUR', quote: 'GBP', rate: '0.86' }, { date: day('2026-12-04'), base: 'EUR', quote: 'SEK', rate: '10' }])), letterTranslator('en'));
    expect(converted.policyTotal?.replace(/\s/g, ' ')).toBe('Total due in all currencies, in EUR at the exchange rates of 07/12/2026: €600.00');
  });

  it('speaks Dutch to a Dutch debtor and Swedish to a Swedish one, naming its own payment reference', () => {
    const dutch = buildStatementContent({ language: 'nl', creditor: dutchFormalNotice.creditor, debtor: dutchFormalNotice.debtor, statement: statementOfAccount({ ledger: testLedger('d1', [testItem('d1', 'F-1', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 121_000 })]), jurisdiction: 'NL', asOf: day('2026-12-07'), policyCurrency: 'EUR', exchangeRates: new ExchangeRateTable([]) }), paymentReference: '1000 0000 0000 0017', paymentReferenceScheme: 'betalingskenmerk' }, letterTranslator('nl'));
    expect(dutch.title).toBe('Rekeningoverzicht');
    expect(dutch.info.at(-1)).toEqual({ label: 'Betalingskenmerk', value: '1000 0000 0000 0017' });
    expect(dutch.closing[0]).toContain('onder vermelding van betalingskenmerk 1000 0000 0000 0017');
    expect(dutch.sections[0]!.totals.map((line) => line.label)).toEqual(['Openstaande facturen', expect.stringMatching(/^Wettelijke handelsrente tot en met/), 'Totaal te betalen in EUR']);
    const swedish = buildStatementContent({ language: 'sv', creditor: swedishCollectionDemand.creditor, debtor: swedishCollectionDemand.debtor, statement: statementOfAccount({ ledger: testLedger('d1', [testItem('d1', 'F-1', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 121_000, currency: 'SEK' })]), jurisdiction: 'SE', asOf: day('2026-12-07'), policyCurrency: 'SEK', exchangeRates: new ExchangeRateTable([]) }), paymentReference: '17', paymentReferenceScheme: 'ocr' }, letterTranslator('sv'));
    expect(swedish.title).toBe('Kontoutdrag');
    expect(statementPlainText(swedish, 'x')).toContain('Dröjsmålsränta till och med');
    expect(swedish.payments.note).toBe('Vi har inte fått några betalningar från er.');
  });
});
