import type { CompanyIdentifier } from '../../shared/domain/identifiers/identifier-type';
import { generateGbCompanyNumber, generateGbVat, generateKvkNumber, generateNlVat, generateSeOrgNr, seVatFromOrgNr } from '../../shared/domain/identifiers/generate-identifier';
import { seededRandom } from '../../shared/random/seeded-random';
import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { DATA_TIERS } from '../../shared/generator/data-tiers';
import type { SandboxCompany, SandboxState } from './sandbox-state';

/**
 * Companies the insurer knows that are not (yet) debtors of the demo portfolio: prospects, so the credit check
 * before trading (issue 18 item 3) can look up a company Kredo has never invoiced, by its KvK number,
 * organisationsnummer, Companies House or VAT number. Two per country, one well graded and one weak, so a credit
 * check comes out positive for one and negative for the other. The names are fictitious; the numbers have valid
 * check digits (seeded, so the same on every computer) and are none of the demo debtors'.
 */
const PROSPECTS: readonly { readonly name: string; readonly country: 'NL' | 'SE' | 'GB'; readonly street: string; readonly postalCode: string; readonly city: string; readonly grade: number }[] = [
  { name: 'Zeeuwse Kaasmakerij Vlaming B.V.', country: 'NL', street: 'Havenweg 14', postalCode: '4331 AB', city: 'Middelburg', grade: 3 },
  { name: 'Twentse Metaalbewerking Oude Hengel B.V.', country: 'NL', street: 'Industrieweg 201', postalCode: '7547 RD', city: 'Enschede', grade: 8 },
  { name: 'Norrlands Träförädling AB', country: 'SE', street: 'Storgatan 52', postalCode: '903 26', city: 'Umeå', grade: 2 },
  { name: 'Hallands Kyl & Frys AB', country: 'SE', street: 'Kungsgatan 9', postalCode: '302 45', city: 'Halmstad', grade: 8 },
  { name: 'Pennine Packaging Ltd', country: 'GB', street: '3 Canal Wharf', postalCode: 'LS11 5PS', city: 'Leeds', grade: 4 },
  { name: 'Solent Marine Supplies Ltd', country: 'GB', street: '18 Ocean Way', postalCode: 'SO14 3JZ', city: 'Southampton', grade: 7 },
];

/** The prefix of a prospect's stand-in debtor id (cover ids are made from it: `CV-PROSPECT-1`). */
export const PROSPECT_PREFIX = 'PROSPECT-';
export const isProspect = (company: Pick<SandboxCompany, 'debtorId'>): boolean => company.debtorId.startsWith(PROSPECT_PREFIX);

function identifiersFor(country: 'NL' | 'SE' | 'GB', random: ReturnType<typeof seededRandom>): CompanyIdentifier[] {
  if (country === 'NL') return [{ type: 'NL_KVK', value: generateKvkNumber(random) }, { type: 'NL_VAT', value: generateNlVat(random) }];
  if (country === 'SE') {
    const orgNr = generateSeOrgNr(random);
    return [{ type: 'SE_ORGNR', value: orgNr }, { type: 'SE_VAT', value: seVatFromOrgNr(orgNr) }];
  }
  return [{ type: 'GB_CRN', value: generateGbCompanyNumber(random) }, { type: 'GB_VAT', value: generateGbVat(random) }];
}

/** The prospects, with numbers none of `taken` holds; their ids follow the demo's buyer numbering on from `firstCompanyNumber`. */
export function seedProspects(options: { readonly seed: number; readonly today: IsoDate; readonly taken: readonly SandboxCompany[]; readonly firstCompanyNumber: number }): SandboxCompany[] {
  const random = seededRandom(options.seed ^ 0x50524f53);
  const used = new Set(options.taken.flatMap((company) => company.identifiers.map((identifier) => `${identifier.type}:${identifier.value}`)));
  return PROSPECTS.map((prospect, index) => {
    let identifiers = identifiersFor(prospect.country, random);
    while (identifiers.some((identifier) => used.has(`${identifier.type}:${identifier.value}`))) identifiers = identifiersFor(prospect.country, random);
    for (const identifier of identifiers) used.add(`${identifier.type}:${identifier.value}`);
    return {
      companyId: `KSB-${String(options.firstCompanyNumber + index)}`,
      debtorId: `${PROSPECT_PREFIX}${index + 1}`,
      legalName: prospect.name,
      country: prospect.country,
      address: { street: prospect.street, postalCode: prospect.postalCode, city: prospect.city, country: prospect.country },
      identifiers,
      grade: prospect.grade,
      gradeUpdatedOn: addDays(options.today, -45),
    };
  });
}

/**
 * A demo state saved before the sandbox knew prospects (a state file in the data folder) gets them on loading, so the
 * credit check has them to find too; a benchmark tier's state, or one that has them, is left as it is. They are
 * dated from the latest grade the state holds, not from the host clock.
 */
export function withProspects<T extends Pick<SandboxState, 'seed' | 'companies'>>(state: T): T {
  if (state.companies.length !== DATA_TIERS.S.debtors || state.companies.some(isProspect)) return state;
  const latest = state.companies.reduce((day, company) => (company.gradeUpdatedOn > day ? company.gradeUpdatedOn : day), '1970-01-01' as IsoDate);
  return { ...state, companies: [...state.companies, ...seedProspects({ seed: state.seed, today: latest, taken: state.companies, firstCompanyNumber: 900_001 })] };
}
