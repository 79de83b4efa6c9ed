import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from '../../../shared/ipc/import-contract';

/** How a text file was encoded, as far as its bytes tell (the user can say otherwise on the mapping step). */
export type { TextEncoding };

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

const DECODERS: Record<Exclude<TextEncoding, 'windows-1252' | 'iso-8859-1'>, { label: string; bomLength: number }> = {
  'utf-8-bom': { label: 'utf-8', bomLength: 3 },
  'utf-8': { label: 'utf-8', bomLength: 0 },
  'utf-16le': { label: 'utf-16le', bomLength: 2 },
  'utf-16be': { label: 'utf-16be', bomLength: 2 },
};

/**
 * Windows-1252's bytes 0x80–0x9F (the WHATWG Encoding Standard's index; 0x81, 0x8D, 0x8F, 0x90 and 0x9D
 * are unassigned and stay C1 controls). Node's TextDecoder reads "windows-1252" as ISO-8859-1 in builds
 * without full ICU, which turned a Twinfield export's "–" into U+0096; so the table is applied here.
 */
const WINDOWS_1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Single-byte text: ISO-8859-1 is every byte as its code point; Windows-1252 differs only in 0x80–0x9F. One pass. */
function decodeSingleByte(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80]!);
}

/** Decodes a text file (or its first bytes: a character cut at the end becomes U+FFFD). */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = detectEncoding(bytes)): { text: string; encoding: TextEncoding } {
  // ISO-8859-1 files have no bytes in 0x80–0x9F (that is how they are told apart), so one decoder serves both.
  if (encoding === 'windows-1252' || encoding === 'iso-8859-1') return { text: decodeSingleByte(bytes), encoding };
  const { label, bomLength } = DECODERS[encoding];
  return { text: new TextDecoder(label).decode(bytes.subarray(bomLength)), encoding };
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;

/**
 * Whether decoded text holds what no text export does: a NUL anywhere, or control characters (C0 other
 * than tab, line feed, form feed and carriage return; DEL; C1, which is also what Windows-1252's five
 * unassigned bytes decode to) in more than one character in a thousand. Any byte sequence decodes as
 * Windows-1252, so this, not the decoder, is what tells a damaged or binary file from text. One pass.
 */
export function isDamagedText(text: string): boolean {
  // Nearly every file has none of them: one native scan says so (a loop over 100 M characters took a second).
  if (!CONTROL_CHARACTER.test(text)) return false;
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || (code >= 0x7f && code <= 0x9f)) controls += 1;
  }
  return controls * 1000 > text.length;
}
