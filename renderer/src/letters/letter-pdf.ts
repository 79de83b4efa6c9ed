import { loadPdfMake } from '../documents/load-pdfmake';
import type { DunningLetterInput } from './dunning-letter';
import { buildLetterContent, type LetterContent } from './letter-content';
import { letterDocument } from './letter-document';
import { letterTranslator } from './letter-translator';

/**
 * A dunning letter as PDF bytes (A4 portrait), in the letter's own language. Needs no DOM, so it runs in
 * the data worker like the ageing report; pdfmake and its fonts are loaded on the first call.
 */
export async function buildLetterPdf(input: DunningLetterInput): Promise<Uint8Array> {
  return letterPdfFromContent(buildLetterContent(input, letterTranslator(input.language)));
}

/** The PDF of content already built, for a caller that also writes the e-mail from the same content. */
export async function letterPdfFromContent(content: LetterContent): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const buffer = await pdfMake.createPdf(letterDocument(content)).getBuffer();
  // pdfmake hands back its own Buffer class; callers get a plain view of the same bytes.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
