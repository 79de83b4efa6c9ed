import type { PaymentReferenceScheme } from '../../../shared/domain/references/letter-payment-reference';
import { formatIban } from '../../../shared/domain/references/iban';
import { ageingBuckets } from '../../../shared/domain/ageing/ageing-config';
import type { StatementBlock, StatementOfAccount } from '../../../shared/domain/statements/statement-of-account';
import type { Language } from '../../../shared/i18n/languages';
import type { CurrencyCode } from '../../../shared/money/money';
import type { IsoDate } from '../../../shared/time/iso-date';
import type { LetterCreditor, LetterDebtor } from './dunning-letter';
import type { LetterFrame } from './letter-document';
import { creditorFooter, invoiceColumns, type LetterColumn, type LetterTotalLine } from './letter-content';
import { letterFormat, type LetterFormat } from './letter-format';
import type { LetterTranslator } from './letter-translator';

/**
 * A statement of account as the debtor reads it (issue 16, item 3): in the debtor's language, one section
 * per invoice currency with its open items, ageing and totals (statutory interest and costs apart), the
 * payments received since the last statement, the whole in the policy currency when more than one currency
 * or another currency is involved, and the statement's own payment reference — a payment quoting it pays
 * exactly the invoices listed. The figures come worked out (shared/domain/statements/); this only words them.
 */
export interface StatementLetterInput {
  readonly language: Language;
  readonly creditor: LetterCreditor;
  readonly debtor: LetterDebtor;
  readonly statement: StatementOfAccount;
  readonly paymentReference: string;
  readonly paymentReferenceScheme: PaymentReferenceScheme;
}

export interface StatementTable {
  readonly columns: readonly LetterColumn[];
  readonly rows: readonly (readonly string[])[];
}

export interface StatementSection {
  readonly heading: string;
  readonly items: StatementTable;
  /** One row: the open invoices per ageing bucket. */
  readonly ageing: StatementTable;
  readonly totals: readonly LetterTotalLine[];
}

/** Plain data (no functions), so it crosses from the data worker to a preview on the UI thread. */
export interface StatementContent extends LetterFrame {
  readonly language: Language;
  readonly title: string;
  readonly salutation: string;
  readonly intro: string;
  readonly sections: readonly StatementSection[];
  /** When nothing is open. */
  readonly emptyNote?: string;
  readonly payments: { readonly heading: string; readonly table?: StatementTable; readonly note?: string; readonly totals: readonly LetterTotalLine[] };
  /** The policy-currency total, or why there is none; absent when everything is in the policy currency. */
  readonly policyTotal?: string;
  readonly closing: readonly string[];
  readonly signOff: string;
  readonly signature: readonly string[];
}

export function buildStatementContent(input: StatementLetterInput, t: LetterTranslator): StatementContent {
  const { creditor, debtor, statement } = input;
  const plain = letterFormat(input.language, 'EUR');
  const named = debtor.contactName !== undefined && debtor.contactName.trim() !== '';
  const date = plain.longDate(statement.asOf);
  const title = t('statement.title');
  return {
    language: input.language,
    letterDate: statement.asOf,
    title,
    subject: t('statement.subject', { customerCode: debtor.customerCode, date: plain.date(statement.asOf) }),
    letterhead: { name: creditor.name, addressLines: creditor.addressLines, contactLines: [t('phone', { phone: creditor.phone }), t('email', { email: creditor.email })] },
    returnAddress: [creditor.name, ...creditor.addressLines].join(' · '),
    recipient: [debtor.name, ...(named ? [t('attention', { name: debtor.contactName })] : []), ...debtor.addressLines],
    info: [
      { label: t('info.date'), value: date },
      { label: t('info.customerCode'), value: debtor.customerCode },
      { label: t(`info.reference.${input.paymentReferenceScheme}`), value: input.paymentReference },
    ],
    salutation: named ? t('salutation.named', { name: debtor.contactName }) : t('salutation.anonymous'),
    intro: statement.since ? t('statement.intro', { date, since: plain.longDate(statement.since) }) : t('statement.introFirst', { date }),
    sections: statement.blocks.map((block) => sectionOf(block, statement, t, letterFormat(input.language, block.currency))),
    ...(statement.blocks.length === 0 && { emptyNote: t('statement.noOpenItems') }),
    payments: paymentsOf(statement, t, input.language),
    ...policyTotalOf(statement, t, input.language),
    closing: [
      ...(statement.blocks.some((block) => block.totalDueMinor > 0) ? [payLine(input, t)] : []),
      t('statement.differ', { phone: creditor.phone, email: creditor.email, customerCode: debtor.customerCode }),
    ],
    signOff: named ? t('signOff.named') : t('signOff.anonymous'),
    signature: [creditor.name, t('department')],
    footer: creditorFooter(creditor, t),
    pageTemplate: t('page', { page: '{{page}}', pages: '{{pages}}' }),
  };
}

