import { z } from 'zod';
import { validateWith, type Validated } from '../dunning/field-errors';
import { CONTACT_TITLES, MASTER_DATA_FIELDS, type Contact, type Debtor, type MasterDataField, type PostalAddress } from './debtor';

/**
 * A debtor's contacts and addresses: edited on the debtor page, imported from an ERP customer export and
 * taken from e-invoices. Letters go to the reminder contact at the invoice address (README, "Contacts and
 * addresses"); a letter with neither a usable address nor an e-mail is not made.
 */
export interface MasterData {
  readonly contacts: readonly Contact[];
  readonly address?: PostalAddress;
  readonly invoiceAddress?: PostalAddress;
}

/** Field lengths: what ERP customer cards hold (Exact's 60-character names, 100-character e-mail). */
const MAX = { name: 100, role: 60, email: 254, phone: 40, street: 120, postalCode: 12, city: 60 } as const;

/** Countries that have no postal codes in general use, so an address there is complete without one. */
const WITHOUT_POSTCODES: ReadonlySet<string> = new Set(['AE', 'HK', 'QA']);

/** Practical e-mail syntax (RFC 5322 local@domain with a dot in the domain, no spaces): what a mail program accepts. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

const text = (max: number) => z.string().trim().max(max);

const contactSchema = z
  .object({
    title: z.enum(CONTACT_TITLES).optional(),
    givenName: text(MAX.name).optional(),
    surname: text(MAX.name).optional(),
    name: text(MAX.name).optional(),
    role: text(MAX.role).default(''),
    email: text(MAX.email).refine((value) => value === '' || EMAIL.test(value), { params: { reason: 'emailInvalid' } }).default(''),
    phone: text(MAX.phone).refine((value) => value === '' || /^[+()\d][\d\s()./-]{4,}$/.test(value), { params: { reason: 'phoneInvalid' } }).default(''),
    isPrimary: z.boolean().default(false),
    receivesReminders: z.boolean().default(false),
  })
  .transform((contact): Contact => {
    const name = contact.name || [contact.givenName, contact.surname].filter(Boolean).join(' ');
    return {
      name,
      role: contact.role,
      email: contact.email,
      phone: contact.phone,
      isPrimary: contact.isPrimary,
      ...(contact.title && { title: contact.title }),
      ...(contact.givenName && { givenName: contact.givenName }),
      ...(contact.surname && { surname: contact.surname }),
      ...(contact.receivesReminders && { receivesReminders: true }),
    };
  })
  .refine((contact) => contact.name !== '' || contact.email !== '', { params: { reason: 'contactEmpty' }, path: ['surname'] });

const addressSchema = z
  .object({ street: text(MAX.street), postalCode: text(MAX.postalCode), city: text(MAX.city), country: z.string().trim().toUpperCase().refine((value) => /^[A-Z]{2}$/.test(value), { params: { reason: 'countryInvalid' } }) })
  .superRefine((address, context) => {
    // A partly typed address would print an incomplete envelope: each missing part is named.
    if (address.street === '') context.addIssue({ code: 'custom', path: ['street'], params: { reason: 'required' }, message: 'street required' });
    // ZZ is how an import says "unknown": a letter cannot be posted there.
    if (address.country === 'ZZ') context.addIssue({ code: 'custom', path: ['country'], params: { reason: 'countryInvalid' }, message: 'country unknown' });
    if (address.city === '') context.addIssue({ code: 'custom', path: ['city'], params: { reason: 'required' }, message: 'city required' });
    if (address.postalCode === '' && !WITHOUT_POSTCODES.has(address.country)) context.addIssue({ code: 'custom', path: ['postalCode'], params: { reason: 'required' }, message: 'postal code required' });
  });

const masterDataSchema = z
  .object({ contacts: z.array(contactSchema).max(50), address: addressSchema.optional(), invoiceAddress: addressSchema.optional() })
  .superRefine((data, context) => {
    if (data.contacts.filter((contact) => contact.receivesReminders).length > 1) context.addIssue({ code: 'custom', path: ['contacts'], params: { reason: 'oneReminderContact' }, message: 'one reminder contact' });
  });

/** Checks contacts and addresses as the form (or an import) has them: every problem with its field path. */
export function validateMasterData(input: unknown): Validated<MasterData> {
  const result = validateWith(masterDataSchema, input);
  if (!result.ok) return result;
  const { contacts, address, invoiceAddress } = result.value;
  return { ok: true, value: { contacts, ...(address && { address }), ...(invoiceAddress && { invoiceAddress }) } };
}

