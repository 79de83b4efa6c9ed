import type { IsoDate } from '../../../../shared/time/iso-date';

/** One row of the report's tables: a country or a debtor, amounts in minor units of the report currency. */
export interface AgeingReportRow {
  readonly label: string; // debtor name or country name, already translated
  readonly detail?: string; // e.g. customer code · country for debtors
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly bucketsMinor: readonly number[]; // same length as bucketLabels
  readonly maxDaysOverdue?: number;
  readonly riskScore?: number; // 0-100, higher = riskier
}

export interface AgeingReportData {
  readonly asOf: IsoDate;
  readonly generatedAt: string; // ISO 8601 instant
  readonly currency: string; // ISO 4217, all amounts are in it
  readonly bucketLabels: readonly string[]; // translated, e.g. "Not due", "1–30 days", ...
  readonly totals: AgeingReportRow; // the whole portfolio
  readonly kpis: readonly { readonly label: string; readonly value: string }[]; // already formatted, e.g. DSO, ADD, CEI
  readonly byCountry: readonly AgeingReportRow[];
  readonly byCurrency: readonly AgeingReportRow[]; // label = currency code + name; amounts converted to `currency`
  readonly debtors: readonly AgeingReportRow[]; // every debtor with open items, largest open first (can be 20,000 rows)
  /** Open amounts in currencies without a rate, each in its own currency: left out of every converted figure above. */
  readonly unconverted?: readonly { readonly amountMinor: number; readonly currency: string }[];
}

/** Every text of the report, already translated by the caller (the report module itself has no i18n). */
export interface AgeingReportText {
  /** `subtitle` is also printed in every page's footer, so it should carry the as-of date. */
  readonly title: string;
  readonly subtitle: string; // e.g. "Ageing report" / "As of 24 November 2026 · amounts in EUR"
  readonly generated: string; // e.g. "Generated 24 Nov 2026, 10:15"
  readonly summaryHeading: string;
  readonly countryHeading: string;
  readonly currencyHeading: string;
  readonly debtorHeading: string;
  readonly columns: { readonly name: string; readonly open: string; readonly overdue: string; readonly daysOverdue: string; readonly risk: string };
  readonly totalLabel: string;
  readonly page: (page: number, pages: number) => string; // "Page 1 of 3"
  /** The line under the title when amounts could not be converted, e.g. "£14,845.00 + 125 000,00 kr not converted". */
  readonly notConverted?: string;
}

/** Formats numbers in the reader's locale; `money` takes minor units of the report currency. */
export interface ReportFormat {
  money(minor: number): string;
  number(value: number): string;
}
