import { isUtf8 } from 'node:buffer';

/** How a text file was encoded, as far as its bytes tell. */
export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

/**
 * The encoding of a text file whose encoding nobody states, as ERP exports are: a byte-order mark
 * decides; else the bytes are valid UTF-8 or they are from a Windows code page. Windows-1252 and
 * ISO-8859-1 agree on every letter; they differ only in bytes 0x80–0x9F, which Windows-1252 uses (€, ‘, ’,
 * …) and which are control characters in ISO-8859-1, so their presence tells which one it is. Checked
 * without decoding (node:buffer's isUtf8), so a large file can be looked at without building its text.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (isUtf8(bytes)) return 'utf-8';
  return bytes.some((byte) => byte >= 0x80 && byte <= 0x9f) ? 'windows-1252' : 'iso-8859-1';
}

const DECODERS: Record<TextEncoding, { label: string; bomLength: number }> = {
  'utf-8-bom': { label: 'utf-8', bomLength: 3 },
  'utf-8': { label: 'utf-8', bomLength: 0 },
  'utf-16le': { label: 'utf-16le', bomLength: 2 },
  'utf-16be': { label: 'utf-16be', bomLength: 2 },
  // The WHATWG decoders read ISO-8859-1 as Windows-1252 too; they agree on everything a file would use.
  'windows-1252': { label: 'windows-1252', bomLength: 0 },
  'iso-8859-1': { label: 'windows-1252', bomLength: 0 },
};

/** Decodes a text file (or its first bytes: a character cut at the end becomes U+FFFD). */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = detectEncoding(bytes)): { text: string; encoding: TextEncoding } {
  const { label, bomLength } = DECODERS[encoding];
  return { text: new TextDecoder(label).decode(bytes.subarray(bomLength)), encoding };
}
