import { validPaymentReferenceSchemes } from '../domain/references/letter-payment-reference';

/**
 * Candidate references in remittance text: every word that could be an invoice number, a betalingskenmerk,
 * an OCR or an RF reference. Payers write them with spaces in groups ("5000 0567 8901 2345",
 * "RF18 5390 0754 7034"), so such groups are joined first. Candidates are only ever looked up against the
 * references and invoice numbers Kredo holds, so a stray number cannot match anything that does not exist.
 */
export function remittanceTokens(text: string): string[] {
  const upper = text.toUpperCase();
  const joined = upper
    .replace(/\bRF\d{2}(?:\s?[A-Z0-9]{1,4}){1,6}\b/g, (reference) => reference.replace(/\s/g, ''))
    .replace(/\b\d{4}(?:\s\d{4}){2,5}\b/g, (digits) => digits.replace(/\s/g, ''));
  const tokens = new Set<string>();
  const add = (raw: string) => {
    const token = raw.replace(/^[./#-]+|[./#-]+$/g, '');
    if (token.length >= 4 && /\d/.test(token)) tokens.add(token);
  };
  for (const raw of joined.split(/[\s,;:()[\]"'+]+/)) {
    // Some invoice numbers contain a slash (2026/0101); bank texts also use it as a field separator
    // (/INV/2026-0101): offer both the whole word and its parts.
    add(raw);
    for (const part of raw.split('/')) add(part);
  }
  // A group join cannot tell where a reference ends and the next word begins ("RF34 0000 0042 DANK U",
  // "5000 0567 8901 2345 2026"): a shorter join that stops at a group boundary is a candidate too, when its
  // check digits hold (letter-payment-reference.ts), so that what a payer typed after it does not hide it.
  for (const [groups, minimum] of GROUPED_REFERENCES) {
    for (const found of upper.matchAll(groups)) {
      const parts = found[0].split(/\s+/);
      for (let count = minimum; count < parts.length; count += 1) {
        const candidate = parts.slice(0, count).join('');
        if (validPaymentReferenceSchemes(candidate).length > 0) tokens.add(candidate);
      }
    }
  }
  return [...tokens];
}

const GROUPED_REFERENCES = [
  [/\bRF\d{2}(?:\s[A-Z0-9]{1,4}){1,6}\b/g, 2],
  [/\b\d{4}(?:\s\d{4}){2,5}\b/g, 3],
] as const;

/** How invoice numbers and references are compared: case and spaces do not matter. */
export function normaliseReference(reference: string): string {
  // Most are digits and capitals already: checking is cheaper than making a new string (this runs for
  // every open invoice when bank lines are matched).
  for (let index = 0; index < reference.length; index += 1) {
    const code = reference.charCodeAt(index);
    if (code <= 32 || (code >= 97 && code <= 122) || code > 127) return reference.replace(/\s/g, '').toUpperCase();
  }
  return reference;
}

const LEGAL_FORMS = /\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|holding|ab|handelsbolag|hb|ltd|limited|plc|llp|gmbh)\b/g;

/** Company names as a bank writes them ("BAKKER BOUW BV") and as the ledger does ("Bakker Bouw B.V."). */
export function normaliseCompanyName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(LEGAL_FORMS, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
