import type { Debtor } from '../../../../shared/domain/debtors/debtor';
import { letterAddress, nameParts, reminderContact, reminderEmail } from '../../../../shared/domain/debtors/debtor-master-data';
import { JURISDICTION_CURRENCY } from '../../../../shared/domain/law/jurisdiction';
import { statutoryInterestOnInvoice } from '../../../../shared/domain/law/invoice-interest';
import { fixedCompensation } from '../../../../shared/domain/law/collection-costs';
import type { ReferenceRateTable } from '../../../../shared/domain/law/reference-rates';
import { letterPaymentReference } from '../../../../shared/domain/references/letter-payment-reference';
import { statutoryInterestRule } from '../../../../shared/domain/law/statutory-interest';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import { addDays, daysBetween, type IsoDate } from '../../../../shared/time/iso-date';
import { creditorCountry, type DunningLetterInput, type LetterCost, type LetterCostCode, type LetterCreditor, type LetterInvoice, type LetterStep } from '../../letters/dunning-letter';
import { postalAddressLines } from '../../letters/postal-address';
import { pendingReference } from './pending-reference';

/** The cost each jurisdiction's formal notice claims (law-and-formats.md A.1–A.4). */
const NOTICE_COST: Readonly<Record<DunningLetterInput['jurisdiction'], LetterCostCode>> = { NL: 'NL_WIK', SE: 'SE_FORSENINGSERSATTNING', GB: 'GB_FIXED_SUM', EU: 'EU_FIXED_COMPENSATION' };

/**
 * The ledger items a letter lists: the chosen ones still open, in the currency of the first (a letter is in
 * one currency). These are the invoices a payment quoting the letter's reference pays.
 */
export function letterItems(ledger: DebtorLedger, itemIds: readonly string[], debtorCurrency: string): { readonly items: DebtorLedger['items']; readonly currency: string } {
  const wanted = new Set(itemIds);
  const open = ledger.items.filter((item) => wanted.has(item.id) && item.openMinor > 0);
  const currency = open[0]?.currency ?? debtorCurrency;
  return { items: open.filter((item) => item.currency === currency), currency };
}

/**
 * A dunning letter's figures for one debtor and step: its overdue invoices with their open amount and
 * statutory interest (from the second reminder on; a first reminder stays friendly), and the collection
 * costs of a formal notice under the debtor's law — the Dutch WIK amount announced in the fourteen-day
 * letter, 450 kr förseningsersättning per invoice in Sweden, the UK's fixed sum per invoice, the EU's €40.
 * Interest and costs need the law's currency (EUR for NL and the EU, SEK, GBP); an invoice in another
 * currency gets neither, rather than a wrong amount.
 */
export function letterInputFor(input: {
  readonly debtor: Debtor;
  readonly ledger: DebtorLedger;
  readonly itemIds: readonly string[];
  readonly step: LetterStep;
  readonly today: IsoDate;
  readonly payBy: IsoDate;
  readonly creditor: LetterCreditor;
  /** The statutory-interest rate table in force: the shipped rows and the controller's (data/interest-rates). */
  readonly rates?: ReferenceRateTable;
  /**
   * The letter's unique number (letter-number.ts): its payment reference is made from it. Undefined for a
   * preview of a letter not yet given one: the reference then says, in the letter's language, that it is
   * given when the letter is made.
   */
  readonly letterNumber: number | undefined;
}): DunningLetterInput {
  const { debtor, ledger, today, step } = input;
  const jurisdiction = debtor.jurisdiction;
  const { items, currency } = letterItems(ledger, input.itemIds, debtor.currency);
  const lawful = currency === JURISDICTION_CURRENCY[jurisdiction];
  const withInterest = step !== 'reminder-1' && lawful;
  const invoices: LetterInvoice[] = items.map((item) => ({
      number: item.number,
      invoiceDate: item.invoiceDate,
      dueDate: item.dueDate,
      currency: item.currency,
      amountMinor: item.amountMinor,
      openMinor: item.openMinor,
      daysOverdue: Math.max(0, daysBetween(item.dueDate, today)),
      interestMinor: withInterest ? statutoryInterestOnInvoice(item, ledger, jurisdiction, today, input.rates) : 0,
    }));
  const costs: LetterCost[] = [];
  if (step === 'formal-notice' && lawful) {
    if (jurisdiction === 'NL') {
      // WIK on the whole principal of the letter, due only if the fourteen days pass unpaid (6:96 lid 6 BW).
      const principal = invoices.reduce((sum, invoice) => sum + invoice.openMinor, 0);
      costs.push({ code: 'NL_WIK', amountMinor: fixedCompensation({ jurisdiction, principalMinor: principal, currency }).amountMinor, status: 'announced' });
    } else {
      for (const invoice of invoices) costs.push({ code: NOTICE_COST[jurisdiction], amountMinor: fixedCompensation({ jurisdiction, principalMinor: invoice.openMinor, currency }).amountMinor, invoiceNumber: invoice.number });
    }
  }
  // The reminder contact at the invoice address (shared/domain/debtors/debtor-master-data.ts); never a placeholder.
  const contact = reminderContact(debtor);
  const email = reminderEmail(debtor);
  // Bankgiro is how Swedish payers pay at home; everyone else is told the IBAN.
  const { bankgiro, ...withoutBankgiro } = input.creditor;
  const creditor = debtor.country === 'SE' && bankgiro ? input.creditor : withoutBankgiro;
  const address = letterAddress(debtor);
  const reference = input.letterNumber !== undefined ? letterPaymentReference(debtor.country, input.letterNumber) : pendingReference(debtor.country, debtor.language, 'letter');
  return {
    language: debtor.language,
    jurisdiction,
    step,
    letterDate: today,
    payBy: input.payBy,
    creditor,
    debtor: {
      name: debtor.name,
      customerCode: debtor.customerCode,
      // In the destination's postal order, with a country line only for a letter abroad (postal-address.ts).
      addressLines: address ? postalAddressLines(address, { senderCountry: creditorCountry(input.creditor) }) : [],
      ...(contact?.name && { contactName: contact.name }),
      ...(contact?.name && { contactPerson: { ...(contact.title && { title: contact.title }), ...nameParts(contact) } }),
      ...(email && { email }),
    },
    invoices,
    costs,
    // The rate today, as the letter names it; the interest itself follows every change since each due date.
    ...(withInterest && invoices.length > 0 && { interestRateBp: statutoryInterestRule(jurisdiction, addDays(invoices[0]!.dueDate, 1), input.rates).rateOn(today).rateBp }),
    // The letter's own reference in the scheme of the payer's bank, made from its number: a payment quoting it
    // is matched to exactly the invoices listed here (issue 16, item 6). Never the customer number.
    paymentReference: reference.printed,
    paymentReferenceScheme: reference.scheme,
    currency,
  };
}