function sectionOf(block: StatementBlock, statement: StatementOfAccount, t: LetterTranslator, format: LetterFormat): StatementSection {
  const withInterest = block.interestMinor > 0;
  const columns = invoiceColumns(t, withInterest);
  const rows = block.items.map((item) => {
    const number = item.kind === 'credit-note' ? t('statement.creditNote', { number: item.number }) : item.disputed ? t('statement.disputed', { number: item.number }) : item.number;
    return [
      number,
      format.date(item.invoiceDate),
      format.date(item.dueDate),
      item.kind === 'credit-note' ? '' : format.number(item.daysOverdue),
      format.money(item.amountMinor),
      format.money(item.openMinor),
      ...(withInterest ? [item.interestMinor > 0 ? format.money(item.interestMinor) : ''] : []),
    ];
  });
  const buckets = ageingBuckets(statement.ageing).map((bucket): LetterColumn => ({
    label: bucket.isNotDue ? t('statement.ageing.notDue') : bucket.toDays === undefined ? t('statement.ageing.over', { days: (bucket.fromDays ?? 1) - 1 }) : t('statement.ageing.range', { from: bucket.fromDays ?? 0, to: bucket.toDays }),
    align: 'right',
  }));
  const line = (kind: LetterTotalLine['kind'], label: string, amountMinor: number): LetterTotalLine => ({ kind, label, amountMinor, amount: format.money(amountMinor) });
  const totals: LetterTotalLine[] = [line('principal', t('statement.totals.openInvoices'), block.openInvoicesMinor)];
  if (block.creditsMinor !== 0) totals.push(line('principal', t('statement.totals.credits'), block.creditsMinor));
  if (block.unappliedMinor !== 0) totals.push(line('principal', t('statement.totals.unapplied'), -block.unappliedMinor));
  if (totals.length > 1) totals.push(line('principal', t('statement.totals.balance'), block.balanceMinor));
  if (block.interestMinor > 0) totals.push(line('interest', t('statement.totals.interest', { date: format.date(statement.asOf) }), block.interestMinor));
  for (const cost of block.costs) {
    const invoice = block.items.find((item) => item.itemId === cost.itemId)?.number;
    totals.push(line('cost', cost.code === 'NL_WIK' || invoice === undefined ? t(`cost.${cost.code}`) : t('cost.forInvoice', { cost: t(`cost.${cost.code}`), invoice }), cost.amountMinor));
  }
  totals.push(line('total', t('statement.totals.total', { currency: block.currency }), block.totalDueMinor));
  return {
    heading: t('statement.section', { currency: block.currency }),
    items: { columns, rows },
    ageing: { columns: buckets, rows: [block.bucketsMinor.map((amount) => format.money(amount))] },
    totals,
  };
}

function paymentsOf(statement: StatementOfAccount, t: LetterTranslator, language: Language): StatementContent['payments'] {
  const plain = letterFormat(language, 'EUR');
  const since = statement.since && plain.longDate(statement.since);
  const heading = since ? t('statement.payments.title', { date: since }) : t('statement.payments.titleAll');
  if (statement.payments.length === 0) return { heading, note: since ? t('statement.payments.none', { date: since }) : t('statement.payments.noneAll'), totals: [] };
  const columns: LetterColumn[] = [
    { label: t('statement.payments.reference'), align: 'left' },
    { label: t('statement.payments.date'), align: 'left' },
    { label: t('statement.payments.amount'), align: 'right' },
  ];
  const rows = statement.payments.map((payment) => [payment.reference || '–', plain.date(payment.date), letterFormat(language, payment.currency).money(payment.amountMinor)]);
  const totals = statement.paymentsTotals.map((total): LetterTotalLine => ({ kind: 'total', label: t('statement.payments.total', { currency: total.currency }), amountMinor: total.amountMinor, amount: letterFormat(language, total.currency).money(total.amountMinor) }));
  return { heading, table: { columns, rows }, totals };
}

function policyTotalOf(statement: StatementOfAccount, t: LetterTranslator, language: Language): { readonly policyTotal?: string } {
  const { policyTotal } = statement;
  const currencies = new Set<CurrencyCode>(statement.blocks.map((block) => block.currency));
  if (currencies.size === 0 || (currencies.size === 1 && currencies.has(policyTotal.currency))) return {};
  const format = letterFormat(language, policyTotal.currency);
  const date = format.date(statement.asOf as IsoDate);
  if (policyTotal.amountMinor !== undefined) return { policyTotal: t('statement.policyTotal', { currency: policyTotal.currency, date, amount: format.money(policyTotal.amountMinor) }) };
  return { policyTotal: t('statement.policyTotalMissing', { currency: policyTotal.currency, date, missing: policyTotal.missing.join(', '), partial: format.money(policyTotal.partialMinor ?? 0) }) };
}

function payLine(input: StatementLetterInput, t: LetterTranslator): string {
  const { creditor } = input;
  const common = { creditor: creditor.name, iban: formatIban(creditor.iban), bic: creditor.bic, referenceTerm: t(`payment.referenceTerm.${input.paymentReferenceScheme}`), reference: input.paymentReference };
  return creditor.bankgiro ? t('statement.payBankgiro', { ...common, bankgiro: creditor.bankgiro }) : t('statement.pay', common);
}
