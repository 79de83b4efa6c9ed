import type { Language } from '../../i18n/languages';
import type { CurrencyCode } from '../../money/money';
import type { IsoDate } from '../../time/iso-date';
import type { CompanyIdentifier } from '../identifiers/identifier-type';

/** The parts of a debtor's master data that are edited and imported as a whole. */
export const MASTER_DATA_FIELDS = ['contacts', 'address', 'invoiceAddress'] as const;
export type MasterDataField = (typeof MASTER_DATA_FIELDS)[number];

/** ISO 3166-1 alpha-2, for example NL, SE, GB, DE. */
export type CountryCode = string;

/** Whose late-payment law applies to a debtor's invoices (interest and collection costs, dunning letters). */
export type Jurisdiction = 'NL' | 'SE' | 'GB' | 'EU';

/** How a contact is addressed in a letter: "Geachte heer Janssen", "Dear Ms Fairbairn". */
export const CONTACT_TITLES = ['mr', 'ms'] as const;
export type ContactTitle = (typeof CONTACT_TITLES)[number];

export interface Contact {
  /** The full name, as shown ("Jan de Vries"); given name and surname apart when known. */
  readonly name: string;
  readonly role: string;
  readonly email: string;
  readonly phone: string;
  readonly isPrimary: boolean;
  readonly title?: ContactTitle;
  readonly givenName?: string;
  readonly surname?: string;
  /** The contact reminders and notices are addressed and e-mailed to (one per debtor; else the primary). */
  readonly receivesReminders?: boolean;
}

export interface PostalAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly country: CountryCode;
}

/** The insurer's rating of the buyer, such as Allianz Trade's 1 (best) to 10 (default). */
export interface InsurerGrade {
  readonly scale: string;
  readonly value: number;
  readonly updatedOn: IsoDate;
}

export interface Debtor {
  /** Kredo's own stable id. */
  readonly id: string;
  /** The customer's account number in the ERP, the key imports match on. */
  readonly customerCode: string;
  readonly name: string;
  readonly country: CountryCode;
  /** The currency the debtor is invoiced in by default. */
  readonly currency: CurrencyCode;
  readonly paymentTermsDays: number;
  /** The language of letters and e-mails to this debtor. */
  readonly language: Language;
  readonly jurisdiction: Jurisdiction;
  readonly identifiers: readonly CompanyIdentifier[];
  /** The insurer's id for this buyer, once known (resolved only when a request is sent). */
  readonly insurerBuyerId?: string;
  /** The postal address (head office). */
  readonly address?: PostalAddress;
  /** Where invoices — and so reminders — go, when it differs from the postal address (accounts payable). */
  readonly invoiceAddress?: PostalAddress;
  readonly contacts: readonly Contact[];
  /**
   * Master data the controller edited by hand on the debtor page: imports never overwrite these (the
   * controller's edits win) and say what they left (shared/domain/debtors/debtor-master-data.ts).
   */
  readonly editedByHand?: readonly MasterDataField[];
  readonly grade?: InsurerGrade;
  /** A segment of the credit policy (for dunning strategies), such as "key account" or "SME". */
  readonly segment: string;
  readonly createdOn: IsoDate;
  /** Other names sources use for this debtor: what debtors merged into it were known by (see DebtorAliases). */
  readonly aliases?: DebtorAliases;
}

/**
 * What a debtor is also known as. When two debtors turn out to be one company and are merged, the one merged
 * away lives on here: its customer code and identifiers, so a later import from either source lands on the
 * survivor; its id, so its append-only audit trail is still shown; its insurer buyer id, so the insurer's
 * covers for it still find the debtor. A customer code under which an import found the debtor by identifier
 * is kept here too.
 */
export interface DebtorAliases {
  readonly customerCodes: readonly string[];
  readonly identifiers: readonly CompanyIdentifier[];
  /** Keys of party ids that are no identifier type of Kredo's: `GLN:…`, another country's `VAT:…`. */
  readonly partyKeys: readonly string[];
  readonly debtorIds: readonly string[];
  readonly insurerBuyerIds: readonly string[];
  readonly names: readonly string[];
}

export const NO_ALIASES: DebtorAliases = { customerCodes: [], identifiers: [], partyKeys: [], debtorIds: [], insurerBuyerIds: [], names: [] };

/** The jurisdiction that normally governs a debtor: its own country's law, EU rules elsewhere in the EU. */
export function defaultJurisdiction(country: CountryCode): Jurisdiction {
  if (country === 'NL' || country === 'SE' || country === 'GB') return country;
  return 'EU';
}
