import { applyBasisPoints, BASIS_POINTS_PER_WHOLE, divideRounded } from '../../money/basis-points';
import type { CurrencyCode } from '../../money/money';
import { assertJurisdictionCurrency, type LawJurisdiction } from './jurisdiction';

/**
 * Fixed compensation and collection costs per invoice. Amounts are whole minor units in the
 * jurisdiction's own currency (jurisdiction.ts); sources in this folder's README.
 */

/** NL: Besluit vergoeding voor buitengerechtelijke incassokosten (Stb. 2012, 141) art. 2(1): the WIK scale. */
const WIK_BANDS: readonly { readonly uptoMinor: number; readonly rateBp: number }[] = [
  { uptoMinor: 250_000, rateBp: 1500 }, // first €2,500: 15 %
  { uptoMinor: 500_000, rateBp: 1000 }, // next €2,500: 10 %
  { uptoMinor: 1_000_000, rateBp: 500 }, // next €5,000: 5 %
  { uptoMinor: 20_000_000, rateBp: 100 }, // next €190,000: 1 %
  { uptoMinor: Number.MAX_SAFE_INTEGER, rateBp: 50 }, // above €200,000: 0.5 %
];
/** Art. 2(2): at least €40. */
export const WIK_MINIMUM_MINOR = 4_000;
/** At most €6,775, reached at a principal of €1,000,000. */
export const WIK_MAXIMUM_MINOR = 677_500;
/** Art. 2(3): Dutch VAT (21 %), added only when the creditor cannot deduct the VAT it pays a collector. */
export const NL_VAT_RATE_BP = 2_100;

/** EU Directive 2011/7/EU art. 6: at least €40 per late debt, without a reminder. */
export const EU_FIXED_COMPENSATION_MINOR = 4_000;

/** SE lag (1981:739) 4 a §: förseningsersättning, 450 kr once per invoice, B2B, when interest is due. */
export const SE_FORSENINGSERSATTNING_MINOR = 45_000;
/** 4 § p.1: påminnelseavgift, at most 60 kr, only if agreed at the latest when the debt arose. */
export const SE_PAMINNELSEAVGIFT_MAX_MINOR = 6_000;
/** 4 § p.2: inkassokrav, at most 180 kr, for a demand that meets 5 § inkassolagen. */
export const SE_INKASSOKRAV_MAX_MINOR = 18_000;
/** 4 § p.3: amorteringsplan, at most 170 kr, for a written plan covering the whole remaining debt. */
export const SE_AMORTERINGSPLAN_MAX_MINOR = 17_000;

/** UK Late Payment Act 1998 s.5A: £40 below £1,000, £70 below £10,000, £100 from £10,000. */
const GB_FIXED_SUMS: readonly { readonly belowMinor: number; readonly amountMinor: number; readonly rule: FixedCompensationRule }[] = [
  { belowMinor: 100_000, amountMinor: 4_000, rule: 'GB_FIXED_40' },
  { belowMinor: 1_000_000, amountMinor: 7_000, rule: 'GB_FIXED_70' },
  { belowMinor: Number.POSITIVE_INFINITY, amountMinor: 10_000, rule: 'GB_FIXED_100' },
];

/** Which rule produced the amount, so a letter can cite it in the debtor's language. */
export type FixedCompensationRule =
  | 'NL_WIK_SCALE' // the scale itself
  | 'NL_WIK_MINIMUM' // the scale gave less than €40
  | 'NL_WIK_MAXIMUM' // the scale gave more than €6,775
  | 'EU_FIXED_40'
  | 'SE_FORSENINGSERSATTNING'
  | 'SE_PAMINNELSEAVGIFT'
  | 'SE_NONE' // no interest due (or not B2B) and no reminder fee agreed
  | 'GB_FIXED_40'
  | 'GB_FIXED_70'
  | 'GB_FIXED_100'
  | 'NONE_NOT_B2B'; // the Directive and the UK Act cover business debts only

/** What a claim ledger books it as: with the invoice id, the idempotency key (see `claimCostKey`). */
export type CollectionCostKind = 'wik' | 'eu-fixed-compensation' | 'forseningsersattning' | 'paminnelseavgift' | 'gb-fixed-sum';

export interface FixedCompensationInput {
  readonly jurisdiction: LawJurisdiction;
  /** The invoice's unpaid principal, without interest (WIK: interest is not added to the hoofdsom). */
  readonly principalMinor: number;
  readonly currency: CurrencyCode;
  /** SE: a reminder fee was agreed at the latest when the debt arose. Default false. */
  readonly reminderFeeAgreed?: boolean;
  /** SE: the creditor is entitled to dröjsmålsränta on this invoice (the 450 kr depends on it). Default true. */
  readonly interestDue?: boolean;
  /** The debtor acts in the course of a business. Default true: Kredo is a B2B tool. */
  readonly debtorIsBusiness?: boolean;
  /**
   * NL: add 21 % VAT to the WIK amount. Only when the creditor uses a VAT-charging collector, cannot
   * deduct that VAT (not VAT-liable or exempt) and says so to the debtor. Default false: a VAT-registered
   * B2B creditor must not add VAT.
   */
  readonly creditorCannotDeductVat?: boolean;
}

