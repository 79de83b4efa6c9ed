/**
 * Amounts, dates and numbers are most of a report's words, nearly all different ("€12,345.67"), so shaping
 * them one by one with fontkit (share-word-layouts.ts keeps only words met before) was the largest part of
 * laying out the tier-L ageing report (issue 14: the report ≤ 2 s). For most such words fontkit's shaping
 * does nothing: no substitution or positioning lookup of the features it applies covers their glyphs, so
 * each glyph keeps its own advance. Here that is worked out once per font, from the font's own tables, for
 * a fixed set of digits, separators and currency signs; a word made only of those characters is then laid
 * out as fontkit would lay it out, without running the shaper — the same glyph look-ups in the same order
 * (the document's text layer), the same advances, so the document's bytes do not change.
 *
 * Why this is exact: fontkit's default shaper gives every glyph of such a word (all Unicode script Common,
 * no fraction slash) the same global features, and a lookup acts at a glyph only when that glyph is in the
 * subtable's gating coverage. So no lookup of those features may gate on the word's glyphs — except pair
 * positioning (kerning), which acts on two neighbours alone: each kerned pair of the characters is measured
 * once by fontkit itself, on a font of its own, and added as fontkit adds it. Marks (GDEF class 3), glyphs
 * the font lacks and the legacy `kern` table are excluded, and a probe word must come out of fontkit with
 * exactly the features assumed here and untouched advances; if anything differs — another fontkit — words
 * are shaped as before.
 *
 * It reads fontkit's `TTFFont` (`glyphsForString`, `glyphForCodePoint`, `_cmapProcessor`, `GSUB`, `GPOS`,
 * `GDEF`, `kern`, `_tables`, `stream`, `_directoryPos`, its constructor) and pdfkit's `EmbeddedFont` (`font`,
 * `scale`), as share-word-layouts.ts and parse-fonts-once.ts do.
 */

/** Digits, separators, signs and the spaces Intl writes: all Unicode script Common, none default-ignorable. */
const CANDIDATES = '0123456789.,:;-\u2212+%()/\u00a0\u202f\u2009 €£$¥·#*\'';

/** fontkit's default shaper, left to right: the features it gives every glyph, and those it gives around a fraction slash. */
const GLOBAL_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
const LOCAL_FEATURES = ['frac', 'numr', 'dnom'];

interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
}

interface Coverage {
  readonly version: number;
  readonly glyphs?: readonly number[];
  readonly rangeRecords?: readonly { readonly start: number; readonly end: number }[];
}

interface LayoutTable {
  readonly featureList: readonly { readonly tag: string; readonly feature: { readonly lookupListIndexes: readonly number[] } }[];
  readonly lookupList: { get(index: number): { readonly lookupType: number; readonly subTables: Iterable<Record<string, unknown>> } | undefined };
  readonly featureVariations?: unknown;
}

interface FontkitFont {
  readonly _tables: object;
  readonly GSUB?: LayoutTable;
  readonly GPOS?: LayoutTable;
  readonly GDEF?: { readonly glyphClassDef?: unknown };
  readonly kern?: unknown;
  readonly _variationProcessor?: unknown;
  readonly _cmapProcessor: { lookup(codePoint: number): number };
  readonly stream: unknown;
  readonly _directoryPos: number;
  glyphsForString(text: string): Glyph[];
  glyphForCodePoint(codePoint: number): Glyph;
  layout(text: string): { readonly glyphs: readonly Glyph[]; readonly positions: readonly { readonly xAdvance: number; readonly yAdvance: number; readonly xOffset: number; readonly yOffset: number }[]; readonly features: Record<string, boolean> };
}

interface EmbeddedFont {
  readonly font: FontkitFont;
  readonly scale: number;
}

export interface UnshapedRun {
  readonly glyphs: readonly Glyph[];
  readonly positions: readonly object[];
  readonly advanceWidth: number;
}

/** What fontkit does to words of the unshaped characters: nothing, but for the kerning of some pairs. */
interface Unshaped {
  readonly characters: ReadonlySet<number>;
  /** Kerning in font units, by pair of characters (first × 65,536 + second): what the first and the second glyph gain. */
  readonly pairs: ReadonlyMap<number, readonly [number, number]>;
}

