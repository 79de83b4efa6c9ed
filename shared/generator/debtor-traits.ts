import { mixSeed, seededRandom } from '../random/seeded-random';
import type { GeneratedCountry } from './country-profiles';

/**
 * How a debtor pays, from its insurer grade (1 best … 10 default): how many days after the due date its
 * payments arrive. A defaulting debtor has stopped paying altogether some months ago.
 */
export interface PayerProfile {
  readonly name: 'prompt' | 'normal' | 'slow' | 'very-slow' | 'defaulting';
  readonly latenessDays: readonly [number, number];
  /** For defaulting debtors: how many days ago the last payment came, at most and at least. */
  readonly stoppedPayingDaysAgo?: readonly [number, number];
}

const PROFILES: readonly PayerProfile[] = [
  { name: 'prompt', latenessDays: [-3, 4] },
  { name: 'normal', latenessDays: [0, 18] },
  { name: 'slow', latenessDays: [10, 45] },
  { name: 'very-slow', latenessDays: [30, 90] },
  { name: 'defaulting', latenessDays: [40, 120], stoppedPayingDaysAgo: [45, 180] },
];

export function profileForGrade(grade: number): PayerProfile {
  if (grade <= 3) return PROFILES[0]!;
  if (grade <= 5) return PROFILES[1]!;
  if (grade === 6) return PROFILES[2]!;
  if (grade <= 8) return PROFILES[3]!;
  return PROFILES[4]!;
}

export type Segment = 'key-account' | 'standard' | 'small';

export interface DebtorTraits {
  readonly index: number;
  readonly country: GeneratedCountry;
  readonly grade: number;
  readonly segment: Segment;
  /** Relative number of invoices: a few customers buy a lot, most buy a little. */
  readonly volumeWeight: number;
  readonly profile: PayerProfile;
}

/** Grade frequencies, roughly those of a trade-credit book: most buyers are 3–6. */
const GRADE_WEIGHTS = [0, 3, 8, 17, 25, 22, 13, 6, 3, 2, 1];

/** A debtor's traits come from its own random stream, so they are the same whichever chunk asks. */
export function debtorTraits(seed: number, index: number): DebtorTraits {
  const random = seededRandom(mixSeed(seed, index));
  const countryRoll = random.next();
  const country: GeneratedCountry = countryRoll < 0.5 ? 'NL' : countryRoll < 0.8 ? 'SE' : 'GB';
  let roll = random.next() * 100;
  let grade = 1;
  while (grade < 10 && roll >= GRADE_WEIGHTS[grade]!) {
    roll -= GRADE_WEIGHTS[grade]!;
    grade += 1;
  }
  const segmentRoll = random.next();
  const segment: Segment = segmentRoll < 0.05 ? 'key-account' : segmentRoll < 0.85 ? 'standard' : 'small';
  const volumeWeight = (segment === 'key-account' ? 6 : segment === 'small' ? 0.4 : 1) * Math.exp(0.6 * random.normal());
  return { index, country, grade, segment, volumeWeight, profile: profileForGrade(grade) };
}
