import { z } from 'zod';
import { RATE_SOURCES } from '../money/exchange-rates';
import { isCurrencyCode } from '../money/money';
import { isIsoDate, type IsoDate } from '../time/iso-date';

/**
 * Exchange rates from the central banks' files (Settings › Exchange rates; electron/main/rates/): the main
 * process asks which file, reads and checks it and hands back the rates the store needs; the data worker
 * stores them. Rates stay decimal strings across IPC, so not a digit changes on the way.
 */
const dateSchema = z.string().refine(isIsoDate, 'Not a YYYY-MM-DD date').transform((value) => value as IsoDate);
const currencySchema = z.string().refine(isCurrencyCode, 'Not an ISO 4217 currency');

export const exchangeRateSchema = z.strictObject({
  date: dateSchema,
  base: currencySchema,
  quote: currencySchema,
  rate: z.string().regex(/^\d{1,9}(?:\.\d{1,12})?$/).refine((rate) => !/^0*(?:\.0*)?$/.test(rate), 'a positive rate'),
  source: z.enum(RATE_SOURCES),
});

export const rateFileReadingSchema = z.strictObject({
  file: z.string(),
  format: z.enum(['ecb-xml', 'ecb-csv', 'riksbank-json', 'boe-csv']),
  source: z.enum(RATE_SOURCES),
  rates: z.array(exchangeRateSchema).max(1_000_000),
  skippedCurrencies: z.array(z.string().max(3)).max(500),
  firstDate: dateSchema,
  lastDate: dateSchema,
});

export const ratesContract = {
  /** Asks which rates file to import and reads it; null when the user cancels. Only the rates of `currencies` (and the pivots) come back. */
  ratesImportFile: {
    request: z.strictObject({ currencies: z.array(currencySchema).max(300) }),
    response: z.strictObject({ reading: rateFileReadingSchema.nullable() }),
  },
} as const;

export type RateFileReadingDto = z.output<typeof rateFileReadingSchema>;
