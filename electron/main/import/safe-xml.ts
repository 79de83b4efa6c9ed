import { XMLParser } from 'fast-xml-parser';
import { ImportFileError } from './import-error';

export type XmlNode = { readonly [key: string]: XmlValue };
export type XmlValue = string | XmlNode | readonly XmlValue[];

/**
 * Parses an XML document from outside (bank statements, e-invoices) safely. Neither CAMT.053 nor UBL ever
 * needs a DOCTYPE, so any document that declares one (or an entity) is refused before parsing: that closes
 * both external-entity attacks (XXE: reading local files or URLs) and entity-expansion attacks ("billion
 * laughs"), whatever the parser would do with them. Values stay strings: amounts must not become floats.
 */
export function parseSafeXml(text: string, file: string, repeated: ReadonlySet<string>): XmlNode {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new ImportFileError('xmlUnsafe', { file });
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