export function masterDataOf(debtor: Debtor): MasterData {
  return { contacts: debtor.contacts, ...(debtor.address && { address: debtor.address }), ...(debtor.invoiceAddress && { invoiceAddress: debtor.invoiceAddress }) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The parts that differ between two versions of a debtor's master data. */
export function changedMasterData(before: MasterData, after: MasterData): MasterDataField[] {
  return MASTER_DATA_FIELDS.filter((field) => !same(before[field], after[field]));
}

/**
 * What an import does with master data it brings (README, "Contacts and addresses"): the controller's edits
 * win — a part edited by hand on the debtor page is never overwritten, and is reported as left. Otherwise an
 * ERP customer export ('replace') is the master: an address it states replaces the stored one, and its
 * contacts replace the stored ones of the same e-mail or name and add new ones (others stay); an empty value
 * never clears anything. An e-invoice ('fill') only fills what Kredo does not know yet.
 */
export function takeImportedMasterData(debtor: Debtor, incoming: Partial<MasterData>, mode: 'replace' | 'fill'): { readonly debtor: Debtor; readonly taken: MasterDataField[]; readonly keptByHand: MasterDataField[] } {
  const byHand = new Set(debtor.editedByHand ?? []);
  const taken: MasterDataField[] = [];
  const keptByHand: MasterDataField[] = [];
  let next: Debtor = debtor;
  for (const field of ['address', 'invoiceAddress'] as const) {
    const address = incoming[field];
    if (!address || same(address, debtor[field])) continue;
    if (byHand.has(field)) keptByHand.push(field);
    else if (mode === 'replace' || !debtor[field]) {
      next = { ...next, [field]: address };
      taken.push(field);
    }
  }
  const contacts = incoming.contacts ?? [];
  if (contacts.length > 0) {
    const key = (contact: Contact) => (contact.email || contact.name).toLocaleLowerCase();
    const merged = [...debtor.contacts];
    for (const contact of contacts) {
      const index = merged.findIndex((known) => key(known) === key(contact));
      if (index < 0) merged.push(contact);
      else if (mode === 'replace') merged[index] = { ...contact, isPrimary: merged[index]!.isPrimary || contact.isPrimary };
    }
    // One reminder contact: the one the import names takes over from an earlier one.
    const named = contacts.find((contact) => contact.receivesReminders);
    const settled = named ? merged.map((contact) => (key(contact) === key(named) || !contact.receivesReminders ? contact : { ...contact, receivesReminders: false })) : merged;
    if (!same(settled, debtor.contacts)) {
      if (byHand.has('contacts')) keptByHand.push('contacts');
      else {
        next = { ...next, contacts: settled };
        taken.push('contacts');
      }
    }
  }
  return { debtor: next, taken, keptByHand };
}

/** The contact reminders go to: the one marked so, else the primary contact, else the first with an e-mail, else the first. */
export function reminderContact(debtor: Pick<Debtor, 'contacts'>): Contact | undefined {
  const { contacts } = debtor;
  return contacts.find((contact) => contact.receivesReminders) ?? contacts.find((contact) => contact.isPrimary) ?? contacts.find((contact) => contact.email !== '') ?? contacts[0];
}

/** The e-mail a reminder is sent to: the reminder contact's, else any contact's. */
export function reminderEmail(debtor: Pick<Debtor, 'contacts'>): string | undefined {
  const email = reminderContact(debtor)?.email || debtor.contacts.find((contact) => contact.email !== '')?.email;
  return email && EMAIL.test(email) ? email : undefined;
}

/** Whether an address can be printed in an envelope window: a street, a town, a country and (where used) a postcode. */
export function isUsableAddress(address: PostalAddress | undefined): address is PostalAddress {
  if (!address) return false;
  const country = address.country.trim().toUpperCase();
  return address.street.trim() !== '' && address.city.trim() !== '' && /^[A-Z]{2}$/.test(country) && country !== 'ZZ' && (address.postalCode.trim() !== '' || WITHOUT_POSTCODES.has(country));
}

/** Where a letter goes: the invoice address (accounts payable) when usable, else the postal address when usable. */
export function letterAddress(debtor: Pick<Debtor, 'address' | 'invoiceAddress'>): PostalAddress | undefined {
  if (isUsableAddress(debtor.invoiceAddress)) return debtor.invoiceAddress;
  return isUsableAddress(debtor.address) ? debtor.address : undefined;
}

/** What a letter to this debtor lacks: it is made with an address or an e-mail, and not at all without both. */
export function letterReach(debtor: Pick<Debtor, 'address' | 'invoiceAddress' | 'contacts'>): { readonly address: boolean; readonly email: boolean } {
  return { address: letterAddress(debtor) !== undefined, email: reminderEmail(debtor) !== undefined };
}

/**
 * Given name and surname of a contact: as stored, or read from the full name (the first word is the given
 * name, the rest the surname — "Jan de Vries" is Jan / de Vries, as Dutch names with a tussenvoegsel need).
 */
export function nameParts(contact: Contact): { readonly givenName: string; readonly surname: string } {
  if (contact.givenName || contact.surname) return { givenName: contact.givenName ?? '', surname: contact.surname ?? '' };
  const [first = '', ...rest] = contact.name.trim().split(/\s+/);
  return rest.length === 0 ? { givenName: '', surname: first } : { givenName: first, surname: rest.join(' ') };
}
