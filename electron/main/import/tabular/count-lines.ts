/** Counting the rows of a text table without splitting it: for progress, the row count shown, and the row limit. Both are one pass. */

/**
 * Lines with something on them, counted by scanning the text once: splitting a 100 MB export into a
 * million strings just to count them took seconds. (A quoted field spanning lines counts its lines; the
 * number is for progress and display.)
 */
export function countNonBlankLines(text: string): number {
  let lines = 0;
  let hasContent = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) {
      if (hasContent) lines += 1;
      hasContent = false;
    } else if (code !== 13 && code !== 32 && code !== 9) {
      hasContent = true;
    }
  }
  return hasContent ? lines + 1 : lines;
}

const isSpaceByte = (byte: number) => byte === 13 || byte === 32 || byte === 9;

/**
 * The same count over the bytes of a file in a single-byte or UTF-8 encoding (where a newline is byte
 * 10 and no other character contains it), so analysis need not decode a 100 MB file: each line is found
 * natively and is blank only if it holds nothing but spaces, tabs and carriage returns.
 */
export function countNonBlankByteLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    let position = start;
    while (position < end && isSpaceByte(bytes[position]!)) position += 1;
    if (position < end) lines += 1;
    start = end + 1;
  }
  return lines;
}
