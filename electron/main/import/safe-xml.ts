import { XMLParser } from 'fast-xml-parser';
import { ImportFileError } from './import-error';

export type XmlNode = { readonly [key: string]: XmlValue };
export type XmlValue = string | XmlNode | readonly XmlValue[];

/** Limits no real bank statement or e-invoice reaches; beyond them a file is refused before it is parsed. */
export interface XmlLimits {
  /** Elements inside each other: CAMT.053 in a CBPR+ envelope is about 15 deep, UBL about 10. */
  readonly depth: number;
  /** Attributes on one element: ISO 20022 and UBL use one or two (Ccy, currencyID, schemeID). */
  readonly attributesPerElement: number;
  /** Characters in one text, attribute value, comment or CDATA section (an embedded PDF in UBL is the largest). */
  readonly valueChars: number;
  /** Characters in an element or attribute name. */
  readonly nameChars: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { depth: 64, attributesPerElement: 32, valueChars: 32 * 1024 * 1024, nameChars: 256 };

/**
 * Parses an XML document from outside (bank statements, e-invoices) safely. Neither CAMT nor UBL ever
 * needs a DOCTYPE, so any document that declares one (or an entity) is refused before parsing: that closes
 * both external-entity attacks (XXE: reading local files or URLs) and entity-expansion attacks ("billion
 * laughs"), whatever the parser would do with them. The document is first checked against `limits` in one
 * pass (checkXmlLimits), so what the parser is given is bounded: thousands of attributes on one element made
 * parsing superlinear (3 MB took 24 s, issue 12). Values stay strings: amounts must not become floats.
 */
export function parseSafeXml(text: string, file: string, repeated: ReadonlySet<string>, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlNode {
  refuseDeclarations(text, file);
  checkXmlLimits(text, file, limits);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => repeated.has(name),
  });
  try {
    return parser.parse(text, true) as XmlNode;
  } catch {
    throw new ImportFileError('xmlInvalid', { file });
  }
}

/** A document that declares a DOCTYPE or an entity is refused: neither CAMT nor UBL needs one (see parseSafeXml). */
export function refuseDeclarations(text: string, file: string): void {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new ImportFileError('xmlUnsafe', { file });
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
/** Characters that end a name: space, `=`, `/`, `>`. */
const endsName = (code: number) => isSpace(code) || code === 61 || code === 47 || code === 62;

/**
 * Checks a document against the limits in a single pass over its characters (each character is looked
 * at a bounded number of times: the scan only moves forward). Refuses with a translated message naming
 * the file, the line and the limit; malformed markup it meets is refused as not well-formed.
 */
export function checkXmlLimits(text: string, file: string, limits: XmlLimits): void {
  let depth = 0;
  let position = 0;
  let line = 1;
  let lineCountedTo = 0;
  const lineAt = (index: number) => {
    for (; lineCountedTo < index; lineCountedTo += 1) if (text.charCodeAt(lineCountedTo) === 10) line += 1;
    return line;
  };
  const tooLong = (index: number): never => {
    throw new ImportFileError('xmlValueTooLong', { file, line: lineAt(index), limit: limits.valueChars });
  };
  const invalid = (): never => {
    throw new ImportFileError('xmlInvalid', { file });
  };
  /** The index of `token` after `from`, or the end of the text; what lies between may be at most a value long. */
  const skipTo = (from: number, token: string): number => {
    const end = text.indexOf(token, from);
    if (end < 0) invalid();
    if (end - from > limits.valueChars) tooLong(from);
    return end + token.length;
  };

  while (position < text.length) {
    const open = text.indexOf('<', position);
    if (open < 0) {
      if (text.length - position > limits.valueChars) tooLong(position);
      return;
    }
    if (open - position > limits.valueChars) tooLong(position);
    if (text.startsWith('<!--', open)) position = skipTo(open + 4, '-->');
    else if (text.startsWith('<![CDATA[', open)) position = skipTo(open + 9, ']]>');
    else if (text.startsWith('<?', open)) position = skipTo(open + 2, '?>');
    else if (text.charCodeAt(open + 1) === 47) {
      depth -= 1;
      position = skipTo(open + 2, '>');
    } else {
      position = startTag(open + 1);
    }
  }

  /** Reads a start tag from its name on; returns where it ends. */
  function startTag(from: number): number {
    let index = scanName(from);
    let attributes = 0;
    for (;;) {
      while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
      const code = text.charCodeAt(index);
      if (code === 62) {
        depth += 1;
        if (depth > limits.depth) throw new ImportFileError('xmlTooDeep', { file, line: lineAt(index), limit: limits.depth });
        return index + 1;
      }
      if (code === 47 && text.charCodeAt(index + 1) === 62) return index + 2;
      attributes += 1;
      if (attributes > limits.attributesPerElement) throw new ImportFileError('xmlTooManyAttributes', { file, line: lineAt(index), limit: limits.attributesPerElement });
      index = scanName(index);
      while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
      if (text.charCodeAt(index) !== 61) invalid();
      index += 1;
      while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
      const quote = text[index];
      if (quote !== '"' && quote !== "'") invalid();
      index = skipTo(index + 1, quote!);
    }
  }

  function scanName(from: number): number {
    let index = from;
    while (index < text.length && !endsName(text.charCodeAt(index))) {
      index += 1;
      if (index - from > limits.nameChars) throw new ImportFileError('xmlValueTooLong', { file, line: lineAt(index), limit: limits.nameChars });
    }
    if (index === from) invalid();
    return index;
  }
}

/** The node at a path of element names, or undefined. Arrays on the way take their first element. */
export function at(node: XmlValue | undefined, ...path: string[]): XmlValue | undefined {
  let current: XmlValue | undefined = node;
  for (const name of path) {
    if (current === undefined || typeof current === 'string') return undefined;
    if (Array.isArray(current)) current = current[0];
    if (current === undefined || typeof current === 'string' || Array.isArray(current)) return undefined;
    current = (current as XmlNode)[name];
  }
  return current;
}

/** The text of an element (also one carrying attributes, whose text is under `#text`). */
export function textAt(node: XmlValue | undefined, ...path: string[]): string {
  const value = at(node, ...path);
  if (typeof value === 'string') return value;
  if (value && !Array.isArray(value) && typeof (value as XmlNode)['#text'] === 'string') return (value as XmlNode)['#text'] as string;
  if (Array.isArray(value)) return textAt(value[0]);
  return '';
}

export function attributeAt(node: XmlValue | undefined, attribute: string, ...path: string[]): string {
  const value = at(node, ...path);
  return value && typeof value === 'object' && !Array.isArray(value) && typeof (value as XmlNode)[`@${attribute}`] === 'string' ? ((value as XmlNode)[`@${attribute}`] as string) : '';
}

/** The elements of a repeatable name as a list (none, one or many). */
export function listAt(node: XmlValue | undefined, ...path: string[]): XmlValue[] {
  const value = at(node, ...path);
  if (value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value];
}
