/**
 * The forms one bank account is written in across bank files, so a line from one format can be recognised
 * in another. The same ABN AMRO account is `NL91ABNA0417164300` in a CAMT.053 statement and `417164300` in
 * the bank's MT940; a Swedish account is an IBAN in ISO 20022 files and clearing + account number in
 * Bankgirot's BgMax (TK15), where the bankgiro number (TK05) names it too.
 *
 * - An IBAN gives itself and, for NL and SE, its domestic account number: NL's BBAN is a 4-letter bank code
 *   and 10 digits (the account number with leading zeros); SE's is a 3-digit bank code and 17 digits
 *   holding clearing and account number with leading zeros (Svenska Bankföreningen, "IBAN och BIC").
 * - A bankgiro number (`BG` + digits, Kredo's form) gives itself.
 * - A domestic number of digits gives its digits without leading zeros.
 * Two accounts are the same when they share a key.
 */
export function accountKeys(account: string): string[] {
  const compact = compactAccount(account);
  if (compact === '') return [];
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact)) {
    const country = compact.slice(0, 2);
    if (country === 'NL' && /^NL\d{2}[A-Z]{4}\d{10}$/.test(compact)) return [compact, stripZeros(compact.slice(8))];
    if (country === 'SE' && /^SE\d{22}$/.test(compact)) return [compact, stripZeros(compact.slice(7))];
    return [compact];
  }
  if (/^BG\d{7,8}$/.test(compact)) return [compact];
  if (/^\d+$/.test(compact)) return [stripZeros(compact)];
  return [compact];
}

/** An account as Kredo compares it: capitals, without spaces, dashes, dots or slashes. */
export function compactAccount(account: string): string {
  return account.toUpperCase().replace(/[\s./-]/g, '');
}

/** A bankgiro number in Kredo's account form (`BG` + its 7 or 8 digits), from any way it is written. */
export function bankgiroAccount(number: string): string {
  const digits = stripZeros(number.replace(/\D/g, ''));
  return digits === '' ? '' : `BG${digits}`;
}

function stripZeros(digits: string): string {
  let start = 0;
  while (start < digits.length - 1 && digits[start] === '0') start += 1;
  return digits.slice(start);
}
