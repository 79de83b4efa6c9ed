import { decodeText } from './decode-text';

export type FileKind = 'open-items' | 'camt053' | 'mt940' | 'ubl' | 'xlsx';

/**
 * What kind of file this is, from its content rather than its name (a bank's ".txt" may be MT940, an
 * ERP's ".xls" may be CSV). Returns undefined for files Kredo cannot read (binary, PDF, other XML).
 */
export function sniffFormat(head: Uint8Array): FileKind | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head.subarray(0, 4096).includes(0) && !(head[0] === 0xff || head[0] === 0xfe)) return undefined;
  const text = decodeText(head).text.replace(/^\s+/, '');
  if (text.startsWith('%PDF')) return undefined;
  if (text.startsWith('<')) {
    if (/camt\.053/.test(text)) return 'camt053';
    if (/urn:oasis:names:specification:ubl:schema:xsd:(Invoice|CreditNote)-2/.test(text)) return 'ubl';
    return undefined;
  }
  if (/^\{1:/.test(text) || /^:20:/m.test(text.slice(0, 2000))) return 'mt940';
  return 'open-items';
}
