import { fnv1a32 } from '../hash/fnv1a';
import { accountKeys } from './account-keys';
import { remittanceTokens } from './remittance-tokens';

/**
 * What identifies one booking on a bank account whatever file brings it: CAMT.053 and CAMT.054 (ISO 20022),
 * MT940 (SWIFT) and BgMax (Bankgirot) describe the same credit transfer with different fields, so a line
 * is known by its account (in any of its forms, see accountKeys), its dates, its direction and amount, and
 * the references the formats share: the payer's end-to-end id, the bank's references, the structured
 * creditor reference (OCR, betalingskenmerk, RF) and the remittance text.
 */
export interface BankLineIdentity {
  /** The statement's account and any other form of it the file gives (a bankgiro number, say). */
  readonly accounts: readonly string[];
  readonly bookingDate: string;
  readonly valueDate: string;
  readonly direction: 'credit' | 'debit';
  readonly amountMinor: number;
  readonly currency: string;
  /** The payer's end-to-end id (pacs.008 EndToEndId, MT940 `/EREF/`): two different ids are two payments. */
  readonly endToEndId: string;
  /** The bank's and the payer's other references (AcctSvcrRef, MT940 `//` reference, BGC serial number, OCR). */
  readonly references: readonly string[];
  readonly remittance: string;
  /** For one part of a bank entry that holds several (a batch, a bankgiro deposit): the entry's total and references. */
  readonly group?: { readonly amountMinor: number; readonly references: readonly string[] };
  /** Identifies a line that has no reference at all within its file (format and position). */
  readonly fallback: string;
}

/**
 * The id a bank line is stored under: the legacy id (bankTransactionId: the same statement imported again
 * gives the same id) followed by its identity in short hashes, `~`-separated:
 * `legacy~c123456EUR~20261123.20261121~accounts~identifiers[~G<total>.identifiers]`. The id itself thus
 * carries what recognising the line in another format needs: payments and lines waiting for review are
 * stored by this id, and no other record has to be kept. Ids without `~` (stored before) are still known
 * by their legacy id.
 */
export function bankLineId(legacy: string, identity: BankLineIdentity): string {
  const amountKey = `${identity.direction === 'credit' ? 'c' : 'd'}${identity.amountMinor}${identity.currency}`;
  const dates = [...new Set([identity.bookingDate, identity.valueDate])].map((date) => date.replace(/-/g, '')).join('.');
  const accounts = [...new Set(identity.accounts.flatMap(accountKeys))].map(hash).join('.');
  const identifiers = identifiersOf(identity.endToEndId, identity.references, identity.remittance);
  if (identifiers.length === 0) identifiers.push(`F${hash(identity.fallback)}`);
  const segments = [legacy, amountKey, dates, accounts, identifiers.join('.')];
  if (identity.group) segments.push(['G' + String(identity.group.amountMinor), ...identifiersOf('', identity.group.references, '')].join('.'));
  return segments.join('~');
}

export interface ParsedBankLineId {
  readonly id: string;
  readonly legacy: string;
  /** Direction, amount and currency: `c123456EUR`. */
  readonly amountKey: string;
  readonly dates: readonly string[];
  readonly accounts: readonly string[];
  /** The hash of the end-to-end id, when there is one. */
  readonly endToEnd: string | undefined;
  readonly identifiers: readonly string[];
  readonly group: { readonly amountKey: string; readonly identifiers: readonly string[]; readonly signature: string } | undefined;
}

/** Reads an id back; an id from before (no `~`) has only its legacy part. */
export function parseBankLineId(id: string): ParsedBankLineId {
  const [legacy = '', amountKey = '', dates = '', accounts = '', identifiers = '', group] = id.split('~');
  const list = (segment: string) => (segment === '' ? [] : segment.split('.'));
  const identifierList = list(identifiers);
  const groupParts = group?.startsWith('G') ? list(group.slice(1)) : undefined;
  return {
    id,
    legacy,
    amountKey,
    dates: list(dates),
    accounts: list(accounts),
    endToEnd: identifierList.find((identifier) => identifier.startsWith('E')),
    identifiers: identifierList,
    group: groupParts && { amountKey: `${amountKey.slice(0, 1)}${groupParts[0] ?? ''}${amountKey.replace(/^[cd]\d+/, '')}`, identifiers: groupParts.slice(1), signature: [amountKey.slice(0, 1), dates, accounts, group].join('~') },
  };
}

/** The direction-amount-currency key of an id, without parsing the rest (this runs for every stored payment). */
export function amountKeyOf(id: string): string | undefined {
  const start = id.indexOf('~');
  if (start < 0) return undefined;
  const end = id.indexOf('~', start + 1);
  return id.slice(start + 1, end < 0 ? id.length : end);
}

/** The group segment's amount key of an id, if it has one. */
export function groupAmountKeyOf(id: string): string | undefined {
  const start = id.indexOf('~G');
  if (start < 0) return undefined;
  return parseBankLineId(id).group?.amountKey;
}

/** References that mean "none" in bank files (MT940 `NONREF`, SEPA `NOTPROVIDED`, Rabobank's `EREF` marker). */
const NO_REFERENCE = new Set(['NONREF', 'NOTPROVIDED', 'NOREF', 'NONE', 'EREF', 'PREF', 'MARF', 'NA']);

/** A reference as compared: capitals and digits only, a number without leading zeros. */
function normalise(value: string): string {
  const compact = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (NO_REFERENCE.has(compact)) return '';
  return /^\d+$/.test(compact) ? compact.replace(/^0+(?=\d)/, '') : compact;
}

/** The hashed identifiers: `E` the end-to-end id, `I` a reference or the remittance's start, `T` a number in the remittance. */
function identifiersOf(endToEndId: string, references: readonly string[], remittance: string): string[] {
  const identifiers = new Set<string>();
  const endToEnd = normalise(endToEndId);
  if (endToEnd.length >= 2) identifiers.add(`E${hash(endToEnd)}`);
  for (const reference of references) {
    const value = normalise(reference);
    if (value.length >= 2) identifiers.add(`I${hash(value)}`);
  }
  // Bank formats cut remittance text at different lengths (MT940 :86: lines, Ustrd's 140 characters): the
  // start of it, and the first numbers in it (invoice numbers, a bankgiro number), are what survive.
  const text = remittance.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 32);
  if (text.length >= 6) identifiers.add(`I${hash(text)}`);
  for (const token of remittanceTokens(remittance).slice(0, 3)) identifiers.add(`T${hash(normalise(token))}`);
  return [...identifiers];
}

/** FNV-1a, 32 bits (shared/hash/fnv1a.ts), in base 36: short, and the same in every process. */
const hash = (text: string): string => fnv1a32(text).toString(36);
