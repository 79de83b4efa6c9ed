import type { ExchangeRate, RateSource } from '../../../shared/money/exchange-rates';

/** The files Kredo reads rates from. */
export type RateFileFormat = 'ecb-xml' | 'ecb-csv' | 'riksbank-json' | 'boe-csv';

/** What a rates file holds, checked: every rate dated, positive, exact, and with its source. */
export interface ParsedRates {
  readonly format: RateFileFormat;
  readonly source: RateSource;
  readonly rates: readonly ExchangeRate[];
}

/**
 * Adds a rate once per pair and date: the same value repeated is harmless, another value for the same
 * day means the file contradicts itself and is refused by the caller.
 */
export function rateKey(rate: Pick<ExchangeRate, 'base' | 'quote' | 'date'>): string {
  return `${rate.base}>${rate.quote}@${rate.date}`;
}
