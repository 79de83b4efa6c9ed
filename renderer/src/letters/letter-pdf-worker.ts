/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { LetterContent } from './letter-content';
import { letterPdfFromContent } from './letter-pdf';

/**
 * A dedicated worker that only builds letters' PDFs (letter-pdf-builder.ts starts it for a batch): pdfmake is
 * about half of a run of a hundred reminders (issue 14), and here it runs beside the data worker, which
 * meanwhile stores the letter before. The bytes are those letterPdfFromContent makes anywhere else: the same
 * pdfmake, fonts and layout; they are handed back as a transferable buffer, not copied.
 */
const api = {
  async build(content: LetterContent): Promise<Uint8Array> {
    const view = await letterPdfFromContent(content);
    // pdfmake's buffer may be a view into a larger one: hand over exactly the PDF's bytes.
    const bytes = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : view.slice();
    return transfer(bytes, [bytes.buffer]);
  },
};

export type LetterPdfWorkerApi = typeof api;

/** Whoever started the worker sends the port the batch asks on (the data worker's, when the UI thread started it). */
export interface LetterPdfWorkerStart {
  readonly letterPdfPort: MessagePort;
}

/** Said once the worker answers on its port; letter-pdf-builder.ts waits for it. */
const LETTER_PDF_WORKER_READY = 'kredo-letter-pdfs-ready';

self.addEventListener('message', (event: MessageEvent<Partial<LetterPdfWorkerStart> | undefined>) => {
  const port = event.data?.letterPdfPort;
  if (!port) return;
  expose(api, port);
  self.postMessage(LETTER_PDF_WORKER_READY);
});
