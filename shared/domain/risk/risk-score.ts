import type { InsurerGrade } from '../debtors/debtor';
import { workingLimit } from '../exposure/exposure';
import { weightedDaysLate } from '../kpi/collection-kpis';
import type { DebtorSummary } from '../summaries/debtor-summary';

/**
 * Kredo's own risk score: 0 (no concern) to 100 (act now), the sum of five factors a controller can check
 * against the ledger, so every point can be explained to a sales director or the insurer. The weights follow
 * the order in which credit-management practice reads the signals: what is overdue now, how payment is
 * trending, what the insurer thinks of the buyer, how much of the limit is used, and whether there are
 * disputes (which block dunning and cover). They are deliberately simple and documented in the README.
 */
export const RISK_FACTORS = ['overdue', 'paymentTrend', 'insurerGrade', 'utilisation', 'disputes'] as const;
export type RiskFactorId = (typeof RISK_FACTORS)[number];

export const RISK_FACTOR_MAX: Readonly<Record<RiskFactorId, number>> = {
  overdue: 30,
  paymentTrend: 25,
  insurerGrade: 20,
  utilisation: 15,
  disputes: 10,
};

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export interface RiskFactor {
  readonly id: RiskFactorId;
  /** Whole points, so the factors add up exactly to the score shown. */
  readonly points: number;
  readonly maxPoints: number;
  /** The figures the points come from, for the explanation (ratios are 0–1, days are days). */
  readonly facts: Readonly<Record<string, number | undefined>>;
}

export interface RiskScore {
  readonly score: number;
  readonly band: RiskBand;
  readonly factors: readonly RiskFactor[];
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/** The figures of a summary the score reads (the Dunning worklist keeps these alone beside each summary chunk). */
export type RiskSummary = Pick<DebtorSummary, 'debtorId' | 'openMinor' | 'overdueMinor' | 'maxDaysOverdue' | 'exposureMinor' | 'limitMinor' | 'internalLimitMinor' | 'disputedMinor' | 'daysLate' | 'daysLateRecent'>;

/** Overdue: how much of the open amount is late (up to 15) and how late the oldest item is (up to 15). */
function overdueFactor(summary: RiskSummary): RiskFactor {
  const share = summary.openMinor > 0 ? summary.overdueMinor / summary.openMinor : 0;
  const days = summary.overdueMinor > 0 ? summary.maxDaysOverdue : 0;
  // The steps match the default ageing buckets (1–30, 31–60, 61–90, > 90 days).
  const agePoints = days <= 0 ? 0 : days <= 30 ? 3 : days <= 60 ? 7 : days <= 90 ? 11 : 15;
  return { id: 'overdue', points: Math.round(share * 15) + agePoints, maxPoints: RISK_FACTOR_MAX.overdue, facts: { share, days } };
}

/**
 * Payment trend: the amount-weighted days late of the last 90 days (up to 18 points at 30 days late) and how
 * much worse that is than the year's (up to 7 points at 14 days worse). Without recent payments the year's
 * figure stands in; without any payments there is nothing to hold against the debtor.
 */
function paymentTrendFactor(summary: RiskSummary): RiskFactor {
  const year = weightedDaysLate(summary.daysLate);
  const recent = weightedDaysLate(summary.daysLateRecent) ?? year;
  if (recent === undefined) return { id: 'paymentTrend', points: 0, maxPoints: RISK_FACTOR_MAX.paymentTrend, facts: { recentDaysLate: undefined, yearDaysLate: undefined } };
  const worsening = year === undefined ? 0 : recent - year;
  const points = Math.round(clamp((recent / 30) * 18, 18) + clamp((worsening / 14) * 7, 7));
  return { id: 'paymentTrend', points, maxPoints: RISK_FACTOR_MAX.paymentTrend, facts: { recentDaysLate: recent, yearDaysLate: year } };
}

/**
 * The insurer's grade on the common 1 (best) to 10 (default) scale, spread over 0–20 points. An unknown
 * grade counts as the middle of the scale: no grade is not good news.
 */
function insurerGradeFactor(grade: InsurerGrade | undefined): RiskFactor {
  const value = grade?.value;
  const points = value === undefined ? 10 : Math.round(((clamp(value, 10) - 1) / 9) * 20);
  return { id: 'insurerGrade', points: Math.max(0, points), maxPoints: RISK_FACTOR_MAX.insurerGrade, facts: { grade: value } };
}

/**
 * Utilisation of the limit: nothing below half, up to 8 points at the limit, 10–15 beyond it (15 at 150 %).
 * Exposure without any limit is uncovered and scores the full 15.
 */
function utilisationFactor(summary: RiskSummary): RiskFactor {
  const base = { id: 'utilisation' as const, maxPoints: RISK_FACTOR_MAX.utilisation };
  // Weighed against the internal limit where the company set one (it decided to carry that much), else the insured.
  const limit = workingLimit(summary);
  if (summary.exposureMinor <= 0) return { ...base, points: 0, facts: { utilisation: undefined, hasLimit: limit > 0 ? 1 : 0 } };
  if (limit <= 0) return { ...base, points: 15, facts: { utilisation: undefined, hasLimit: 0 } };
  const utilisation = summary.exposureMinor / limit;
  const points = utilisation <= 0.5 ? 0 : utilisation <= 1 ? ((utilisation - 0.5) / 0.5) * 8 : 10 + clamp(((utilisation - 1) / 0.5) * 5, 5);
  return { ...base, points: Math.round(points), facts: { utilisation, hasLimit: 1 } };
}

/** Disputes: any dispute scores 2; the disputed share of the open amount scores up to 10 at half. */
function disputesFactor(summary: RiskSummary): RiskFactor {
  const share = summary.openMinor > 0 ? summary.disputedMinor / summary.openMinor : 0;
  const points = summary.disputedMinor > 0 ? Math.max(2, Math.round(clamp(share * 20, 10))) : 0;
  return { id: 'disputes', points, maxPoints: RISK_FACTOR_MAX.disputes, facts: { share } };
}

export function riskBand(score: number): RiskBand {
  if (score >= 75) return 'critical';
  if (score >= 50) return 'high';
  if (score >= 25) return 'medium';
  return 'low';
}

/** The debtor's risk score with its factors, largest contribution first. */
export function scoreDebtorRisk(summary: RiskSummary, grade: InsurerGrade | undefined): RiskScore {
  const factors = [overdueFactor(summary), paymentTrendFactor(summary), insurerGradeFactor(grade), utilisationFactor(summary), disputesFactor(summary)];
  const score = factors.reduce((sum, factor) => sum + factor.points, 0);
  return { score, band: riskBand(score), factors: [...factors].sort((a, b) => b.points - a.points) };
}
