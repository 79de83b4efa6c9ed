/**
 * Intl output contains characters that the embedded Roboto has no glyph for, which would print as empty
 * boxes: U+202F NARROW NO-BREAK SPACE (grouping in some locales, before "AM" in English times) and the
 * invisible direction and word-joiner marks. The narrow space becomes an ordinary no-break space, so an
 * amount or a time still never breaks across lines; the invisible marks are dropped.
 */
const UNPRINTABLE = /[\u202F\u200E\u200F\u2060\u061C\uFEFF]/g;

export function pdfSafeText(text: string): string {
  return text.replace(UNPRINTABLE, (char) => (char === '\u202F' ? '\u00A0' : ''));
}
