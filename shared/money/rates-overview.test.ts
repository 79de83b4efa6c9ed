import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../time/iso-date';
import { ratesOverview } from './rates-overview';

const d = (value: string) => value as IsoDate;

describe('the rates overview', () => {
  it('lists, per currency Kredo has amounts in, the dates it cannot be converted on', () => {
    const overview = ratesOverview({
      rates: [
        { date: d('2026-10-30'), base: 'EUR', quote: 'SEK', rate: '10.9840', source: 'ecb' },
        { date: d('2026-11-24'), base: 'EUR', quote: 'SEK', rate: '11.0515', source: 'ecb' },
        { date: d('2026-08-03'), base: 'EUR', quote: 'GBP', rate: '0.8600', source: 'manual' },
      ],
      policyCurrency: 'EUR',
      currencies: ['EUR', 'SEK', 'GBP', 'USD'],
      dates: [d('2026-07-31'), d('2026-09-30'), d('2026-10-31'), d('2026-11-24')],
      today: d('2026-11-24'),
    });
    expect(overview.missing).toEqual([
      { currency: 'GBP', dates: ['2026-07-31'], latest: '2026-08-03' },
      { currency: 'SEK', dates: ['2026-09-30', '2026-07-31'], latest: '2026-11-24' },
      { currency: 'USD', dates: ['2026-11-24', '2026-10-31', '2026-09-30', '2026-07-31'], latest: undefined },
    ]);
    // The August GBP rate still converts today, but it is 113 days old.
    expect(overview.stale).toEqual([{ currency: 'GBP', rateDate: '2026-08-03', ageDays: 113 }]);
    expect(overview.pairs.map((pair) => [pair.base, pair.quote, pair.latest.rate, pair.latest.source, pair.first, pair.count])).toEqual([
      ['EUR', 'GBP', '0.8600', 'manual', '2026-08-03', 1],
      ['EUR', 'SEK', '11.0515', 'ecb', '2026-10-30', 2],
    ]);
  });
});
