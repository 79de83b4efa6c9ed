import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { toIsoDate } from '../../time/iso-date';
import { DEFAULT_AGEING } from '../ageing/ageing-config';
import { receivePayment } from '../ledger/allocate';
import { encodeLedgerChunk } from '../ledger/ledger-chunk';
import { testItem, testLedger } from '../ledger/test-ledger';
import { ageingTrend, trendDates } from './ageing-trend';
import { portfolioAsOf } from './portfolio-as-of';

const d = toIsoDate;

describe('trendDates', () => {
  it('gives the last twelve month-ends before today, oldest first, then today', () => {
    const dates = trendDates(d('2026-11-24'));
    expect(dates).toHaveLength(13);
    expect(dates.slice(0, 4)).toEqual(['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28']);
    expect(dates.slice(-2)).toEqual(['2026-10-31', '2026-11-24']);
  });

  it('does not repeat today when today is a month-end, and knows leap years', () => {
    expect(trendDates(d('2024-03-31'), 2)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });
});

describe('ageingTrend', () => {
  // One Dutch debtor: €300.00 invoiced 2 Jul due 1 Aug, paid on 20 Oct; €200.00 invoiced 1 Oct due 31 Oct, still open.
  const ledger = receivePayment(
    testLedger('N1', [
      testItem('N1', 'A', { invoiceDate: '2026-07-02', dueDate: '2026-08-01', amountMinor: 30_000 }),
      testItem('N1', 'B', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 20_000 }),
    ]),
    { id: 'P1', debtorId: 'N1', date: d('2026-10-20'), currency: 'EUR', amountMinor: 30_000, reference: '', remittance: '', counterpartyName: '', counterpartyIban: '' },
    { targetItemIds: ['N1|A'] },
  );
  const chunks = [encodeLedgerChunk(0, [ledger], ['NL']).numbers];
  const options = { today: d('2026-11-24'), config: DEFAULT_AGEING, rates: new ExchangeRateTable([]), currency: 'EUR' };

  it('ages every month-end as it stood then, from the first invoice on', () => {
    const { points, historyStart } = ageingTrend(chunks, options);
    expect(historyStart).toBe('2026-07-02');
    expect(points.map((point) => point.asOf)).toEqual(['2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-24']);
    expect(points.map((point) => point.bucketsMinor)).toEqual([
      [30_000, 0, 0, 0, 0], // A not yet due
      [0, 30_000, 0, 0, 0], // A 30 days late
      [0, 0, 30_000, 0, 0], // A 60 days late
      [20_000, 0, 0, 0, 0], // A paid on 20 Oct; B due that day
      [0, 20_000, 0, 0, 0], // B 24 days late
    ]);
  });

  it('gives DSO only where the ledgers cover the 90 days before the date', () => {
    const { points, today } = ageingTrend(chunks, options);
    // 31 Jul and 31 Aug: the window reaches back before 2 Jul, where the ledgers begin, so sales may be missing
    // (on 31 Aug the €300.00 sold would give a DSO of 90 days, but it cannot be trusted). 30 Sep: no sales
    // in (2 Jul, 30 Sep]. 31 Oct and today: €200.00 open, €200.00 sold in the window → 90 days.
    expect(points.map((point) => point.dso)).toEqual([undefined, undefined, undefined, 90, 90]);
    expect(today).toEqual(portfolioAsOf(chunks, { ...options, asOf: options.today }));
    expect(points[4]!.dso).toBe(today.dso);
  });

  it('reports its progress date by date', () => {
    const progress: string[] = [];
    ageingTrend(chunks, { ...options, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });
});
