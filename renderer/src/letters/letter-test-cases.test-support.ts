import type { IsoDate } from '../../../shared/time/iso-date';
import type { DunningLetterInput, LetterInvoice } from './dunning-letter';

/**
 * Three letters for the tests, one per language and law, with figures worked out by hand. The interest
 * figures stand for what the law module computes: base × rate (bp) × days ÷ (10,000 × 365), days from
 * the day after the due date up to and including the letter date, rounded half up per invoice.
 */

const date = (value: string): IsoDate => value as IsoDate;

/**
 * NL, formal notice (veertiendagenbrief), 2 March 2026, wettelijke handelsrente 10.15 %:
 * - 2025-0412: € 4.200,00 open, due 15-12-2025, 77 days: 420000 × 1015 × 77 / 3,650,000 = 8992.6 → € 89,93
 * - 2025-0438: € 5.145,67 open, due 31-12-2025, 61 days: 514567 × 1015 × 61 / 3,650,000 = 8728.6 → € 87,29
 * - 2026-0007: € 3.500,00 of which € 3.000,00 open, due 04-02-2026, 26 days: 300000 × 1015 × 26 / 3,650,000 = 2169.0 → € 21,69
 * Principal 4,200.00 + 5,145.67 + 3,000.00 = € 12.345,67; interest 89.93 + 87.29 + 21.69 = € 198,91;
 * total due now € 12.544,58.
 * WIK on the principal (interest is not part of it): 15 % of 2,500 = 375.00; 10 % of 2,500 = 250.00;
 * 5 % of 5,000 = 250.00; 1 % of the remaining 2,345.67 = 23.4567 → € 898,46 (not a round € 1.032,35).
 * It falls due only if the fourteen days pass: then € 12.544,58 + € 898,46 = € 13.443,04.
 */
export const dutchFormalNotice: DunningLetterInput = {
  language: 'nl',
  jurisdiction: 'NL',
  step: 'formal-notice',
  letterDate: date('2026-03-02'),
  payBy: date('2026-03-18'),
  creditor: {
    name: 'Van der Berg Technische Groothandel B.V.',
    addressLines: ['Waalhaven Oostzijde 85', '3087 BM Rotterdam'],
    registration: { scheme: 'kvk', number: '24123456' },
    vatNumber: 'NL812345678B01',
    iban: 'NL91 ABNA 0417 1643 00',
    bic: 'ABNANL2A',
    email: 'debiteuren@vanderberg-tg.nl',
    phone: '010 123 45 67',
  },
  debtor: {
    name: 'Bakkerij De Gouden Korenschoof B.V.',
    customerCode: 'K-10023',
    addressLines: ['Molenstraat 12', '2611 KJ Delft'],
    contactName: 'mevrouw J. de Vries',
    email: 'administratie@goudenkorenschoof.nl',
  },
  invoices: [
    { number: '2025-0412', invoiceDate: date('2025-11-15'), dueDate: date('2025-12-15'), currency: 'EUR', amountMinor: 420_000, openMinor: 420_000, daysOverdue: 77, interestMinor: 8_993 },
    { number: '2025-0438', invoiceDate: date('2025-12-01'), dueDate: date('2025-12-31'), currency: 'EUR', amountMinor: 514_567, openMinor: 514_567, daysOverdue: 61, interestMinor: 8_729 },
    { number: '2026-0007', invoiceDate: date('2026-01-05'), dueDate: date('2026-02-04'), currency: 'EUR', amountMinor: 350_000, openMinor: 300_000, daysOverdue: 26, interestMinor: 2_169 },
  ],
  costs: [{ code: 'NL_WIK', amountMinor: 89_846, status: 'announced' }],
  interestRateBp: 1_015,
  paymentReference: '4000 0000 1002 3001',
  paymentReferenceScheme: 'betalingskenmerk',
  currency: 'EUR',
};

/**
 * SE, final demand (slutligt betalningskrav), 16 March 2026, dröjsmålsränta 10.00 % (referensränta 2.00 + 8):
 * - 2026-118: 18 750,00 kr, due 2026-01-31, 44 days: 1875000 × 1000 × 44 / 3,650,000 = 22602.7 → 226,03 kr
 * - 2026-131: 6 420,50 kr, due 2026-02-14, 30 days: 642050 × 1000 × 30 / 3,650,000 = 5277.1 → 52,77 kr
 * Principal 25 170,50 kr; interest 278,80 kr; förseningsersättning 450 kr per invoice = 900,00 kr;
 * total 25 170,50 + 278,80 + 900,00 = 26 349,30 kr.
 */
