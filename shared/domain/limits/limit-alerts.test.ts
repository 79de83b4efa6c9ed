import { describe, expect, it } from 'vitest';
import { generatePolicy } from '../../generator/generate-portfolio';
import type { IsoDate } from '../../time/iso-date';
import { testSummary } from '../summaries/test-summary';
import { limitAlerts, requestTypeFor, roundUpToThousand } from './limit-alerts';

// The demo policy: discretionary limits up to €25,000; the sandbox insurer caps cover at €5 million a buyer.
const policy = { ...generatePolicy('2026-11-24' as IsoDate), maxCoverPerBuyerMinor: 500_000_000 };

describe('limit alerts', () => {
  it('flags exposure above the limit and exposure without insurer cover, largest shortfall first, with the limit worth asking for', () => {
    const alerts = limitAlerts(
      [
        testSummary({ debtorId: 'covered', open: 900_000, limit: 1_000_000 }),
        testSummary({ debtorId: 'over', open: 1_234_567, limit: 1_000_000 }),
        testSummary({ debtorId: 'bare', open: 2_000_001 }),
        testSummary({ debtorId: 'nothing-owed' }),
      ],
      policy,
    );
    expect(alerts.map((alert) => [alert.debtorId, alert.kind, alert.shortfallMinor, alert.suggestedMinor, alert.requestType])).toEqual([
      // €20,000.01 without cover: ask for €21,000, a new limit.
      ['bare', 'uninsured', 2_000_001, 2_100_000, 'NEW'],
      // €12,345.67 against €10,000: €2,345.67 over, ask to increase to €13,000.
      ['over', 'overLimit', 234_567, 1_300_000, 'INCREASE'],
    ]);
  });

  it('says when an own discretionary limit would do instead (up to the policy ceiling of €25,000)', () => {
    const [small, large] = limitAlerts([testSummary({ debtorId: 'small', open: 2_500_000 }), testSummary({ debtorId: 'large', open: 2_500_001 })], policy).sort((a, b) => a.suggestedMinor - b.suggestedMinor);
    expect(small).toMatchObject({ suggestedMinor: 2_500_000, withinDiscretionary: true });
    expect(large).toMatchObject({ suggestedMinor: 2_600_000, withinDiscretionary: false });
  });

  it('leaves out a debtor whose request is already with the insurer, and caps the suggestion at the policy maximum', () => {
    const pending = { ...testSummary({ debtorId: 'pending', open: 5_000_000 }), limitState: 'PENDING' as const };
    const huge = testSummary({ debtorId: 'huge', open: 900_000_000 });
    expect(limitAlerts([pending, huge], policy).map((alert) => [alert.debtorId, alert.suggestedMinor])).toEqual([['huge', 500_000_000]]);
  });
});

describe('the request type', () => {
  it('is NEW without insurer cover, otherwise an increase or a reduction of the cover in force', () => {
    expect(requestTypeFor('NONE', 0, 1_000_000)).toBe('NEW');
    expect(requestTypeFor('REFUSED', 0, 1_000_000)).toBe('NEW');
    expect(requestTypeFor('DISCRETIONARY', 2_000_000, 3_000_000)).toBe('NEW');
    expect(requestTypeFor('APPROVED', 2_000_000, 3_000_000)).toBe('INCREASE');
    expect(requestTypeFor('REDUCED', 2_000_000, 1_000_000)).toBe('REDUCE');
  });

  it('rounds amounts up to whole thousands, exactly', () => {
    expect(roundUpToThousand(0, 100)).toBe(0);
    expect(roundUpToThousand(1, 100)).toBe(100_000);
    expect(roundUpToThousand(100_000, 100)).toBe(100_000);
    expect(roundUpToThousand(1_000, 1)).toBe(1_000);
  });
});
