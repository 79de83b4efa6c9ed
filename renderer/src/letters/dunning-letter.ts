import type { ContactTitle, CountryCode } from '../../../shared/domain/debtors/debtor';
import type { PaymentReferenceScheme } from '../../../shared/domain/references/letter-payment-reference';
import type { Language } from '../../../shared/i18n/languages';
import { isCurrencyCode, type CurrencyCode } from '../../../shared/money/money';
import { isIsoDate, type IsoDate } from '../../../shared/time/iso-date';
import type { LetterFreeTexts } from './letter-free-texts';

/**
 * What a dunning letter says, with every figure already worked out: the statutory interest and costs
 * come from the law module and the dunning engine; this module only puts them into words. One letter
 * per debtor lists all of its overdue invoices (a consolidated letter), in one currency.
 */

/** The law the letter is written under; it decides the legal wording, not the language. */
export type LetterJurisdiction = 'NL' | 'SE' | 'GB' | 'EU';

export const LETTER_STEPS = ['reminder-1', 'reminder-2', 'formal-notice'] as const;
export type LetterStep = (typeof LETTER_STEPS)[number];

/**
 * The statutory costs a letter can claim: the Dutch WIK scale, Sweden's 450 kr förseningsersättning and
 * 60 kr påminnelseavgift, the UK's £40/£70/£100 fixed sum and the EU Directive's €40.
 */
export const LETTER_COST_CODES = ['NL_WIK', 'SE_FORSENINGSERSATTNING', 'SE_PAMINNELSEAVGIFT', 'GB_FIXED_SUM', 'EU_FIXED_COMPENSATION'] as const;
export type LetterCostCode = (typeof LETTER_COST_CODES)[number];

/** Which register identifies the creditor: the Dutch KvK, the Swedish organisationsnummer, Companies House. */
export type RegistrationScheme = 'kvk' | 'orgnr' | 'companyNumber';

export interface LetterCreditor {
  readonly name: string;
  readonly addressLines: readonly string[];
  /**
   * Where the letters are posted from (ISO 3166-1 alpha-2): a debtor in the same country gets no country
   * line. Without it, the country of the creditor's register (see `creditorCountry`).
   */
  readonly country?: CountryCode;
  readonly registration: { readonly scheme: RegistrationScheme; readonly number: string };
  readonly vatNumber: string;
  readonly iban: string;
  readonly bic: string;
  /** Swedish creditors are paid by bankgiro at home; IBAN stays for payers abroad. */
  readonly bankgiro?: string;
  readonly email: string;
  readonly phone: string;
}

/** The country each register belongs to: the KvK is Dutch, the organisationsnummer Swedish, Companies House British. */
const REGISTER_COUNTRY: Readonly<Record<RegistrationScheme, CountryCode>> = { kvk: 'NL', orgnr: 'SE', companyNumber: 'GB' };

/** The creditor's country: as given, or else that of its company register (a stored letterhead may predate the field). */
export function creditorCountry(creditor: LetterCreditor): CountryCode {
  return creditor.country ?? REGISTER_COUNTRY[creditor.registration.scheme];
}

export interface LetterDebtor {
  readonly name: string;
  readonly customerCode: string;
  readonly addressLines: readonly string[];
  /** The person the letter is addressed to; without one the letter greets "Sir or Madam". */
  readonly contactName?: string;
  /**
   * The contact's title and name parts, when known: "Geachte heer Janssen", "Dear Mr Fairbairn" need a
   * title and surname; a Swedish letter greets the first name ("Hej Märta").
   */
  readonly contactPerson?: { readonly title?: ContactTitle; readonly givenName: string; readonly surname: string };
  readonly email?: string;
}

export interface LetterInvoice {
  readonly number: string;
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly currency: CurrencyCode;
  /** The invoice's original amount, in minor units. */
  readonly amountMinor: number;
  /** What is still unpaid of it: the principal this letter claims. */
  readonly openMinor: number;
  readonly daysOverdue: number;
  /** Statutory interest on this invoice up to and including the letter date. */
  readonly interestMinor: number;
}

