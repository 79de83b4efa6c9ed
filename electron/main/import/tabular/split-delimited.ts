import type { Newline } from './read-delimited';

/** Delimited text cut in two at a row boundary: each part read on its own gives the rows of the whole. */
export interface DelimitedSplit {
  /** Rows 1 to `tailFirstRow - 1`, without the line break that ended the last of them. */
  readonly head: string;
  /** The rest of the text, from row `tailFirstRow` on. */
  readonly tail: string;
  readonly tailFirstRow: number;
}

/**
 * Where delimited text can be cut so that two threads can read it at once: after a row whose number is a
 * multiple of `batchSize` (the parts then hand over whole batches, numbered as one read numbers them),
 * as near the middle as that allows. Only where no quote character comes before the cut: outside quotes
 * every line break papaparse reads the text with (`newline`) ends a row, so the rows before the cut are
 * counted by counting line breaks; after the first quote a line break may be inside a field, and the text
 * is not cut there (the caller reads it whole). Undefined when there is no such place with rows on both
 * sides. One scan of at most the text, with the engine's indexOf.
 */
export function splitAtBatch(text: string, newline: Newline, batchSize: number): DelimitedSplit | undefined {
  const quote = text.indexOf('"');
  const end = quote < 0 ? text.length : quote;
  const middle = text.length / 2;
  let rows = 0;
  let best: { at: number; rows: number } | undefined;
  for (let at = text.indexOf(newline); at >= 0 && at < end; at = text.indexOf(newline, at + newline.length)) {
    rows += 1;
    // A tail starting with a byte-order mark would lose it when read on its own (papaparse drops one).
    if (rows % batchSize !== 0 || text.charCodeAt(at + newline.length) === 0xfeff) continue;
    // The batch boundary nearest the middle: past it, the first one is compared with the last one before.
    if (!best || Math.abs(at - middle) < Math.abs(best.at - middle)) best = { at, rows };
    if (at >= middle) break;
  }
  if (!best || best.at + newline.length >= text.length) return undefined;
  return { head: text.slice(0, best.at), tail: text.slice(best.at + newline.length), tailFirstRow: best.rows + 1 };
}
