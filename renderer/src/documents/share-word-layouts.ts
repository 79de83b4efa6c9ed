/**
 * pdfkit shapes every word of a document with fontkit (the GSUB and GPOS tables: kerning, ligatures) and
 * remembers each word's shaping for that document only; a run of a hundred dunning letters shaped the same
 * labels, sentences and names again for every letter — the largest part of laying a letter out (issue 14).
 * Here a word shaped once in a session serves every later document set in the same font file.
 *
 * A document must still print exactly the bytes it would print alone (parse-fonts-once.ts): its glyph
 * objects are its own, and the characters each glyph was first met with become the PDF's text layer. So a
 * word's shaping is kept with the glyph look-ups fontkit made for it (`getGlyph(id, characters)`, in order),
 * and a later document makes those same look-ups on its own font — creating the same glyphs with the same
 * characters a fresh shaping would — and checks that each glyph found carries the characters it carried
 * when the word was first shaped. Shaping depends only on the word, the glyphs it is given and the font's
 * tables, so then the result is the fresh one; if a glyph differs (a document that met the glyph first
 * through another character, such as a no-break space), the word is shaped afresh.
 *
 * It reaches into pdfkit's `EmbeddedFont` (`layoutCached`, `layoutRun`, `layoutCache`, `font`) and fontkit's
 * `TTFFont` (`getGlyph`, `_tables`) and checks their shape first; shaped words are shared only between
 * fonts reading the same decoded tables, which parse-fonts-once.ts hands to every document of a session.
 */

import { unshapedRun } from './unshaped-words';

interface Glyph {
  readonly id: number;
  readonly codePoints: readonly number[];
}

interface FontkitFont {
  readonly _tables: object;
  getGlyph(id: number, characters?: number[]): Glyph | null;
}

interface Run {
  readonly glyphs: readonly Glyph[];
  readonly positions: readonly object[];
  readonly advanceWidth: number;
}

interface EmbeddedFont {
  readonly font: FontkitFont;
  readonly layoutCache?: Record<string, Run | undefined>;
  layoutRun(text: string): Run;
  layoutCached(text: string): Run;
}

/** One `getGlyph` call of a word's shaping: its arguments and the characters of the glyph it answered. */
interface Lookup {
  readonly id: number;
  readonly characters: readonly number[] | undefined;
  readonly found: readonly number[];
}

interface SharedWord {
  readonly lookups: readonly Lookup[];
  /** For each glyph of the shaped word, the look-up that answered it. */
  readonly glyphOf: readonly number[];
  /** pdfkit's positions, already scaled; read, never written, by pdfkit (as within one document). */
  readonly positions: readonly object[];
  readonly advanceWidth: number;
}

/** Words kept per font file (its decoded tables); a session's distinct words are bounded by starting over. */
const MAX_WORDS_PER_FONT = 50_000;
let wordsByTables = new WeakMap<object, Map<string, SharedWord>>();
const patchedPrototypes = new WeakSet<object>();

/** Forgets every word shaped so far: the next document shapes its words afresh, as the session's first did. */
export function forgetSharedWordLayouts(): void {
  wordsByTables = new WeakMap();
}

/** Makes every document's font of pdfkit's `EmbeddedFont` class read words shaped before (once per class). */
export function shareWordLayouts(embedded: unknown): void {
  if (!isEmbeddedFont(embedded)) return;
  const prototype = Object.getPrototypeOf(embedded) as EmbeddedFont;
  if (patchedPrototypes.has(prototype)) return;
  patchedPrototypes.add(prototype);
  const layoutCached = prototype.layoutCached;
  prototype.layoutCached = function layoutCachedAcrossDocuments(this: EmbeddedFont, text: string): Run {
    const cache = this.layoutCache;
    if (!cache || !isFontkitFont(this.font)) return layoutCached.call(this, text);
    const cached = cache[text];
    if (cached) return cached;
    // Amounts and other words fontkit would leave alone are laid out without it (unshaped-words.ts).
    const run = (unshapedRun(this as unknown as Parameters<typeof unshapedRun>[0], text) as Run | undefined) ?? sharedRun(this, text) ?? shapeAndKeep(this, text);
    cache[text] = run;
    return run;
  };
}

/** The word as shaped in an earlier document, made with this document's own glyphs; undefined if it would differ. */
function sharedRun(embedded: EmbeddedFont, text: string): Run | undefined {
  const word = wordsByTables.get(embedded.font._tables)?.get(text);
  if (!word) return undefined;
  const found: Glyph[] = [];
  for (const lookup of word.lookups) {
    const glyph = embedded.font.getGlyph(lookup.id, lookup.characters && [...lookup.characters]);
    // Up to here fontkit would have made the same look-ups; from a differing glyph on it may not.
    if (!glyph || !sameNumbers(glyph.codePoints, lookup.found)) return undefined;
    found.push(glyph);
  }
  return { glyphs: word.glyphOf.map((index) => found[index]!), positions: word.positions, advanceWidth: word.advanceWidth };
}

/** Shapes the word with fontkit (pdfkit's own `layoutRun`), noting its glyph look-ups for later documents. */
function shapeAndKeep(embedded: EmbeddedFont, text: string): Run {
  const font = embedded.font;
  const getGlyph = font.getGlyph;
  const lookups: Lookup[] = [];
  const answers: (Glyph | null)[] = [];
  // An own property for the duration of the shaping: fontkit calls `this.getGlyph`.
  (font as { getGlyph: FontkitFont['getGlyph'] }).getGlyph = function noted(this: FontkitFont, id: number, characters?: number[]) {
    const glyph = getGlyph.call(this, id, characters);
    lookups.push({ id, characters: characters && [...characters], found: glyph ? [...glyph.codePoints] : [] });
    answers.push(glyph);
    return glyph;
  };
  let run: Run;
  try {
    run = embedded.layoutRun(text);
  } finally {
    delete (font as { getGlyph?: unknown }).getGlyph;
  }
  const glyphOf = run.glyphs.map((glyph) => answers.lastIndexOf(glyph));
  if (glyphOf.every((index) => index >= 0) && answers.every((glyph) => glyph !== null)) {
    let words = wordsByTables.get(font._tables);
    if (!words) wordsByTables.set(font._tables, (words = new Map()));
    if (words.size >= MAX_WORDS_PER_FONT) words.clear();
    words.set(text, { lookups, glyphOf, positions: [...run.positions], advanceWidth: run.advanceWidth });
  }
  return run;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EmbeddedFont>;
  return typeof candidate.layoutCached === 'function' && typeof candidate.layoutRun === 'function' && typeof candidate.layoutCache === 'object' && isFontkitFont(candidate.font);
}

function isFontkitFont(value: unknown): value is FontkitFont {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<FontkitFont>;
  return typeof candidate.getGlyph === 'function' && typeof candidate._tables === 'object' && candidate._tables !== null && !Object.prototype.hasOwnProperty.call(value, 'getGlyph');
}
