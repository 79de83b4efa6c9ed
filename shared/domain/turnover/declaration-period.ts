import { addDays, endOfMonth, startOfMonth, type IsoDate } from '../../time/iso-date';

/**
 * The period a turnover (sales) declaration covers (insurer-apis.md §2.1 `turnoverDeclarationFrequency`:
 * monthly or quarterly, as the policy says). A period is named the way the canonical API takes it (§3.2:
 * `"2025-03"`) and, for a quarter, `"2025-Q1"`; it runs from its first to its last calendar day, both included.
 */
export const DECLARATION_FREQUENCIES = ['monthly', 'quarterly'] as const;
export type DeclarationFrequency = (typeof DECLARATION_FREQUENCIES)[number];

export interface DeclarationPeriod {
  /** `YYYY-MM` for a month, `YYYY-Qn` for a quarter. */
  readonly id: string;
  readonly frequency: DeclarationFrequency;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export const PERIOD_ID = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/** The period a name stands for; undefined for anything that is not a month or quarter name. */
export function parsePeriod(id: string): DeclarationPeriod | undefined {
  const match = PERIOD_ID.exec(id);
  if (!match) return undefined;
  const year = match[1]!;
  if (match[2] !== undefined) {
    const from = `${year}-${match[2]}-01` as IsoDate;
    return { id, frequency: 'monthly', from, to: endOfMonth(from) };
  }
  const firstMonth = (Number(match[3]) - 1) * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01` as IsoDate;
  return { id, frequency: 'quarterly', from, to: addDays(startOfMonth(from, 3), -1) };
}

/** The month or quarter `date` falls in. */
export function periodOf(date: IsoDate, frequency: DeclarationFrequency): DeclarationPeriod {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return parsePeriod(frequency === 'monthly' ? `${year}-${date.slice(5, 7)}` : `${year}-Q${Math.ceil(month / 3)}`)!;
}

/**
 * The periods a controller may declare on `today`, newest first: the last `count` periods that have ended
 * (a period still running cannot be declared yet — its turnover is not known).
 */
export function declarablePeriods(today: IsoDate, frequency: DeclarationFrequency, count: number): DeclarationPeriod[] {
  const periods: DeclarationPeriod[] = [];
  let current = periodOf(today, frequency);
  while (periods.length < count) {
    current = periodOf(addDays(current.from, -1), frequency);
    periods.push(current);
  }
  return periods;
}

/** Whether a business date lies in the period (both ends included). */
export function inPeriod(period: DeclarationPeriod, date: IsoDate): boolean {
  return date >= period.from && date <= period.to;
}
