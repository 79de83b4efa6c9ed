import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a PDF — a file Kredo saved, or an attachment as the mail server received it — read back with pdf.js. */
export async function pdfText(source: string | Uint8Array): Promise<string> {
  const data = typeof source === 'string' ? new Uint8Array(await readFile(source)) : new Uint8Array(source);
  const pdf = await getDocument({ data, isEvalSupported: false, disableFontFace: true }).promise;
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, async (_, index) => (await (await pdf.getPage(index + 1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ')));
  return pages.join(' ').replace(/\s+/g, ' ');
}
