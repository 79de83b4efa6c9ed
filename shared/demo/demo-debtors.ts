import { seededRandom } from '../random/seeded-random';

/**
 * A first, small demo portfolio so the welcome flow is real from day one: fictitious Dutch, Swedish and
 * British trading companies with an exposure and an insurer limit. The offline-store work replaces this
 * with the full generator (identifiers, invoices, payments, data tiers S/M/L).
 */
export type DemoCountry = 'NL' | 'SE' | 'GB';

export interface DemoDebtor {
  readonly id: string;
  readonly name: string;
  readonly country: DemoCountry;
  readonly currency: 'EUR' | 'SEK' | 'GBP';
  readonly exposureMinor: number;
  readonly limitMinor: number;
}

const NAME_PARTS: Record<DemoCountry, { readonly stems: readonly string[]; readonly trades: readonly string[]; readonly form: string }> = {
  NL: {
    stems: ['Van Dijk', 'De Boer', 'Bakker', 'Visser', 'Smit', 'Mulder', 'De Graaf', 'Jansen', 'Vermeulen', 'Hoekstra'],
    trades: ['Logistiek', 'Bouw', 'Installatietechniek', 'Groothandel', 'Metaalbewerking', 'Voedingsmiddelen'],
    form: 'B.V.',
  },
  SE: {
    stems: ['Lindqvist', 'Berg', 'Holm', 'Sjöberg', 'Åkesson', 'Nyström', 'Ekström', 'Lundgren', 'Dahl', 'Forsberg'],
    trades: ['Bygg', 'Trävaror', 'Transport', 'Verkstad', 'Livsmedel', 'Elteknik'],
    form: 'AB',
  },
  GB: {
    stems: ['Harrington', 'Whitfield', 'Ashworth', 'Pemberton', 'Caldwell', 'Fairbairn', 'Thornton', 'Hollis', 'Barlow', 'Kendrick'],
    trades: ['Foods', 'Engineering', 'Packaging', 'Haulage', 'Building Supplies', 'Textiles'],
    form: 'Ltd',
  },
};

const CURRENCY: Record<DemoCountry, DemoDebtor['currency']> = { NL: 'EUR', SE: 'SEK', GB: 'GBP' };
/** Swedish amounts are about ten times the euro figure for the same size of business. */
const SCALE: Record<DemoCountry, number> = { NL: 1, SE: 11, GB: 0.85 };

export const DEMO_DEBTOR_COUNT = 200;

export function generateDemoDebtors(seed = 20261124, count = DEMO_DEBTOR_COUNT): DemoDebtor[] {
  const random = seededRandom(seed);
  const debtors: DemoDebtor[] = [];
  for (let index = 0; index < count; index += 1) {
    const country = random.pick<DemoCountry>(['NL', 'NL', 'SE', 'SE', 'GB']);
    const parts = NAME_PARTS[country];
    const limitEuros = random.pick([0, 10_000, 25_000, 50_000, 100_000, 250_000]);
    const exposureEuros = Math.round(random.int(500, 300_000) * random.next());
    debtors.push({
      id: `demo-${String(index + 1).padStart(4, '0')}`,
      name: `${random.pick(parts.stems)} ${random.pick(parts.trades)} ${parts.form}`,
      country,
      currency: CURRENCY[country],
      exposureMinor: Math.round(exposureEuros * SCALE[country]) * 100,
      limitMinor: Math.round(limitEuros * SCALE[country]) * 100,
    });
  }
  return debtors;
}
