const formatters = new Map<string, Intl.NumberFormat>();

function cached(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A count or measure (days, invoices, a score) in the locale's digits and separators. */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return cached(locale, { maximumFractionDigits }).format(value);
}

/** A ratio as a percentage: 0.875 → "87,5 %" in nl-NL and sv-SE, "87.5%" in en-GB. */
export function formatPercent(ratio: number, locale: string, maximumFractionDigits = 1): string {
  return cached(locale, { style: 'percent', maximumFractionDigits }).format(ratio);
}

/** A file size in megabytes with the locale's unit style: "12.3 MB", "12,3 MB". */
export function formatMegabytes(bytes: number, locale: string): string {
  return cached(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

/** Basis points as an exact decimal ratio string (1015 → "0.1015"), so Intl never sees a rounded float. */
export function basisPointsAsRatio(basisPoints: number): `${number}` {
  if (!Number.isSafeInteger(basisPoints)) throw new RangeError(`Basis points must be whole: ${basisPoints}`);
  const sign = basisPoints < 0 ? '-' : '';
  const digits = String(Math.abs(basisPoints)).padStart(5, '0');
  return `${sign}${digits.slice(0, -4)}.${digits.slice(-4)}` as `${number}`;
}

/** A yearly rate in basis points as a percentage, exact to the basis point: 1015 → "10.15%", "10,15 %". */
export function formatBasisPoints(basisPoints: number, locale: string): string {
  return cached(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPointsAsRatio(basisPoints));
}
