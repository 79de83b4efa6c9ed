import type { TurnoverLine } from '../../../../../shared/domain/turnover/turnover-declaration';
import type { ExportTable } from '../../../../../shared/export/export-table';

/** The declaration as a file for the insurer's portal (where the dialect has no API for it): one row per country. */
export function turnoverExportTable(input: { readonly title: string; readonly period: string; readonly currency: string; readonly lines: readonly TurnoverLine[]; readonly headers: Readonly<Record<'period' | 'country' | 'countryName' | 'invoices' | 'creditNotes' | 'invoiced' | 'credited' | 'declared', string>>; readonly countryName: (code: string) => string }): ExportTable {
  const { headers, currency } = input;
  return {
    title: input.title,
    columns: [
      { header: headers.period, kind: 'text' },
      { header: headers.country, kind: 'text' },
      { header: headers.countryName, kind: 'text' },
      { header: headers.invoices, kind: 'integer' },
      { header: headers.creditNotes, kind: 'integer' },
      { header: headers.invoiced, kind: 'money', currency },
      { header: headers.credited, kind: 'money', currency },
      { header: headers.declared, kind: 'money', currency },
    ],
    rows: input.lines.map((line) => [input.period, line.country, input.countryName(line.country), line.invoiceCount, line.creditNoteCount, line.invoicedMinor, line.creditedMinor, line.amountMinor]),
  };
}
