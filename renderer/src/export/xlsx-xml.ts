/**
 * Text for SpreadsheetML parts. XML 1.0 cannot carry most control characters at all, not even escaped
 * (§2.2 Char), and a file holding one does not open: they are dropped, as exceljs did. Tab, line feed
 * and carriage return stay.
 */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const TEXT_SPECIAL = /[&<>]/g;
const ATTRIBUTE_SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Element content: `&`, `<`, `>` escaped. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(TEXT_SPECIAL, (char) => ENTITIES[char] ?? char);
}

/** An attribute value in double quotes: quotes escaped as well. */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML, '').replace(ATTRIBUTE_SPECIAL, (char) => ENTITIES[char] ?? char);
}
