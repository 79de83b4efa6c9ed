import { isCurrencyCode, type CurrencyCode } from '../../money/money';

/**
 * The late-payment laws Kredo computes: the Netherlands (BW 6:119a, WIK), Sweden (räntelagen, lag
 * 1981:739), the United Kingdom (Late Payment of Commercial Debts (Interest) Act 1998; `GB` as in
 * ISO 3166) and the EU Late Payment Directive 2011/7/EU as the generic rule for other member states.
 */
export type LawJurisdiction = 'NL' | 'SE' | 'GB' | 'EU';

export const LAW_JURISDICTIONS: readonly LawJurisdiction[] = ['NL', 'SE', 'GB', 'EU'];

/**
 * The currency each law's fixed amounts are stated in. The WIK scale, the 450 kr and the £40/£70/£100
 * are amounts in that currency; applying them to an invoice in another currency would need a conversion
 * the statutes do not define, so such a claim is refused rather than guessed.
 */
export const JURISDICTION_CURRENCY: Readonly<Record<LawJurisdiction, CurrencyCode>> = {
  NL: 'EUR',
  EU: 'EUR',
  SE: 'SEK',
  GB: 'GBP',
};

export function isLawJurisdiction(value: unknown): value is LawJurisdiction {
  return typeof value === 'string' && (LAW_JURISDICTIONS as readonly string[]).includes(value);
}

/** Throws a RangeError unless `currency` is the currency the jurisdiction's fixed amounts are stated in. */
export function assertJurisdictionCurrency(jurisdiction: LawJurisdiction, currency: CurrencyCode): void {
  if (!isLawJurisdiction(jurisdiction)) throw new RangeError(`Unknown jurisdiction: ${String(jurisdiction)}`);
  if (!isCurrencyCode(currency)) throw new RangeError(`Unknown currency code: ${currency}`);
  const expected = JURISDICTION_CURRENCY[jurisdiction];
  if (currency !== expected) {
    throw new RangeError(`${jurisdiction} amounts are in ${expected}, not ${currency}`);
  }
}
