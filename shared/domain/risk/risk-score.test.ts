import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../time/iso-date';
import type { InsurerGrade } from '../debtors/debtor';
import type { DebtorSummary } from '../summaries/debtor-summary';
import { testSummary as summaryOf } from '../summaries/test-summary';
import { RISK_FACTOR_MAX, scoreDebtorRisk, type RiskFactorId } from './risk-score';

const ASOF = '2026-11-24' as IsoDate;

const grade = (value: number): InsurerGrade => ({ scale: 'allianz-trade', value, updatedOn: ASOF });
const pointsOf = (summary: DebtorSummary, id: RiskFactorId, insurerGrade?: InsurerGrade) => scoreDebtorRisk(summary, insurerGrade).factors.find((factor) => factor.id === id)!.points;

describe('the risk score', () => {
  it('scores a good payer with a good grade and room under the limit as low risk', () => {
    const risk = scoreDebtorRisk(summaryOf({ open: 100_000, limit: 1_000_000, yearLate: [1, 500_000], recentLate: [0, 100_000] }), grade(2));
    expect(risk.band).toBe('low');
    expect(risk.score).toBeLessThan(10);
  });

  it('scores a debtor far overdue, paying ever later, badly graded and over its limit as critical', () => {
    const risk = scoreDebtorRisk(summaryOf({ open: 1_500_000, overdue: 1_200_000, maxDaysOverdue: 120, limit: 1_000_000, disputed: 300_000, yearLate: [20, 800_000], recentLate: [45, 200_000] }), grade(9));
    expect(risk.band).toBe('critical');
    expect(risk.score).toBeGreaterThanOrEqual(75);
  });

  it('explains itself: the factors add up to the score, each within its maximum, largest first', () => {
    const risk = scoreDebtorRisk(summaryOf({ open: 500_000, overdue: 250_000, maxDaysOverdue: 45, limit: 600_000, disputed: 50_000, yearLate: [10, 100_000], recentLate: [16, 50_000] }), grade(6));
    expect(risk.factors.reduce((sum, factor) => sum + factor.points, 0)).toBe(risk.score);
    for (const factor of risk.factors) expect(factor.points).toBeLessThanOrEqual(RISK_FACTOR_MAX[factor.id]);
    expect(risk.factors.map((factor) => factor.points)).toEqual([...risk.factors.map((factor) => factor.points)].sort((a, b) => b - a));
    expect(Object.values(RISK_FACTOR_MAX).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('counts how much is overdue and how old the oldest overdue item is', () => {
    expect(pointsOf(summaryOf({ open: 100_000 }), 'overdue')).toBe(0);
    // Half overdue (8 of 15) and 1–30 days (3).
    expect(pointsOf(summaryOf({ open: 100_000, overdue: 50_000, maxDaysOverdue: 10 }), 'overdue')).toBe(11);
    // All overdue (15) and more than 90 days (15): the maximum.
    expect(pointsOf(summaryOf({ open: 100_000, overdue: 100_000, maxDaysOverdue: 91 }), 'overdue')).toBe(30);
  });

  it('weighs recent lateness and a worsening trend, and holds nothing against a debtor who never paid yet', () => {
    expect(pointsOf(summaryOf({ open: 100_000 }), 'paymentTrend')).toBe(0);
    const steady = pointsOf(summaryOf({ yearLate: [15, 100_000], recentLate: [15, 30_000] }), 'paymentTrend');
    const worsening = pointsOf(summaryOf({ yearLate: [15, 100_000], recentLate: [29, 30_000] }), 'paymentTrend');
    expect(steady).toBe(9);
    expect(worsening).toBeGreaterThan(steady + 7);
    // No payments in the last 90 days: the year's figure stands in.
    expect(pointsOf(summaryOf({ yearLate: [15, 100_000] }), 'paymentTrend')).toBe(9);
  });

  it('reads the insurer grade on the 1–10 scale, and an unknown grade as the middle', () => {
    expect(pointsOf(summaryOf({}), 'insurerGrade', grade(1))).toBe(0);
    expect(pointsOf(summaryOf({}), 'insurerGrade', grade(10))).toBe(20);
    expect(pointsOf(summaryOf({}), 'insurerGrade')).toBe(10);
  });

  it('scores utilisation from half the limit, over-limit harder, and exposure without a limit as uncovered', () => {
    expect(pointsOf(summaryOf({ open: 400_000, limit: 1_000_000 }), 'utilisation')).toBe(0);
    expect(pointsOf(summaryOf({ open: 1_000_000, limit: 1_000_000 }), 'utilisation')).toBe(8);
    expect(pointsOf(summaryOf({ open: 1_500_000, limit: 1_000_000 }), 'utilisation')).toBe(15);
    expect(pointsOf(summaryOf({ open: 10_000 }), 'utilisation')).toBe(15);
    expect(pointsOf(summaryOf({}), 'utilisation')).toBe(0);
  });

  it('gives any dispute weight, and a large disputed share the full ten points', () => {
    expect(pointsOf(summaryOf({ open: 1_000_000 }), 'disputes')).toBe(0);
    expect(pointsOf(summaryOf({ open: 1_000_000, disputed: 1_000 }), 'disputes')).toBe(2);
    expect(pointsOf(summaryOf({ open: 1_000_000, disputed: 600_000 }), 'disputes')).toBe(10);
  });
});
