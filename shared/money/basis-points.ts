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
  return divideRounded(BigInt(amountMinor) * BigInt(basisPoints), BigInt(BASIS_POINTS_PER_WHOLE));
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
