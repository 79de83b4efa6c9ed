import { describe, expect, it } from 'vitest';
import { autoLimitMinor, automaticDecision, underwriterDecision, type DecisionInput } from './decision-engine';
import { parseDuration } from './virtual-clock';

const EUR = 100;
const input = (grade: number, units: number, extra: Partial<DecisionInput> = {}): DecisionInput => ({ grade, amountMinor: units * EUR, minorPerUnit: EUR, creditTermsDays: 60, maxCreditPeriodDays: 120, hasComment: false, ...extra });

describe('sandbox decision engine', () => {
  it('approves within the grade\'s automatic appetite and refers above it', () => {
    expect(autoLimitMinor(3, EUR)).toBe(250_000 * EUR);
    expect(automaticDecision(input(3, 250_000))).toMatchObject({ kind: 'decided', status: 'APPROVED', permanentMinor: 250_000 * EUR });
    expect(automaticDecision(input(3, 251_000))).toEqual({ kind: 'referred' });
  });

  it('gives grades 7–8 half, in whole thousands and never less than one thousand', () => {
    expect(automaticDecision(input(7, 25_000))).toMatchObject({ status: 'PARTIALLY_APPROVED', permanentMinor: 12_000 * EUR });
    expect(automaticDecision(input(8, 1_000))).toMatchObject({ status: 'PARTIALLY_APPROVED', permanentMinor: 1_000 * EUR });
  });

  it('refuses grades 9–10 outright, even for the smallest amount', () => {
    expect(automaticDecision(input(9, 1_000))).toMatchObject({ status: 'REFUSED', permanentMinor: 0, reasons: [{ code: 'GRADE' }] });
  });

  it('never decides automatically with a comment or terms beyond the policy', () => {
    expect(automaticDecision(input(1, 1_000, { hasComment: true }))).toEqual({ kind: 'referred' });
    expect(automaticDecision(input(1, 1_000, { creditTermsDays: 121 }))).toEqual({ kind: 'referred' });
  });

  it('lets an underwriter grant up to twice the appetite, then a permanent part and a temporary tranche', () => {
    expect(underwriterDecision(input(4, 500_000))).toMatchObject({ status: 'APPROVED', permanentMinor: 500_000 * EUR, temporaryMinor: 0 });
    expect(underwriterDecision(input(4, 800_000))).toMatchObject({ status: 'PARTIALLY_APPROVED', permanentMinor: 500_000 * EUR, temporaryMinor: 250_000 * EUR, conditions: [{ code: 'TEMP' }] });
    expect(underwriterDecision(input(6, 300_000))).toMatchObject({ status: 'PARTIALLY_APPROVED', permanentMinor: 200_000 * EUR, temporaryMinor: 0 });
    expect(underwriterDecision(input(2, 10_000, { creditTermsDays: 180 }))).toMatchObject({ status: 'REFUSED', reasons: [{ code: 'TERMS' }] });
  });
});

describe('ISO 8601 durations for the virtual clock', () => {
  it.each([
    ['P30D', 30 * 86_400_000],
    ['PT4H', 4 * 3_600_000],
    ['P1DT12H30M', 86_400_000 + 12.5 * 3_600_000],
    ['P2W', 14 * 86_400_000],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['P', 'PT', 'P1M', 'P1Y', '30D', 'P1DT'])('refuses %s', (text) => expect(parseDuration(text)).toBeUndefined());
});