export interface FixedCompensation {
  readonly currency: CurrencyCode;
  /** The compensation before VAT. */
  readonly amountMinor: number;
  /** NL only, when `creditorCannotDeductVat`; otherwise 0. */
  readonly vatMinor: number;
  readonly totalMinor: number;
  readonly rule: FixedCompensationRule;
  /** Undefined when nothing is due. */
  readonly kind: CollectionCostKind | undefined;
}

/**
 * The fixed compensation (NL: collection costs) one late invoice carries under its jurisdiction. Throws a
 * RangeError for a currency other than the jurisdiction's (NL/EU EUR, SE SEK, GB GBP) or a principal that
 * is not whole, non-negative minor units.
 */
export function fixedCompensation(input: FixedCompensationInput): FixedCompensation {
  const { jurisdiction, principalMinor, currency } = input;
  assertJurisdictionCurrency(jurisdiction, currency);
  if (!Number.isSafeInteger(principalMinor) || principalMinor < 0) throw new RangeError('The principal must be whole, non-negative minor units');
  const isBusiness = input.debtorIsBusiness ?? true;
  const result = (amountMinor: number, rule: FixedCompensationRule, kind: CollectionCostKind | undefined, vatMinor = 0): FixedCompensation =>
    ({ currency, amountMinor, vatMinor, totalMinor: amountMinor + vatMinor, rule, kind });

  switch (jurisdiction) {
    case 'NL': {
      // The scale applies to consumers too (mandatory there, after a valid veertiendagenbrief).
      const { amountMinor, rule } = wikCollectionCosts(principalMinor);
      return result(amountMinor, rule, 'wik', input.creditorCannotDeductVat ? applyBasisPoints(amountMinor, NL_VAT_RATE_BP) : 0);
    }
    case 'EU':
      return isBusiness ? result(EU_FIXED_COMPENSATION_MINOR, 'EU_FIXED_40', 'eu-fixed-compensation') : result(0, 'NONE_NOT_B2B', undefined);
    case 'SE': {
      if (isBusiness && (input.interestDue ?? true)) return result(SE_FORSENINGSERSATTNING_MINOR, 'SE_FORSENINGSERSATTNING', 'forseningsersattning');
      const reminderFee = swedishReminderFee({ agreedInAdvance: input.reminderFeeAgreed ?? false, invoiceCarriesForseningsersattning: false });
      return reminderFee > 0 ? result(reminderFee, 'SE_PAMINNELSEAVGIFT', 'paminnelseavgift') : result(0, 'SE_NONE', undefined);
    }
    case 'GB': {
      if (!isBusiness) return result(0, 'NONE_NOT_B2B', undefined);
      for (const band of GB_FIXED_SUMS) {
        if (principalMinor < band.belowMinor) return result(band.amountMinor, band.rule, 'gb-fixed-sum');
      }
      throw new RangeError('No UK fixed sum for this debt');
    }
    default:
      throw new RangeError(`Unknown jurisdiction: ${String(jurisdiction)}`);
  }
}

/**
 * The WIK scale on a principal in euro cents: each band's percentage of the part of the principal in
 * that band, summed exactly and rounded half up to a cent once, then held between €40 and €6,775.
 * Nothing is owed on nothing: a zero principal gives 0, not the minimum.
 */
export function wikCollectionCosts(principalMinor: number): { readonly amountMinor: number; readonly rule: 'NL_WIK_SCALE' | 'NL_WIK_MINIMUM' | 'NL_WIK_MAXIMUM' } {
  if (!Number.isSafeInteger(principalMinor) || principalMinor < 0) throw new RangeError('The principal must be whole, non-negative minor units');
  if (principalMinor === 0) return { amountMinor: 0, rule: 'NL_WIK_SCALE' };
  let weighted = 0n;
  let lower = 0;
  for (const band of WIK_BANDS) {
    if (principalMinor <= lower) break;
    weighted += BigInt(Math.min(principalMinor, band.uptoMinor) - lower) * BigInt(band.rateBp);
    lower = band.uptoMinor;
  }
  // Compared before rounding, so the rule named is the one that decided the amount.
  const perWhole = BigInt(BASIS_POINTS_PER_WHOLE);
  if (weighted < BigInt(WIK_MINIMUM_MINOR) * perWhole) return { amountMinor: WIK_MINIMUM_MINOR, rule: 'NL_WIK_MINIMUM' };
  if (weighted > BigInt(WIK_MAXIMUM_MINOR) * perWhole) return { amountMinor: WIK_MAXIMUM_MINOR, rule: 'NL_WIK_MAXIMUM' };
  return { amountMinor: divideRounded(weighted, perWhole), rule: 'NL_WIK_SCALE' };
}

/**
 * The Swedish reminder fee for one written reminder: 60 kr only when agreed at the latest when the debt
 * arose, and never on an invoice that carries the 450 kr förseningsersättning (which comes "instead of"
 * the ordinary collection fees, IMY). 0 otherwise.
 */
export function swedishReminderFee(input: { readonly agreedInAdvance: boolean; readonly invoiceCarriesForseningsersattning: boolean }): number {
  return input.agreedInAdvance && !input.invoiceCarriesForseningsersattning ? SE_PAMINNELSEAVGIFT_MAX_MINOR : 0;
}
