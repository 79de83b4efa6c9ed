import { parseAmount } from '../../shared/import/parse-amount';
import { isCurrencyCode, minorUnitDigits } from '../../shared/money/money';
import { isIsoDate, type IsoDate } from '../../shared/time/iso-date';
import type { SandboxInvoice, SandboxOverdue } from './loss-state';
import { badRequest, notFound, unprocessable, type ProblemFieldError } from './problem';
import type { SandboxCompany, SandboxState } from './sandbox-state';

/**
 * Reading the bodies of overdue notifications, collection cases and claims: all three name a buyer and
 * list invoices in the same shape. Form errors are collected and answered together (400, one entry per
 * field, as Atradius does); business rules answer 422 naming the invoice that breaks them.
 */
export const MAX_INVOICES = 500;
const DECIMAL = /^\d{1,13}(\.\d{1,4})?$/;

export const field = (pointer: string, code: string, detail: string): ProblemFieldError => ({ code, detail, source: { pointer } });

export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('invalid_body', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

export function optionalText(value: unknown, pointer: string, errors: ProblemFieldError[], maxLength = 500): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.length <= maxLength) return value.trim() === '' ? null : value;
  errors.push(field(pointer, 'invalid_text', `Must be a string of at most ${maxLength} characters`));
  return null;
}

export function requiredText(value: unknown, pointer: string, errors: ProblemFieldError[], detail: string): string {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 100) return value;
  errors.push(field(pointer, 'required', detail));
  return '';
}

export function requiredDate(value: unknown, pointer: string, errors: ProblemFieldError[]): IsoDate {
  if (isIsoDate(value)) return value;
  errors.push(field(pointer, 'invalid_date', 'A date written YYYY-MM-DD'));
  return '1970-01-01' as IsoDate;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], pointer: string, errors: ProblemFieldError[]): T {
  if (allowed.includes(value as T)) return value as T;
  errors.push(field(pointer, 'invalid_value', `One of ${allowed.join(', ')}`));
  return allowed[0]!;
}

/** A decimal string such as "1234.56" (the form is checked here, 400; the currency's decimals later, 422). */
export function decimalText(value: unknown, pointer: string, errors: ProblemFieldError[]): string {
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  errors.push(field(pointer, 'invalid_amount', 'A decimal string such as "1234.56"'));
  return '0';
}

/** The amount in minor units of the policy currency: more decimals than the currency has is a 422. */
export function amountMinor(text: string, state: SandboxState, pointer: string): number {
  const parsed = parseAmount(text, '.', minorUnitDigits(state.policy.currency));
  if (!parsed.ok) throw unprocessable('invalid_amount', `${text} is not an amount in ${state.policy.currency}.`, [field(pointer, parsed.code, 'Not an amount in the policy currency')]);
  if (parsed.minor <= 0) throw unprocessable('amount_not_positive', 'Amounts must be more than zero.', [field(pointer, 'amount_not_positive', 'Must be positive')]);
  return parsed.minor;
}

interface InvoiceText {
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly netAmount: string;
  readonly grossAmount: string;
  readonly currency: string;
}

/** The form of `invoices[]`; problems go into `errors` so the whole body is reported at once. */
export function readInvoices(value: unknown, errors: ProblemFieldError[]): InvoiceText[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_INVOICES) {
    errors.push(field('/invoices', 'invalid_invoices', `A list of 1 to ${MAX_INVOICES} invoices`));
    return [];
  }
  return value.map((item: unknown, index) => {
    const at = `/invoices/${index}`;
    const invoice = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    const currency = invoice.currency;
    if (!isCurrencyCode(currency)) errors.push(field(`${at}/currency`, 'invalid_currency', 'An ISO 4217 code'));
    return {
      number: requiredText(invoice.number, `${at}/number`, errors, 'The invoice number (1–100 characters)'),
      issueDate: requiredDate(invoice.issueDate, `${at}/issueDate`, errors),
      dueDate: requiredDate(invoice.dueDate, `${at}/dueDate`, errors),
      netAmount: decimalText(invoice.netAmount, `${at}/netAmount`, errors),
      grossAmount: decimalText(invoice.grossAmount, `${at}/grossAmount`, errors),
      currency: typeof currency === 'string' ? currency : '',
    };
  });
}

/** The business rules every invoice list obeys: the policy currency, net within gross, due on or after issue, no repeats. */
export function checkInvoices(texts: readonly InvoiceText[], state: SandboxState): SandboxInvoice[] {
  const seen = new Set<string>();
  const invoices = texts.map((text, index): SandboxInvoice => {
    const at = `/invoices/${index}`;
    const policyCurrency = state.policy.currency;
    if (text.currency !== policyCurrency) throw unprocessable('currency_not_allowed', `Invoice ${text.number} is in ${text.currency}; this policy covers ${policyCurrency} only.`, [field(`${at}/currency`, 'currency_not_allowed', `Use ${policyCurrency}`)]);
    if (seen.has(text.number)) throw unprocessable('duplicate_invoice', `Invoice ${text.number} is listed twice.`, [field(`${at}/number`, 'duplicate_invoice', 'Listed twice')]);
    seen.add(text.number);
    if (text.dueDate < text.issueDate) throw unprocessable('due_before_issue', `Invoice ${text.number} falls due (${text.dueDate}) before it was issued (${text.issueDate}).`, [field(`${at}/dueDate`, 'due_before_issue', 'On or after the issue date')]);
    const netAmountMinor = amountMinor(text.netAmount, state, `${at}/netAmount`);
    const grossAmountMinor = amountMinor(text.grossAmount, state, `${at}/grossAmount`);
    if (netAmountMinor > grossAmountMinor) throw unprocessable('net_above_gross', `Invoice ${text.number}: the net amount exceeds the gross amount.`, [field(`${at}/netAmount`, 'net_above_gross', 'At most the gross amount')]);
    return { number: text.number, issueDate: text.issueDate, dueDate: text.dueDate, netAmountMinor, grossAmountMinor, currency: text.currency };
  });
  if (!Number.isSafeInteger(sumOf(invoices, (invoice) => invoice.grossAmountMinor))) throw unprocessable('amount_too_large', 'The invoices add up to more than the insurer can record.', [field('/invoices', 'amount_too_large', 'Total too large')]);
  return invoices;
}

export function knownCompany(state: SandboxState, companyId: string): SandboxCompany {
  const company = state.companies.find((candidate) => candidate.companyId === companyId);
  if (!company) throw notFound('unknown_company', `No buyer ${companyId} is known to the insurer.`);
  return company;
}

/** An overdue notification the body refers to: it must exist and be about the same buyer. */
export function referencedOverdue(state: SandboxState, overdueId: string | null, companyId: string): SandboxOverdue | undefined {
  if (overdueId === null) return undefined;
  const overdue = state.overdues.find((candidate) => candidate.overdueId === overdueId);
  if (!overdue) throw notFound('unknown_overdue', `No overdue notification ${overdueId}.`);
  if (overdue.companyId !== companyId) throw unprocessable('overdue_of_other_buyer', `Overdue notification ${overdueId} is about buyer ${overdue.companyId}, not ${companyId}.`, [field('/overdueId', 'overdue_of_other_buyer', 'Must be about the same buyer')]);
  return overdue;
}

export const sumOf = (invoices: readonly SandboxInvoice[], pick: (invoice: SandboxInvoice) => number) => invoices.reduce((sum, invoice) => sum + pick(invoice), 0);

/** The instant `hours` after `at`: the timeline's next step for a record received at `at`. */
export const hoursAfter = (at: string, hours: number) => new Date(Date.parse(at) + hours * 3_600_000).toISOString();
