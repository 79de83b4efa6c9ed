import type { Language } from '../../../shared/i18n/languages';
import type { IsoDate } from '../../../shared/time/iso-date';
import { checkDunningLetter, type DunningLetterInput, type LetterCost, type LetterCreditor } from './dunning-letter';
import { isAnnounced, letterFigures, type LetterFigures } from './letter-figures';
import { letterFormat, type LetterFormat } from './letter-format';
import { formatIban } from '../../../shared/domain/references/iban';
import { closingParagraphs, openingParagraphs, placeholderValues } from './letter-paragraphs';
import { fillPlaceholders, namesPlaceholder, ownText } from './letter-free-texts';
import type { LetterTranslator } from './letter-translator';

/**
 * A letter as structured, translated, formatted text: what the PDF lays out and what the e-mail says,
 * so both always carry the same words and figures. Plain data (no functions), so it can cross from the
 * data worker to the UI thread.
 */
export interface LetterContent {
  readonly language: Language;
  readonly letterDate: IsoDate;
  readonly title: string;
  readonly subject: string;
  /** The PDF's file name: title, customer number and letter date. */
  readonly fileName: string;
  readonly letterhead: { readonly name: string; readonly addressLines: readonly string[]; readonly contactLines: readonly string[] };
  /** The sender on one line, printed small above the recipient in the envelope window. */
  readonly returnAddress: string;
  readonly recipient: readonly string[];
  readonly info: readonly { readonly label: string; readonly value: string }[];
  readonly salutation: string;
  readonly opening: readonly string[];
  readonly table: { readonly columns: readonly LetterColumn[]; readonly rows: readonly (readonly string[])[] };
  readonly totals: readonly LetterTotalLine[];
  readonly closing: readonly string[];
  readonly signOff: string;
  readonly signature: readonly string[];
  /** The creditor's registration, VAT and bank details, at the foot of every page. */
  readonly footer: readonly string[];
  /** "Page {{page}} of {{pages}}" in the letter's language (see pageLabelFromTemplate). */
  readonly pageTemplate: string;
  readonly figures: LetterFigures;
}

export interface LetterColumn {
  readonly label: string;
  readonly align: 'left' | 'right';
}

export type LetterTotalKind = 'principal' | 'interest' | 'cost' | 'total' | 'announced-cost' | 'total-if-unpaid';

export interface LetterTotalLine {
  readonly kind: LetterTotalKind;
  readonly label: string;
  readonly amountMinor: number;
  readonly amount: string;
}

/** Builds the letter's content; `t` must be fixed to `input.language` (see `letterTranslator`). */
export function buildLetterContent(input: DunningLetterInput, t: LetterTranslator): LetterContent {
  checkDunningLetter(input);
  const format = letterFormat(input.language, input.currency);
  const figures = letterFigures(input);
  const { creditor, debtor } = input;
  const title = input.step === 'formal-notice' ? t(`title.formal-notice.${input.jurisdiction}`) : t(`title.${input.step}`);
  const named = debtor.contactName !== undefined && debtor.contactName.trim() !== '';

  return {
    language: input.language,
    letterDate: input.letterDate,
    title,
    subject: t('subject', { title, customerCode: debtor.customerCode }),
    fileName: `${`${title} ${debtor.customerCode} ${input.letterDate}`.replace(/[\\/:*?"<>|\s]+/g, '-')}.pdf`,
    letterhead: {
      name: creditor.name,
      addressLines: creditor.addressLines,
      contactLines: [t('phone', { phone: creditor.phone }), t('email', { email: creditor.email })],
    },
    returnAddress: [creditor.name, ...creditor.addressLines].join(' · '),
    recipient: [debtor.name, ...(named ? [t('attention', { name: debtor.contactName })] : []), ...debtor.addressLines],
    info: [
      { label: t('info.date'), value: format.longDate(input.letterDate) },
      { label: t('info.customerCode'), value: debtor.customerCode },
      { label: t(`info.reference.${input.paymentReferenceScheme}`), value: input.paymentReference },
    ],
    salutation: ownSalutation(input, named, format) ?? salutationOf(input, named, t),
    opening: openingParagraphs(input, t, format, figures),
    table: invoiceTable(input, t, format, figures.interestMinor > 0),
    totals: totalLines(input, t, format, figures),
    closing: closingParagraphs(input, t, format, figures),
    signOff: named ? t('signOff.named') : t('signOff.anonymous'),
    signature: [creditor.name, t('department')],
    footer: creditorFooter(creditor, t),
    pageTemplate: t('page', { page: '{{page}}', pages: '{{pages}}' }),
    figures,
  };
}

