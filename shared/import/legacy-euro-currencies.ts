import { divideRounded } from '../money/basis-points';
import { parseRate } from '../money/exchange-rates';

/**
 * The currencies the euro replaced, at their irrevocably fixed conversion rates (Council Regulation (EC)
 * No 2866/98 for the first eleven, 1478/2000 for the drachma, and the later Council decisions for those
 * that joined after). Old statements sometimes still carry a balance in one of them (`:60F:C011231NLG…`);
 * what the bank meant is that amount in euros, converted at the fixed rate and rounded to the cent
 * (Council Regulation (EC) No 1103/97, art. 4 and 5).
 */
const RATES: Readonly<Record<string, string>> = {
  ATS: '13.7603', BEF: '40.3399', DEM: '1.95583', ESP: '166.386', FIM: '5.94573', FRF: '6.55957', IEP: '0.787564', ITL: '1936.27', LUF: '40.3399', NLG: '2.20371', PTE: '200.482',
  GRD: '340.750', SIT: '239.640', CYP: '0.585274', MTL: '0.429300', SKK: '30.1260', EEK: '15.6466', LVL: '0.702804', LTL: '3.45280', HRK: '7.53450',
};

export function isLegacyEuroCurrency(code: string): boolean {
  return Object.hasOwn(RATES, code);
}

/**
 * An amount in a legacy currency, given as its digits and decimals exactly as written (`2203,71` NLG →
 * 220371 with 2 decimals), in euro cents: amount ÷ rate, rounded half away from zero. Exact (BigInt).
 */
export function legacyToEuroCents(code: string, units: bigint, decimals: number): number {
  const rate = RATES[code];
  if (!rate) throw new RangeError(`Not a legacy euro currency: ${code}`);
  const { numerator, denominator } = parseRate(rate);
  // cents = units / 10^decimals ÷ (numerator / denominator) × 100
  return divideRounded(units * 100n * denominator, numerator * 10n ** BigInt(decimals));
}