/** Per font file (its decoded tables): the characters fontkit only kerns, or null where that cannot be shown. */
const unshapedByTables = new WeakMap<object, Unshaped | null>();

/**
 * The word laid out as pdfkit's `layoutRun` lays it out, if fontkit's shaping would do no more than kern
 * its pairs; undefined for any other word (shape it).
 */
export function unshapedRun(embedded: EmbeddedFont, text: string): UnshapedRun | undefined {
  if (text.length === 0) return undefined;
  const font = embedded.font;
  let unshaped = unshapedByTables.get(font._tables);
  if (unshaped === undefined) unshapedByTables.set(font._tables, (unshaped = unshapedCharacters(font)));
  if (unshaped === null) return undefined;
  for (let index = 0; index < text.length; index += 1) if (!unshaped.characters.has(text.charCodeAt(index))) return undefined;

  // fontkit's look-ups, in its order: the word's characters, then the space that hides default-ignorables.
  const glyphs = font.glyphsForString(text);
  font.glyphForCodePoint(0x20);
  const advances = glyphs.map((glyph) => glyph.advanceWidth);
  for (let index = 0; index + 1 < text.length; index += 1) {
    const pair = unshaped.pairs.get(text.charCodeAt(index) * 65_536 + text.charCodeAt(index + 1));
    if (!pair) continue;
    advances[index] = advances[index]! + pair[0];
    advances[index + 1] = advances[index + 1]! + pair[1];
  }
  const scale = embedded.scale;
  const positions: object[] = [];
  let advanceWidth = 0;
  glyphs.forEach((glyph, index) => {
    // As pdfkit scales fontkit's position: every field by the font's scale, then the glyph's own advance.
    const xAdvance = advances[index]! * scale;
    positions.push({ xAdvance, yAdvance: 0 * scale, xOffset: 0 * scale, yOffset: 0 * scale, advanceWidth: glyph.advanceWidth * scale });
    advanceWidth += xAdvance;
  });
  return { glyphs, positions, advanceWidth };
}

/** The candidate characters no lookup of the default features acts on but pair kerning, or null if that cannot be shown. */
function unshapedCharacters(font: FontkitFont): Unshaped | null {
  try {
    if (font.kern || font._variationProcessor) return null;
    const covered = new Set<number>();
    const kerned = new Set<number>();
    for (const table of [font.GSUB, font.GPOS]) {
      if (!table) continue;
      if (table.featureVariations) return null;
      if (!addCoveredGlyphs(table, table === font.GPOS, covered, kerned)) return null;
    }
    const characters = new Set<number>();
    for (const character of CANDIDATES) {
      // The character map only: a glyph made here would carry its characters into the document's text layer.
      const codePoint = character.charCodeAt(0);
      const id = font._cmapProcessor.lookup(codePoint);
      if (id === 0 || covered.has(id) || isMark(font, id)) continue;
      characters.add(codePoint);
    }
    if (characters.size === 0) return null;
    const probeFont = probingFont(font);
    if (!probeAgrees(font, probeFont, String.fromCharCode(...characters), [0, 0])) return null;
    // Pair kerning acts on two neighbours alone, so each kerned pair is measured by fontkit on its own, once.
    const pairs = new Map<number, readonly [number, number]>();
    for (const first of characters) {
      if (!kerned.has(font._cmapProcessor.lookup(first))) continue;
      for (const second of characters) {
        const kerning: [number, number] = [0, 0];
        if (!probeAgrees(font, probeFont, String.fromCharCode(first, second), kerning)) return null;
        if (kerning[0] !== 0 || kerning[1] !== 0) pairs.set(first * 65_536 + second, kerning);
      }
    }
    return { characters, pairs };
  } catch {
    return null;
  }
}

/**
 * The coverages that decide whether a subtable acts at the current glyph (fontkit's `applyLookup`): `coverage`
 * for most forms, the first mark's for mark attachment, the input's for context forms 3 (all of the input's: a
 * superset). A base, ligature or second mark coverage only matters once the current glyph is a covered mark.
 */
const GATING_COVERAGES = new Set(['coverage', 'markCoverage', 'mark1Coverage', 'inputCoverage', 'coverages']);