export const swedishCollectionDemand: DunningLetterInput = {
  language: 'sv',
  jurisdiction: 'SE',
  step: 'formal-notice',
  letterDate: date('2026-03-16'),
  payBy: date('2026-03-26'),
  creditor: {
    name: 'Nordströms Byggvaror AB',
    addressLines: ['Lindholmsallén 10', '417 55 Göteborg'],
    registration: { scheme: 'orgnr', number: '556677-8899' },
    vatNumber: 'SE556677889901',
    iban: 'SE45 5000 0000 0583 9825 7466',
    bic: 'ESSESESS',
    bankgiro: '5050-1055',
    email: 'reskontra@nordstroms.se',
    phone: '031-12 34 56',
  },
  debtor: {
    name: 'Åkerlunds Färg & Kakel AB',
    customerCode: 'K-20045',
    addressLines: ['Östra Hamngatan 7', '411 10 Göteborg'],
    contactName: 'Märta Öberg',
    email: 'ekonomi@akerlundsfarg.se',
  },
  invoices: [
    { number: '2026-118', invoiceDate: date('2026-01-01'), dueDate: date('2026-01-31'), currency: 'SEK', amountMinor: 1_875_000, openMinor: 1_875_000, daysOverdue: 44, interestMinor: 22_603 },
    { number: '2026-131', invoiceDate: date('2026-01-15'), dueDate: date('2026-02-14'), currency: 'SEK', amountMinor: 642_050, openMinor: 642_050, daysOverdue: 30, interestMinor: 5_277 },
  ],
  costs: [
    { code: 'SE_FORSENINGSERSATTNING', amountMinor: 45_000, invoiceNumber: '2026-118' },
    { code: 'SE_FORSENINGSERSATTNING', amountMinor: 45_000, invoiceNumber: '2026-131' },
  ],
  interestRateBp: 1_000,
  paymentReference: '1018966492531',
  paymentReferenceScheme: 'ocr',
  currency: 'SEK',
};

/**
 * GB, final demand, 10 March 2026, statutory interest 12.25 % (base 4.25 + 8, fixed for each debt):
 * - INV-20931: £12,345.00, due 31/12/2025, 69 days: 1234500 × 1225 × 69 / 3,650,000 = 28588.2 → £285.88
 * - INV-21077: £860.00, due 20/01/2026, 49 days: 86000 × 1225 × 49 / 3,650,000 = 1414.3 → £14.14
 * Fixed sums (s.5A): £100 for the debt of £10,000 or more, £40 for the one under £1,000.
 * Total £12,345.00 + £860.00 + £300.02 + £100.00 + £40.00 = £13,645.02.
 */
export const britishFinalDemand: DunningLetterInput = {
  language: 'en',
  jurisdiction: 'GB',
  step: 'formal-notice',
  letterDate: date('2026-03-10'),
  payBy: date('2026-03-24'),
  creditor: {
    name: 'Hartley & Finch Engineering Ltd',
    addressLines: ['Unit 4, Riverside Park', 'Sheffield S9 2RX'],
    registration: { scheme: 'companyNumber', number: '08123456' },
    vatNumber: 'GB 123 4567 89',
    iban: 'GB33 BUKB 2020 1555 5555 55',
    bic: 'BUKBGB22',
    email: 'credit.control@hartleyfinch.co.uk',
    phone: '0114 496 0123',
  },
  debtor: {
    name: 'Brighton Bakeries plc',
    customerCode: 'C-3107',
    addressLines: ['12 Marine Parade', 'Brighton BN2 1TL'],
  },
  invoices: [
    { number: 'INV-20931', invoiceDate: date('2025-12-01'), dueDate: date('2025-12-31'), currency: 'GBP', amountMinor: 1_234_500, openMinor: 1_234_500, daysOverdue: 69, interestMinor: 28_588 },
    { number: 'INV-21077', invoiceDate: date('2025-12-21'), dueDate: date('2026-01-20'), currency: 'GBP', amountMinor: 86_000, openMinor: 86_000, daysOverdue: 49, interestMinor: 1_414 },
  ],
  costs: [
    { code: 'GB_FIXED_SUM', amountMinor: 10_000, invoiceNumber: 'INV-20931' },
    { code: 'GB_FIXED_SUM', amountMinor: 4_000, invoiceNumber: 'INV-21077' },
  ],
  interestRateBp: 1_225,
  paymentReference: 'RF14 C310 7',
  paymentReferenceScheme: 'rf',
  currency: 'GBP',
};

/** `count` overdue invoices of a letter, numbered from 1, to fill more than one page. */
export function manyInvoices(count: number, template: LetterInvoice): LetterInvoice[] {
  return Array.from({ length: count }, (_, i) => ({ ...template, number: `${template.number}-${String(i + 1).padStart(3, '0')}` }));
}
