import type { AgeingReportData, AgeingReportText, ReportFormat } from './ageing-report-data';
import { ageingReportDocument } from './ageing-report-document';
import { loadPdfMake } from '../load-pdfmake';

/**
 * The printable ageing report as PDF bytes (A4 landscape), ready to save or hand to a viewer. Needs no
 * DOM, so it runs in a Web Worker as well as on the main thread; pdfmake is loaded on the first call.
 */
export async function buildAgeingReportPdf(data: AgeingReportData, text: AgeingReportText, format: ReportFormat): Promise<Uint8Array> {
  const document = ageingReportDocument(data, text, format);
  const pdfMake = await loadPdfMake();
  const buffer = await pdfMake.createPdf(document).getBuffer();
  // pdfmake hands back its own Buffer class; callers get a plain view of the same bytes.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
