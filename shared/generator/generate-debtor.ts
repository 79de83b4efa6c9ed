import { defaultJurisdiction, type Contact, type Debtor } from '../domain/debtors/debtor';
import type { CompanyIdentifier } from '../domain/identifiers/identifier-type';
import { generateGbCompanyNumber, generateGbVat, generateKvkNumber, generateNlVat, generateSeOrgNr, seVatFromOrgNr } from '../domain/identifiers/generate-identifier';
import type { SeededRandom } from '../random/seeded-random';
import { addDays, type IsoDate } from '../time/iso-date';
import { COUNTRY_PROFILES, type GeneratedCountry } from './country-profiles';
import type { DebtorTraits } from './debtor-traits';

export function debtorId(index: number): string {
  return `D${String(index + 1).padStart(6, '0')}`;
}

function identifiersFor(country: GeneratedCountry, random: SeededRandom): CompanyIdentifier[] {
  switch (country) {
    case 'NL':
      return [{ type: 'NL_KVK', value: generateKvkNumber(random) }, { type: 'NL_VAT', value: generateNlVat(random) }];
    case 'SE': {
      const orgNr = generateSeOrgNr(random);
      return [{ type: 'SE_ORGNR', value: orgNr }, { type: 'SE_VAT', value: seVatFromOrgNr(orgNr) }];
    }
    case 'GB':
      return [{ type: 'GB_CRN', value: generateGbCompanyNumber(random) }, { type: 'GB_VAT', value: generateGbVat(random) }];
  }
}

function postalCode(country: GeneratedCountry, prefix: string, random: SeededRandom): string {
  const letters = 'ABCDEFGHJKLMNPRSTVWXZ';
  const letter = () => letters[random.int(0, letters.length - 1)]!;
  if (country === 'NL') return `${prefix}${random.int(10, 99)} ${letter()}${letter()}`;
  if (country === 'SE') return `${prefix}${random.int(0, 9)} ${random.int(10, 99)}`;
  return `${prefix} ${random.int(1, 9)}${letter()}${letter()}`;
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '');
}

/** A fictitious trading company with valid identifiers, a real city, contacts and an insurer grade. */
export function generateDebtor(traits: DebtorTraits, random: SeededRandom, today: IsoDate): Debtor {
  const profile = COUNTRY_PROFILES[traits.country];
  const surname = random.pick(profile.surnames);
  const trade = random.pick(profile.trades);
  const city = random.pick(profile.cities);
  const name = `${surname} ${trade} ${random.pick(profile.legalForms)}`;
  const domain = `${slug(`${surname}${trade}`)}.${traits.country === 'GB' ? 'co.uk' : traits.country.toLowerCase()}`;
  const firstName = random.pick(profile.firstNames);
  const phone = () => `${city.phonePrefix} ${random.int(100, 999)} ${random.int(1000, 9999)}`;
  const contacts: Contact[] = [
    { name: `${firstName} ${random.pick(profile.surnames)}`, role: profile.roles[1]!, email: `${slug(firstName)}@${domain}`, phone: phone(), isPrimary: true },
    { name: profile.roles[0]!, role: profile.roles[0]!, email: `${traits.country === 'NL' ? 'crediteuren' : traits.country === 'SE' ? 'ekonomi' : 'accounts'}@${domain}`, phone: phone(), isPrimary: false },
  ];
  return {
    id: debtorId(traits.index),
    customerCode: String(100_000 + traits.index),
    name,
    country: traits.country,
    currency: profile.currency,
    paymentTermsDays: random.pick(profile.paymentTerms),
    language: profile.language,
    jurisdiction: defaultJurisdiction(traits.country),
    identifiers: identifiersFor(traits.country, random),
    address: { street: `${random.pick(profile.streets)} ${random.int(1, 240)}`, postalCode: postalCode(traits.country, city.postalPrefix, random), city: city.name, country: traits.country },
    contacts,
    grade: { scale: '1-10', value: traits.grade, updatedOn: addDays(today, -random.int(5, 300)) },
    segment: traits.segment,
    createdOn: addDays(today, -random.int(750, 3000)),
  };
}
