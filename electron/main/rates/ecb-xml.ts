import type { ExchangeRate } from '../../../shared/money/exchange-rates';
import { parseSafeXml, type XmlNode, type XmlValue } from '../import/safe-xml';
import type { ParsedRates } from './parsed-rates';
import { RateFileError } from './rate-file-error';
import { CURRENCY_LIKE, checkedDate, checkedRate } from './rate-text';

const asList = (value: XmlValue | undefined): XmlNode[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((item): item is XmlNode => typeof item === 'object' && !Array.isArray(item));

/**
 * The ECB's euro foreign exchange reference rates as XML: `eurofxref-daily.xml` (one day), and
 * `eurofxref-hist-90d.xml` / `eurofxref-hist.xml` (many) in the same shape. A gesmes:Envelope holds one
 * outer Cube, which holds a Cube per day (`time='2026-11-24'`), which holds a Cube per currency
 * (`currency='SEK' rate='11.0515'`): 1 EUR in that currency.
 */
export function parseEcbXml(text: string, file: string): ParsedRates {
  const root = parseSafeXml(text, file, new Set(['Cube']));
  const envelope = root['Envelope'];
  if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope)) throw new RateFileError('notRates', { file });
  const rates: ExchangeRate[] = [];
  for (const outer of asList((envelope as XmlNode)['Cube'])) {
    for (const day of asList(outer['Cube'])) {
      const time = day['@time'];
      if (typeof time !== 'string') throw new RateFileError('notRates', { file });
      const date = checkedDate(time, file);
      for (const entry of asList(day['Cube'])) {
        const currency = entry['@currency'];
        const rate = entry['@rate'];
        if (typeof currency !== 'string' || !CURRENCY_LIKE.test(currency) || typeof rate !== 'string') throw new RateFileError('notRates', { file });
        rates.push({ date, base: 'EUR', quote: currency, rate: checkedRate(rate, { file, date, currency }), source: 'ecb' });
      }
    }
  }
  if (rates.length === 0) throw new RateFileError('noRates', { file });
  return { format: 'ecb-xml', source: 'ecb', rates };
}
