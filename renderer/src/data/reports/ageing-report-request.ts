import type { IsoDate } from '../../../../shared/time/iso-date';
import type { AgeingReportData, AgeingReportText } from '../../documents/ageing-report/ageing-report-data';

/**
 * What the UI sends the data worker to make the PDF ageing report: only data that survives postMessage
 * (strings, not functions), already translated. The worker reads the figures from the store itself.
 */
export interface AgeingReportRequest {
  readonly today: IsoDate;
  readonly generatedAt: string;
  /** The Intl locale amounts and numbers are written in, such as sv-SE. */
  readonly formatLocale: string;
  readonly text: Omit<AgeingReportText, 'page'> & {
    /** "Page {{page}} of {{pages}}" with the placeholders left in. */
    readonly pageTemplate: string;
    /** "{{amounts}} not converted", the placeholder left in: printed under the totals when a currency has no rate. */
    readonly notConvertedTemplate?: string;
    /** What a debtor whose country is not known (ZZ) is listed under. */
    readonly unknownCountry: string;
    /** "{{count}} other debtor(s)" in the language's plural forms, the placeholder left in. */
    readonly otherDebtorsTemplates: { readonly one: string; readonly other: string };
  };
  readonly bucketLabels: readonly string[];
  readonly kpis: AgeingReportData['kpis'];
}
