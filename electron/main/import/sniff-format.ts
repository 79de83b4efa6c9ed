import { isZip } from './bounded-zip';
import { decodeText, isDamagedText } from './decode-text';

export type FileKind = 'open-items' | 'camt053' | 'camt054' | 'mt940' | 'bgmax' | 'ubl' | 'xlsx';

/**
 * What kind of file this is, from its content rather than its name (a bank's ".txt" may be MT940, an
 * ERP's ".xls" may be CSV). Returns undefined for files Kredo cannot read (binary, PDF, other XML).
 */
export function sniffFormat(head: Uint8Array): FileKind | undefined {
  if (isZip(head)) return 'xlsx';
  if (head.subarray(0, 4096).includes(0) && !(head[0] === 0xff || head[0] === 0xfe)) return undefined;
  const text = decodeText(head).text.replace(/^\s+/, '');
  if (text.startsWith('%PDF')) return undefined;
  if (text.startsWith('<')) {
    if (/camt\.053/.test(text)) return 'camt053';
    if (/camt\.054/.test(text)) return 'camt054';
    if (/urn:oasis:names:specification:ubl:schema:xsd:(Invoice|CreditNote)-2/.test(text)) return 'ubl';
    return undefined;
  }
  // Bankgirot's BgMax: the start record TK01 with the layout name (Bankgiro Inbetalningar, Technical Manual).
  if (text.startsWith('01BGMAX')) return 'bgmax';
  if (/^\{1:/.test(text) || /^:20:/m.test(text.slice(0, 2000))) return 'mt940';
  return 'open-items';
}

/**
 * Bank reports that look like statements but are not (issue 12, item 10): an MT942 or camt.052 is an
 * intraday report, whose entries may still change. Named, so the user is told what the file is.
 */
export function intradayReportFormat(head: Uint8Array): 'MT942' | 'CAMT.052' | undefined {
  const text = decodeText(head.subarray(0, 8192)).text.replace(/^\s+/, '');
  if (text.startsWith('<')) return /camt\.052/.test(text) && !/camt\.05[34]/.test(text) ? 'CAMT.052' : undefined;
  if (/^\{1:[^}]*\}\{2:[IO]942/.test(text) || /^:(34F|13D):/m.test(text)) return 'MT942';
  return undefined;
}

/** Where a file of no kind Kredo reads was probably meant as a table: its name says so, or it starts as one. */
const TABLE_NAME = /\.(csv|tsv|txt|tab|prn)$/i;

/**
 * Why a file of no recognised kind is refused: a file named or starting like a table (its first line
 * printable, with a separator) that then turns to binary is damaged — the user should export it again —
 * while anything else (a PDF, an image, a Word file) is simply not something Kredo imports.
 */
export function unreadableReason(head: Uint8Array, name: string): 'damagedText' | 'unsupported' {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'unsupported';
  const text = decodeText(head.subarray(0, 4096)).text;
  if (text.startsWith('%PDF')) return 'unsupported';
  if (TABLE_NAME.test(name)) return 'damagedText';
  const firstLine = text.slice(0, Math.max(0, text.search(/[\r\n]/)));
  return firstLine.length > 0 && /[;,\t|]/.test(firstLine) && !isDamagedText(firstLine) ? 'damagedText' : 'unsupported';
}
