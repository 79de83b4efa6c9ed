/**
 * ISO 7064 MOD 97-10, the check behind IBANs (ISO 13616) and RF creditor references (ISO 11649): letters
 * count as 10–35, and the remainder is computed digit by digit so that long references need no BigInt.
 */
export function mod97(text: string): number {
  let remainder = 0;
  for (const character of text) {
    const value = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Two check digits that make `text` + check (moved to the front, as IBAN and RF place them) ≡ 1 mod 97. */
export function mod97CheckDigits(textWithZeroCheck: string): string {
  return String(98 - mod97(textWithZeroCheck)).padStart(2, '0');
}
