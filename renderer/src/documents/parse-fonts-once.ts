import type { PdfMake } from './load-pdfmake';
import { shareWordLayouts } from './share-word-layouts';

/**
 * pdfmake gives every document a fresh parse of each font file: fontkit decodes Roboto's tables (character
 * map, glyph metrics, the GSUB/GPOS shaping tables) again, for each of the hundred letters of a dunning run —
 * about half of a letter's build time (issue 14: 100 reminders took 18–19 s against a target of 10 s). Here
 * each font file's tables are decoded once per session (per JavaScript realm: the data worker and the UI
 * thread keep one each) and every later document's font reads them, as fontkit's own `getVariation` shares
 * `_tables` between two fonts of one file. The rest stays the document's own — its glyph objects (with the
 * characters each glyph was first set for, which become the PDF's text layer), its shaping engine and the
 * subset it embeds — so a document's bytes are those of a fresh parse (`parse-fonts-once.test.ts`). Sharing
 * whole fontkit fonts instead would leak glyphs between documents: a glyph first met in another
 * document's subset carries no characters, and its text can no longer be copied or searched.
 *
 * Neither library offers this, so it reaches into internals and checks their shape first: pdfmake 0.3's
 * `PDFDocument.provideFont` (which opens a font the first time a document uses it), pdfkit's `EmbeddedFont`
 * (`font`) and fontkit 2's `TTFFont` (`_tables`, read on every table access). If one differs — another
 * version — documents are built as before, with a parse each.
 */
export async function parseFontsOncePerSession(pdfMake: PdfMake): Promise<void> {
  // pdfmake's document class is not exported: an empty document hands over its prototype.
  const probe: unknown = await pdfMake.createPdf({ content: [] }).getStream();
  const prototype: unknown = Object.getPrototypeOf(probe);
  if (!isPdfMakeDocument(prototype) || patchedDocumentClasses.has(prototype)) return;

  const provideFont = prototype.provideFont;
  const decodedTables = new WeakMap<object, object>(); // by the font file's bytes in pdfmake's virtual file system
  patchedDocumentClasses.add(prototype);

  prototype.provideFont = function provideFontWithDecodedTables(this: PdfMakeDocument, family: string, bold: boolean, italics: boolean): unknown {
    const type = this.getFontType(bold, italics);
    const alreadyOpen = this.fontCache?.[family]?.[type] !== undefined;
    const embedded = provideFont.call(this, family, bold, italics);
    if (alreadyOpen || !isEmbeddedFont(embedded)) return embedded;

    const file = fontFileBytes(this, family, type);
    if (file === undefined) return embedded;
    const tables = decodedTables.get(file);
    if (tables === undefined) decodedTables.set(file, embedded.font._tables);
    else embedded.font._tables = tables;
    // Fonts reading the same tables also share the words shaped with them (share-word-layouts.ts).
    shareWordLayouts(embedded);
    return embedded;
  };
}

/** pdfkit's font in a document, over a fontkit font whose decoded tables live in `_tables`. */
interface EmbeddedFont {
  readonly font: { _tables: object };
}

interface PdfMakeDocument {
  readonly fonts?: Record<string, Record<string, unknown> | undefined>;
  readonly fontCache?: Record<string, Record<string, unknown> | undefined>;
  readonly virtualfs?: { existsSync(name: string): boolean; readFileSync(name: string): unknown } | null;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
}

/** Prototypes already patched, so loading pdfmake again in the same realm does not wrap twice. */
const patchedDocumentClasses = new WeakSet<object>();

function isPdfMakeDocument(value: unknown): value is PdfMakeDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PdfMakeDocument).provideFont === 'function' &&
    typeof (value as PdfMakeDocument).getFontType === 'function'
  );
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  if (typeof value !== 'object' || value === null || !('font' in value)) return false;
  const font = (value as { font: unknown }).font;
  if (typeof font !== 'object' || font === null || !('_tables' in font)) return false;
  const tables = (font as { _tables: unknown })._tables;
  return typeof tables === 'object' && tables !== null;
}

/** The bytes pdfmake parsed: a font named by a file in its virtual file system (the only kind Kredo uses). */
function fontFileBytes(document: PdfMakeDocument, family: string, type: string): object | undefined {
  const name = document.fonts?.[family]?.[type];
  if (typeof name !== 'string' || !document.virtualfs?.existsSync(name)) return undefined;
  const bytes = document.virtualfs.readFileSync(name);
  return typeof bytes === 'object' && bytes !== null ? bytes : undefined;
}