/** One row per invoice; the interest column only when some interest is claimed. */
function invoiceTable(input: DunningLetterInput, t: LetterTranslator, format: LetterFormat, withInterest: boolean): LetterContent['table'] {
  const columns = invoiceColumns(t, withInterest);
  const rows = input.invoices.map((invoice) => [
    invoice.number,
    format.date(invoice.invoiceDate),
    format.date(invoice.dueDate),
    format.number(invoice.daysOverdue),
    format.money(invoice.amountMinor),
    format.money(invoice.openMinor),
    ...(withInterest ? [format.money(invoice.interestMinor)] : []),
  ]);
  return { columns, rows };
}

function totalLines(input: DunningLetterInput, t: LetterTranslator, format: LetterFormat, figures: LetterFigures): LetterTotalLine[] {
  const line = (kind: LetterTotalKind, label: string, amountMinor: number): LetterTotalLine => ({ kind, label, amountMinor, amount: format.money(amountMinor) });
  const costLabel = (cost: LetterCost): string =>
    cost.invoiceNumber === undefined ? t(`cost.${cost.code}`) : t('cost.forInvoice', { cost: t(`cost.${cost.code}`), invoice: cost.invoiceNumber });

  const lines = [line('principal', t('totals.principal'), figures.principalMinor)];
  if (figures.interestMinor > 0) lines.push(line('interest', t('totals.interest', { date: format.date(input.letterDate) }), figures.interestMinor));
  for (const cost of input.costs.filter((entry) => !isAnnounced(entry))) lines.push(line('cost', costLabel(cost), cost.amountMinor));
  lines.push(line('total', t('totals.total'), figures.totalDueMinor));
  const announced = input.costs.filter(isAnnounced);
  if (announced.length > 0) {
    for (const cost of announced) lines.push(line('announced-cost', t('cost.announced', { cost: costLabel(cost) }), cost.amountMinor));
    lines.push(line('total-if-unpaid', t('totals.ifUnpaid'), figures.totalIfUnpaidMinor));
  }
  return lines;
}

/**
 * The controller's own greeting, filled in; none when they have none, or when it greets the contact by
 * name and this debtor has no contact (Kredo's "Dear Sir or Madam" then, not the company's name).
 */
function ownSalutation(input: DunningLetterInput, named: boolean, format: LetterFormat): string | undefined {
  const own = ownText(input.texts, 'salutation');
  if (own === undefined || (!named && namesPlaceholder(own, 'contactName'))) return undefined;
  return fillPlaceholders(own, placeholderValues(input, format));
}

/**
 * The greeting: with a title and surname "Geachte heer Janssen," / "Dear Mr Fairbairn," (a Dutch surname
 * alone starts with a capital: "Geachte heer De Vries", Taaladvies.net); Swedish business letters greet the
 * first name ("Hej Märta,"); otherwise the full name, or "Sir or Madam" without a contact.
 */
function salutationOf(input: DunningLetterInput, named: boolean, t: LetterTranslator): string {
  const person = input.debtor.contactPerson;
  if (input.language === 'sv' && person?.givenName) return t('salutation.named', { name: person.givenName });
  if (input.language !== 'sv' && person?.title && person.surname) {
    const surname = input.language === 'nl' ? person.surname.charAt(0).toLocaleUpperCase('nl') + person.surname.slice(1) : person.surname;
    return t(`salutation.titled.${person.title}`, { surname });
  }
  return named ? t('salutation.named', { name: input.debtor.contactName }) : t('salutation.anonymous');
}

/** The creditor's line at the foot of every page — name, registration, VAT and bank — on letters and statements alike. */
export function creditorFooter(creditor: LetterCreditor, t: LetterTranslator): string[] {
  return [
    creditor.name,
    t(`registration.${creditor.registration.scheme}`, { number: creditor.registration.number }),
    t('vat', { vat: creditor.vatNumber }),
    t('bank', { iban: formatIban(creditor.iban), bic: creditor.bic }),
    ...(creditor.bankgiro ? [t('bankgiro', { bankgiro: creditor.bankgiro })] : []),
  ];
}

/** The invoice table's headings, the same on letters and statements; interest only when some is claimed. */
export function invoiceColumns(t: LetterTranslator, withInterest: boolean): LetterColumn[] {
  return [
    { label: t('table.invoice'), align: 'left' },
    { label: t('table.invoiceDate'), align: 'left' },
    { label: t('table.dueDate'), align: 'left' },
    { label: t('table.daysOverdue'), align: 'right' },
    { label: t('table.amount'), align: 'right' },
    { label: t('table.open'), align: 'right' },
    ...(withInterest ? [{ label: t('table.interest'), align: 'right' as const }] : []),
  ];
}
