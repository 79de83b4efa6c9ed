/**
 * Percentages on money are kept in basis points (1 % = 100 bp), so "90 % insured" is the integer 9000 and
 * never a float. Multiplying is done with BigInt: an amount of up to 2^53 minor units times 10,000 would
 * lose precision as a double.
 */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/** `amountMinor × basisPoints / 10,000`, rounded half away from zero to a whole minor unit. */
export function applyBasisPoints(amountMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(amountMinor) || !Number.isSafeInteger(basisPoints)) {
    throw new RangeError('applyBasisPoints needs whole minor units and whole basis points');
  }
  const product = amountMinor * basisPoints;
  // Exact in a double while the product stays below 2^51: the common case, without BigInt (a tier-L refresh does this 20,000 times).
  if (Math.abs(product) <= EXACT_IN_DOUBLE) return divideRoundedExact(product, BASIS_POINTS_PER_WHOLE);
  return divideRounded(BigInt(amountMinor) * BigInt(basisPoints), BigInt(BASIS_POINTS_PER_WHOLE));
}

/**
 * The largest magnitude for which `divideRoundedExact` is exact: `2n + d` must stay an integer a double holds
 * exactly (below 2^53), with `n` and `d` both at most 2^51.
 */
export const EXACT_IN_DOUBLE = 2 ** 51;

/**
 * `divideRounded` for whole numbers of magnitude at most EXACT_IN_DOUBLE (the caller checks), in doubles:
 * the same result, since every step is exact — the remainder `%` of two such integers is exact, and so is
 * the division of a multiple of the divisor by it.
 */
export function divideRoundedExact(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('Division by zero');
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const scaled = n * 2 + d;
  const divisor = d * 2;
  const quotient = (scaled - (scaled % divisor)) / divisor;
  return negative ? -quotient || 0 : quotient;
}

/** `numerator / denominator` rounded half away from zero (the commercial rounding of invoices). */
export function divideRounded(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  const result = Number(negative ? -quotient : quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError('Amount out of range');
  return result;
}