export interface LetterCost {
  readonly code: LetterCostCode;
  readonly amountMinor: number;
  /** The invoice a per-invoice cost belongs to (the 450 kr and the UK fixed sum are per invoice). */
  readonly invoiceNumber?: string;
  /**
   * 'due' (the default) is part of the total due now. 'announced' becomes due only if the letter's term
   * passes unpaid, as the WIK costs of a Dutch fourteen-day letter: named, but kept out of the total due.
   */
  readonly status?: 'due' | 'announced';
}

export interface DunningLetterInput {
  readonly language: Language;
  readonly jurisdiction: LetterJurisdiction;
  readonly step: LetterStep;
  readonly letterDate: IsoDate;
  /** The last day to pay that the letter gives (a Dutch fourteen-day letter names the term in words instead). */
  readonly payBy: IsoDate;
  readonly creditor: LetterCreditor;
  readonly debtor: LetterDebtor;
  readonly invoices: readonly LetterInvoice[];
  readonly costs: readonly LetterCost[];
  /** The yearly interest rate applied, in basis points (10.15 % = 1015), when one rate applies. */
  readonly interestRateBp?: number;
  /** The letter's own payment reference as printed (data/dunning/letter-number.ts), never the customer number. */
  readonly paymentReference: string;
  /** Which scheme it follows, which names it: betalingskenmerk, OCR-nummer, RF (shared/domain/references/letter-payment-reference.ts). */
  readonly paymentReferenceScheme: PaymentReferenceScheme;
  readonly currency: CurrencyCode;
  /**
   * The controller's own salutation, opening and closing for this language and step (Settings › Letter
   * texts, letter-free-texts.ts); parts left out keep Kredo's wording. The legal parts are never in here.
   */
  readonly texts?: LetterFreeTexts;
}

/**
 * Refuses a letter that would print something wrong: no invoices, an invoice in another currency than
 * the letter's, amounts that are not whole minor units, a cost for an invoice the letter does not list,
 * or a payment date before the letter date. Throws a RangeError naming the problem.
 */
export function checkDunningLetter(input: DunningLetterInput): void {
  const fail = (problem: string): never => {
    throw new RangeError(`Dunning letter for ${input.debtor.customerCode}: ${problem}`);
  };
  if (!isCurrencyCode(input.currency)) fail(`unknown currency ${input.currency}`);
  if (!isIsoDate(input.letterDate) || !isIsoDate(input.payBy)) fail('letter date and pay-by date must be YYYY-MM-DD');
  if (input.payBy < input.letterDate) fail(`pay-by date ${input.payBy} is before the letter date ${input.letterDate}`);
  if (input.invoices.length === 0) fail('a letter needs at least one overdue invoice');
  if (input.interestRateBp !== undefined && !Number.isSafeInteger(input.interestRateBp)) fail('the interest rate must be whole basis points');
  const numbers = new Set<string>();
  for (const invoice of input.invoices) {
    if (invoice.currency !== input.currency) fail(`invoice ${invoice.number} is in ${invoice.currency}, the letter in ${input.currency}`);
    if (numbers.has(invoice.number)) fail(`invoice ${invoice.number} is listed twice`);
    numbers.add(invoice.number);
    if (!isIsoDate(invoice.invoiceDate) || !isIsoDate(invoice.dueDate)) fail(`invoice ${invoice.number} has a date that is not YYYY-MM-DD`);
    for (const [field, value] of [['amount', invoice.amountMinor], ['interest', invoice.interestMinor], ['days overdue', invoice.daysOverdue]] as const) {
      if (!Number.isSafeInteger(value) || value < 0) fail(`invoice ${invoice.number}: ${field} must be a whole number, not negative`);
    }
    if (!Number.isSafeInteger(invoice.openMinor) || invoice.openMinor <= 0) fail(`invoice ${invoice.number}: the open amount must be whole minor units above zero`);
  }
  for (const cost of input.costs) {
    if (!Number.isSafeInteger(cost.amountMinor) || cost.amountMinor < 0) fail(`${cost.code} must be whole minor units, not negative`);
    if (cost.invoiceNumber !== undefined && !numbers.has(cost.invoiceNumber)) fail(`${cost.code} is for invoice ${cost.invoiceNumber}, which the letter does not list`);
  }
}
