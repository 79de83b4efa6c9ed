/**
 * The Dutch betalingskenmerk (structured payment reference, formerly on the acceptgiro), as specified by
 * the Betaalvereniging: 7 digits without a check, or 9–14 digits as check digit C + length code L + data,
 * or 16 digits as C + 15 data digits. C is a weighted modulus 11 over everything after it, weights
 * 2, 4, 8, 5, 10, 9, 7, 3, 6, 1 from the right (powers of 2 mod 11); 10 becomes 1 and 11 becomes 0.
 */
const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1];

function checkDigit(afterCheck: string): number {
  let sum = 0;
  for (let index = 0; index < afterCheck.length; index += 1) {
    sum += Number(afterCheck[afterCheck.length - 1 - index]) * WEIGHTS[index % WEIGHTS.length]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 1 : check === 11 ? 0 : check;
}

export function isValidBetalingskenmerk(reference: string): boolean {
  const digits = reference.replace(/\s/g, '');
  if (!/^\d+$/.test(digits)) return false;
  if (digits.length === 7) return true;
  if (digits.length === 16) return Number(digits[0]) === checkDigit(digits.slice(1));
  if (digits.length >= 9 && digits.length <= 14) {
    const lengthCode = Number(digits[1]);
    return lengthCode === (digits.length - 2) % 10 && Number(digits[0]) === checkDigit(digits.slice(1));
  }
  return false;
}

/** The 16-digit form Kredo prints on its own letters: a check digit and 15 digits of the given number. */
export function createBetalingskenmerk(base: string): string {
  if (!/^\d{1,15}$/.test(base)) throw new RangeError('A betalingskenmerk base is 1–15 digits');
  const data = base.padStart(15, '0');
  return `${checkDigit(data)}${data}`;
}

/** Groups of four, as printed on invoices and in banking apps: 5000 0567 8901 2345. */
export function formatBetalingskenmerk(reference: string): string {
  return reference.replace(/\s/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}
