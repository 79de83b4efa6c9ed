import type { PdfMake } from './load-pdfmake';

/**
 * pdfkit writes a page's content one drawing operator at a time (`PDFReference.write`), and turns each line
 * into a buffer of its own — in the browser build a `Buffer` polyfill object, slow to make — which it then
 * joins into one before compressing: in a run of a hundred dunning letters this was about a tenth of the
 * time (issue 14). Here the lines of text are kept as strings and turned into bytes once, when the object
 * is written out; the bytes are the same (each character's low byte, as pdfkit's 'binary' encoding does),
 * and so are the stream's length, filter and place in the file.
 *
 * Neither library offers this, so it reaches into pdfkit's `PDFReference` (`write`, `finalize`, `buffer`,
 * `data`, `compress`, `uncompressedLength`) and checks its shape first; if it differs — another version —
 * documents are written as before.
 */
export async function joinStreamWrites(pdfMake: PdfMake): Promise<void> {
  // pdfkit's reference class is not exported: an empty document's first page hands over its prototype.
  const probe: unknown = await pdfMake.createPdf({ content: [] }).getStream();
  const content = (probe as { page?: { content?: unknown } } | null)?.page?.content;
  const prototype: unknown = content === undefined ? undefined : Object.getPrototypeOf(content);
  if (!isPdfReference(content) || !isReferencePrototype(prototype) || patchedPrototypes.has(prototype)) return;
  patchedPrototypes.add(prototype);

  const write = prototype.write;
  const finalize = prototype.finalize;
  prototype.write = function writeText(this: PdfReference, chunk: unknown): void {
    if (chunk instanceof Uint8Array) {
      moveTextToBuffer(this);
      write.call(this, chunk);
      return;
    }
    // As pdfkit: the chunk as text, ended by a line feed.
    const text = (chunk as string) + '\n';
    let lines = pendingText.get(this);
    if (!lines) pendingText.set(this, (lines = []));
    lines.push(text);
    this.uncompressedLength += text.length;
    if (this.data.Length === undefined || this.data.Length === null) this.data.Length = 0;
    this.data.Length += text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  prototype.finalize = function finalizeWithText(this: PdfReference, ...args: unknown[]): unknown {
    moveTextToBuffer(this);
    return finalize.apply(this, args);
  };
}

interface PdfReference {
  buffer: unknown[];
  readonly data: { Length?: number; Filter?: string };
  readonly compress: boolean;
  uncompressedLength: number;
}

interface ReferencePrototype {
  write(this: PdfReference, chunk: unknown): void;
  finalize(this: PdfReference, ...args: unknown[]): unknown;
}

/** The lines of text written to each object and not yet turned into bytes. */
const pendingText = new WeakMap<PdfReference, string[]>();
const patchedPrototypes = new WeakSet<object>();

/** The object's pending lines, as one run of bytes after what it already holds (pdfkit's 'binary': the low byte). */
function moveTextToBuffer(reference: PdfReference): void {
  const lines = pendingText.get(reference);
  if (!lines) return;
  pendingText.delete(reference);
  const text = lines.join('');
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index) & 0xff;
  reference.buffer.push(bytes);
}

function isPdfReference(value: unknown): value is PdfReference {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<PdfReference>;
  return Array.isArray(candidate.buffer) && typeof candidate.data === 'object' && candidate.data !== null && typeof candidate.compress === 'boolean' && typeof candidate.uncompressedLength === 'number';
}

function isReferencePrototype(value: unknown): value is ReferencePrototype & object {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ReferencePrototype>;
  return typeof candidate.write === 'function' && typeof candidate.finalize === 'function';
}
