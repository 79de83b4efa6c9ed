import { SaxesParser } from 'saxes';
import { ImportFileError } from './import-error';
import { checkXmlLimits, refuseDeclarations, type XmlLimits, type XmlNode, type XmlValue } from './safe-xml';

type Mutable = { [key: string]: XmlValue };

/**
 * A node: an object whose prototype is an empty object without a prototype, so no element name
 * (`__proto__`, `constructor`) reaches Object.prototype — as `Object.create(null)` gave, but V8 keeps
 * `Object.create(null)` objects as dictionaries, and reading a 10,000-line camt.053 built and walked a
 * quarter slower with them (CPU 150 → 100 ms for the tree, 160 → 130 ms for the lines read from it).
 */
const NodePrototype: object = Object.create(null);
function TreeNode(this: Mutable): void {}
TreeNode.prototype = NodePrototype;
const newNode = () => new (TreeNode as unknown as new () => Mutable)();

interface Open {
  readonly name: string;
  /** Attributes and children; created on the first one, so a leaf stays a plain text. */
  node: Mutable | undefined;
  text: string;
}

/** `ns:Name` → `Name` (a name with one colon), as fast-xml-parser's removeNSPrefix does. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 || name.indexOf(':', colon + 1) >= 0 ? name : name.slice(colon + 1);
}

function add(parent: Open, name: string, value: XmlValue, repeated: ReadonlySet<string>): void {
  const node = (parent.node ??= newNode());
  const present = node[name];
  if (present === undefined) node[name] = repeated.has(name) ? [value] : value;
  else if (Array.isArray(present)) (present as XmlValue[]).push(value);
  else node[name] = [present, value];
}

/**
 * The same tree as parseSafeXml (safe-xml.ts) gives — texts as strings, trimmed; attributes as `@name`;
 * an element with attributes or children as an object with its text under `#text`; the XML declaration as `?xml`; names in `repeated`
 * always lists, other names a list once they repeat; namespace prefixes and declarations dropped — read
 * by saxes, a strict streaming XML parser, in one pass. fast-xml-parser took about a second of the main
 * process's CPU on a 10,000-line camt.053 (issue 14); saxes reads it in a fraction of that. Refused the
 * same way first: a DOCTYPE or ENTITY, and anything beyond `limits`, before a character is parsed;
 * anything saxes finds not well-formed is `xmlInvalid`. No element name (`__proto__`, `constructor`) can
 * reach Object.prototype (see TreeNode).
 */
export function readXmlTree(text: string, file: string, repeated: ReadonlySet<string>, limits: XmlLimits): XmlNode {
  refuseDeclarations(text, file);
  checkXmlLimits(text, file, limits);
  const root: Open = { name: '', node: undefined, text: '' };
  const stack: Open[] = [root];
  const parser = new SaxesParser({ position: false });
  parser.on('xmldecl', (declaration) => {
    const node = newNode();
    for (const key of ['version', 'encoding', 'standalone'] as const) if (declaration[key] !== undefined) node[`@${key}`] = declaration[key]!;
    add(root, '?xml', node, repeated);
  });
  parser.on('opentag', (tag) => {
    const open: Open = { name: localName(tag.name), node: undefined, text: '' };
    for (const name in tag.attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const local = localName(name);
      if (local.length > 0) (open.node ??= newNode())[`@${local}`] = (tag.attributes[name] as string).trim();
    }
    stack.push(open);
  });
  const addText = (piece: string) => {
    stack[stack.length - 1]!.text += piece;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const open = stack.pop()!;
    const text = open.text.trim();
    if (open.node && text !== '') open.node['#text'] = text;
    add(stack[stack.length - 1]!, open.name, open.node ?? text, repeated);
  });
  try {
    parser.write(text).close();
  } catch {
    throw new ImportFileError('xmlInvalid', { file });
  }
  return root.node ?? newNode();
}
