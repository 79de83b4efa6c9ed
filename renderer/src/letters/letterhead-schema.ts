import { z } from 'zod';
import { validateWith, type Validated } from '../../../shared/domain/dunning/field-errors';
import type { IdentifierType } from '../../../shared/domain/identifiers/identifier-type';
import { validateIdentifier } from '../../../shared/domain/identifiers/validate-identifier';
import { isValidIban, normaliseIban } from '../../../shared/domain/references/iban';
import type { LetterCreditor, RegistrationScheme } from './dunning-letter';

const REGISTER_TYPE: Readonly<Record<RegistrationScheme, IdentifierType>> = { kvk: 'NL_KVK', orgnr: 'SE_ORGNR', companyNumber: 'GB_CRN' };
/** The VAT number a letter prints is the creditor's own country's (the footer names the register beside it). */
const VAT_TYPE: Readonly<Record<RegistrationScheme, IdentifierType>> = { kvk: 'NL_VAT', orgnr: 'SE_VAT', companyNumber: 'GB_VAT' };

/** ISO 9362: bank code, country, location, optional branch. */
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
/** Bankgirot's numbers: seven or eight digits, printed with a dash before the last four. */
const BANKGIRO = /^(\d{3,4})-?(\d{4})$/;

const text = (max: number) => z.string().trim().min(1).max(max);

const letterheadSchema = z
  .object({
    name: text(120),
    addressLines: z.array(z.string().trim().max(80)).transform((lines) => lines.filter((line) => line !== '')).pipe(z.array(z.string()).min(1).max(4)),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
    registration: z.object({ scheme: z.enum(['kvk', 'orgnr', 'companyNumber']), number: z.string() }),
    vatNumber: z.string(),
    iban: z.string().transform(normaliseIban).refine(isValidIban, { params: { reason: 'invalidIban' } }),
    bic: z.string().trim().toUpperCase().refine((value) => BIC.test(value), { params: { reason: 'invalidBic' } }),
    bankgiro: z.string().trim().optional().refine((value) => !value || BANKGIRO.test(value), { params: { reason: 'invalidBankgiro' } }).transform((value) => (value ? value.replace(BANKGIRO, '$1-$2') : undefined)),
    email: z.email().max(120),
    phone: text(40),
  })
  // Register and VAT numbers are checked with their check digits, and stored in their normal form.
  .transform((letterhead, ctx) => {
    const registration = validateIdentifier(REGISTER_TYPE[letterhead.registration.scheme], letterhead.registration.number);
    const vat = validateIdentifier(VAT_TYPE[letterhead.registration.scheme], letterhead.vatNumber);
    if (!registration.isValid) ctx.addIssue({ code: 'custom', path: ['registration', 'number'], message: 'Not a valid register number', params: { reason: registration.problem } });
    if (!vat.isValid) ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: 'Not a valid VAT number', params: { reason: vat.problem } });
    if (!registration.isValid || !vat.isValid) return z.NEVER;
    const { bankgiro, ...rest } = letterhead;
    return { ...rest, registration: { scheme: letterhead.registration.scheme, number: registration.value }, vatNumber: vat.value, ...(bankgiro && { bankgiro }) };
  });

/**
 * The company's letterhead as typed in Settings, checked field by field: IBAN by its MOD 97-10 check
 * digits (ISO 13616), BIC by form (ISO 9362), the register and VAT numbers by their own rules.
 */
export function validateLetterhead(input: unknown): Validated<LetterCreditor> {
  return validateWith(letterheadSchema as unknown as z.ZodType<LetterCreditor>, input);
}