/** Every glyph any lookup of the default features may act on, from each subtable's gating coverages. */
function addCoveredGlyphs(table: LayoutTable, isGpos: boolean, covered: Set<number>, kerned: Set<number>): boolean {
  const features = new Set(GLOBAL_FEATURES);
  for (const record of table.featureList) {
    if (!features.has(record.tag)) continue;
    for (const index of record.feature.lookupListIndexes) {
      const lookup = table.lookupList.get(index);
      if (!lookup) return false;
      for (const subTable of lookup.subTables) {
        const own = (subTable.extension ?? subTable) as Record<string, unknown>;
        // Pair positioning (GPOS type 2, perhaps behind an extension) kerns two neighbours; everything else is shaping.
        const isPair = isGpos && (subTable.extension === undefined ? lookup.lookupType === 2 : subTable.lookupType === 2);
        const into = isPair ? kerned : covered;
        let coverages = 0;
        for (const [key, value] of Object.entries(own)) {
          if (!GATING_COVERAGES.has(key)) continue;
          for (const coverage of Array.isArray(value) ? (value as unknown[]) : [value]) {
            if (!addCoverage(coverage, into)) return false;
            coverages += 1;
          }
        }
        if (coverages === 0) return false; // a subtable of a form this does not know
      }
    }
  }
  return true;
}

function addCoverage(value: unknown, covered: Set<number>): boolean {
  const coverage = value as Coverage | null;
  if (coverage?.version === 1 && Array.isArray(coverage.glyphs)) {
    for (const id of coverage.glyphs) covered.add(id);
    return true;
  }
  if (coverage?.version === 2 && Array.isArray(coverage.rangeRecords)) {
    for (const range of coverage.rangeRecords) for (let id = range.start; id <= range.end; id += 1) covered.add(id);
    return true;
  }
  return false;
}

/** GDEF class 3 (mark): fontkit zeroes a mark's advance after positioning. Without a class table, none of the candidates is a mark. */
function isMark(font: FontkitFont, id: number): boolean {
  const classDef = font.GDEF?.glyphClassDef as { version?: number; startGlyph?: number; classValueArray?: readonly number[]; classRangeRecord?: readonly { start: number; end: number; class: number }[] } | undefined;
  if (!classDef) return false;
  if (classDef.version === 1) return classDef.classValueArray?.[id - (classDef.startGlyph ?? 0)] === 3;
  if (classDef.version === 2) return (classDef.classRangeRecord ?? []).some((range) => range.start <= id && id <= range.end && range.class === 3);
  return true; // unknown form: treat as a mark, so the character is shaped
}

/** A font of its own over the same decoded tables, for probing: no glyph of the document's font is made. */
function probingFont(font: FontkitFont): FontkitFont {
  // fontkit reads the font's directory from where its stream stands; every other read places the stream first.
  const stream = font.stream as { pos: number };
  const position = stream.pos;
  let probeFont: FontkitFont & { _tables: object };
  try {
    stream.pos = font._directoryPos;
    probeFont = new (font.constructor as new (stream: unknown) => FontkitFont & { _tables: object })(stream);
  } finally {
    stream.pos = position;
  }
  probeFont._tables = font._tables;
  return probeFont;
}

/**
 * fontkit itself, on a probe word: the features this module assumes, the glyphs of the character map, and no
 * positioning but the first two glyphs' advances, which it returns in `kerning` (a longer probe must have none).
 */
function probeAgrees(font: FontkitFont, probeFont: FontkitFont, probe: string, kerning: [number, number]): boolean {
  const run = probeFont.layout(probe);
  const features = Object.keys(run.features).sort().join(' ');
  if (features !== [...GLOBAL_FEATURES, ...LOCAL_FEATURES].sort().join(' ')) return false;
  if (run.glyphs.length !== probe.length) return false;
  return run.glyphs.every((glyph, index) => {
    const position = run.positions[index];
    if (glyph.id !== font._cmapProcessor.lookup(probe.charCodeAt(index)) || !position || position.yAdvance !== 0 || position.xOffset !== 0 || position.yOffset !== 0) return false;
    const gained = position.xAdvance - glyph.advanceWidth;
    if (probe.length === 2) kerning[index] = gained;
    return probe.length === 2 || gained === 0;
  });
}
