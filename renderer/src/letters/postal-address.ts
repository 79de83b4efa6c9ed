import type { CountryCode, PostalAddress } from '../../../shared/domain/debtors/debtor';

/**
 * A debtor's postal address as the lines of the address block, in the order the destination's postal
 * service reads them:
 *
 * - NL (PostNL, "Adresseren"): "Straatnaam 12" / "1234 AB  PLAATS" — the postcode as four digits, a space
 *   and two letters, two spaces, the town in capitals.
 * - SE (PostNord, "Så adresserar du"): "Gatan 12" / "123 45  ORT" — the postcode as three digits, a space
 *   and two digits, two spaces, the town in capitals.
 * - GB (Royal Mail, "Addressing your mail"): "229 Church Street" / "LONDON" / "EC1 2WH" — the house number
 *   before the street, the post town in capitals on its own line, the postcode in capitals on its own line.
 * - elsewhere: "street" / "postcode town", as stored; Kredo knows no rule to apply.
 *
 * A letter abroad ends with the destination country's name in capitals, in English (UPU Letter Post
 * Regulations and standard S42: in the language of the country of origin or an internationally known one);
 * a domestic letter has no country line (PostNL, PostNord and Royal Mail all ask to leave it out).
 * A country Intl cannot name (such as ZZ, or a mistyped code) gets no line rather than a wrong one.
 */
export interface PostalAddressOptions {
  /** The sender's country (ISO 3166-1 alpha-2): a letter to the same country gets no country line. */
  readonly senderCountry: CountryCode;
}

export function postalAddressLines(address: PostalAddress, options: PostalAddressOptions): string[] {
  const country = address.country.trim().toUpperCase();
  const street = address.street.trim();
  const postalCode = address.postalCode.trim();
  const town = address.city.trim();
  const lines = localLines(country, street, postalCode, town).filter((line) => line !== '');
  const countryName = country === options.senderCountry.trim().toUpperCase() ? undefined : englishCountryName(country);
  return countryName === undefined ? lines : [...lines, countryName];
}

/** The two spaces between postcode and town that PostNL and PostNord ask for; one when either is missing. */
const postcodeAndTown = (postalCode: string, town: string): string => [postalCode, town].filter((part) => part !== '').join('  ');

function localLines(country: string, street: string, postalCode: string, town: string): string[] {
  switch (country) {
    case 'NL':
      return [street, postcodeAndTown(postalCode.replace(/^(\d{4})\s*([A-Za-z]{2})$/, (_, digits: string, letters: string) => `${digits} ${letters.toUpperCase()}`), town.toUpperCase())];
    case 'SE':
      return [street, postcodeAndTown(postalCode.replace(/^(\d{3})\s*(\d{2})$/, '$1 $2'), town.toUpperCase())];
    case 'GB':
      return [britishStreet(street), town.toUpperCase(), postalCode.toUpperCase()];
    default:
      return [street, [postalCode, town].filter((part) => part !== '').join(' ')];
  }
}

/**
 * Royal Mail puts the house number before the street ("229 Church Street"). A street stored the
 * continental way, ending in a number ("Church Street 229", "Mill Lane 12a"), is turned round; any
 * other form is left as it is, and so is a unit or flat number ("Unit 4", "Riverside Park, Flat 2"),
 * which is not a house number and stays after its word.
 */
function britishStreet(street: string): string {
  const match = /^(\D.*?)\s+(\d+[A-Za-z]?)$/.exec(street);
  if (!match || /\b(unit|flat|suite|apartment|block|floor)$/i.test(match[1]!)) return street;
  return `${match[2]!} ${match[1]!}`;
}

const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

/** "SWEDEN", "UNITED KINGDOM"; undefined for ZZ ("Unknown Region") and codes Intl does not know. */
function englishCountryName(country: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(country) || country === 'ZZ') return undefined;
  const name = regionNames.of(country);
  return name === undefined || name.toUpperCase() === country ? undefined : name.toUpperCase();
}
