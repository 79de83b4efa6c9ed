import type { ImportDialect } from '../../../../shared/ipc/import-contract';
import type { OpenItemBatch } from '../../../../shared/import/open-item-batch';
import { OpenItemBatchBuilder } from '../../../../shared/import/open-item-batch-builder';
import type { ColumnMapping } from '../../../../shared/import/open-item-fields';
import type { OpenItemRecord } from '../../../../shared/import/open-item-record';
import { emptyTally, OpenItemRowReader, SeenInvoices, type OpenItemTally } from '../../../../shared/import/normalise-open-items';
import { packOpenItems } from '../pack-batch';
import { sliceRows, type RowSliceHandler, type TextTail } from './tabular-source';

export interface OpenItemReading {
  readonly mapping: ColumnMapping;
  readonly dialect: ImportDialect;
  readonly batchSize: number;
  readonly sliceSize: number;
}

/** One batch's rows read: what they said besides their records, the records (none: undefined), and its last row. */
export type OpenItemBatchHandler = (tally: OpenItemTally, batch: OpenItemBatch | undefined, count: number, lastRow: number) => void;

/**
 * Reads open-item rows slice by slice into batches of typed columns (OpenItemBatchBuilder), handing each
 * batch over when its last row is read: a slice of rows lives at a time, never a batch of them.
 */
export function readOpenItemBatches(slices: (sliceSize: number, onSlice: RowSliceHandler) => void, reading: OpenItemReading, seen: SeenInvoices, onBatch: OpenItemBatchHandler): void {
  const builder = new OpenItemBatchBuilder(reading.batchSize);
  // A reader per batch, as when batches were read whole: its cache of dates lasts a batch.
  let reader = new OpenItemRowReader(reading.mapping, reading.dialect, seen);
  let tally = emptyTally();
  let lastRow: number | undefined;
  const addRecord = (record: OpenItemRecord) => builder.add(record);
  const flush = () => {
    const count = builder.count;
    onBatch(tally, count > 0 ? builder.take() : undefined, count, lastRow!);
    [reader, tally, lastRow] = [new OpenItemRowReader(reading.mapping, reading.dialect, seen), emptyTally(), undefined];
  };
  slices(reading.sliceSize, (rows, firstRow, isBatchEnd) => {
    reader.read(rows, firstRow, tally, addRecord);
    lastRow = firstRow + rows.length - 1;
    if (isBatchEnd) flush();
  });
  if (lastRow !== undefined) flush();
}

/** The rows of a tail (the part of a file after a batch boundary), to be read apart from the rest. */
export interface TailJob extends OpenItemReading {
  readonly tail: TextTail;
}

/** A tail's batch, packed as it is handed over (pack-batch.ts). */
export interface TailBatch {
  readonly tally: OpenItemTally;
  readonly packed: Uint8Array | undefined;
  readonly count: number;
  readonly lastRow: number;
}

export interface TailResult {
  readonly batches: readonly TailBatch[];
  /** The invoices the tail saw (SeenInvoices.keys): its checks of repeats hold for the whole file only if the head saw none of them. */
  readonly keys: string[][];
}

/**
 * Reads a tail as if it were a file of its own that starts at row `tail.firstRow`: its batches, refusals
 * and repeats are those of reading the whole file whenever no invoice in it was also in the head.
 */
export function readTail(job: TailJob): TailResult {
  const seen = new SeenInvoices();
  const batches: TailBatch[] = [];
  const { tail } = job;
  readOpenItemBatches(
    (sliceSize, onSlice) => sliceRows(tail.text, { delimiter: tail.delimiter, newline: tail.newline, headerRow: 0, firstRow: tail.firstRow, batchSize: job.batchSize, sliceSize }, onSlice),
    job,
    seen,
    (tally, batch, count, lastRow) => batches.push({ tally, packed: batch && packOpenItems(batch), count, lastRow }),
  );
  return { batches, keys: seen.keys() };
}

/**
 * Where tails are read: a second thread (import-worker.ts), started as the parse starts because a thread
 * takes a moment to load, or this one (tests). `close` ends it, used or not.
 */
export interface TailReader {
  read(job: TailJob): Promise<TailResult>;
  close(): void;
}

/** Reads the tail in this thread, when asked (so after nothing else: for tests and as a fallback). */
export const tailReaderHere = (): TailReader => ({ read: async (job) => readTail(job), close: () => undefined });
