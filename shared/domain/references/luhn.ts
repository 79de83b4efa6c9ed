/**
 * The Luhn (mod 10) check used by Swedish organisationsnummer, OCR references, Bankgiro and Plusgiro:
 * from the right, every second digit (starting left of the check digit) is doubled, 9 subtracted when the
 * result exceeds 9, and the total must end in 0.
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}
