/** How a text file was encoded, as far as its bytes tell. */
export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

/**
 * Decodes a text file whose encoding nobody states, as ERP exports are: a byte-order mark decides; else
 * the bytes decode as strict UTF-8 or they are from a Windows code page. Windows-1252 and ISO-8859-1 agree
 * on every letter; they differ only in bytes 0x80–0x9F, which Windows-1252 uses (€, ‘, ’, …) and which are
 * control characters in ISO-8859-1, so their presence tells which one it is.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const usesWindowsRange = bytes.some((byte) => byte >= 0x80 && byte <= 0x9f);
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: usesWindowsRange ? 'windows-1252' : 'iso-8859-1' };
  }
}
