import { loadPdfMake } from '../documents/load-pdfmake';
import type { StatementContent } from './statement-content';
import { statementDocument } from './statement-document';

/** A statement of account as PDF bytes (A4 portrait); runs in the data worker like the letters. */
export async function buildStatementPdf(content: StatementContent): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const buffer = await pdfMake.createPdf(statementDocument(content)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
