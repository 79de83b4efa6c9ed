import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStoreReadAhead } from './store-read-ahead';

/** A read-ahead over a counted read whose answers the test gives, and Dexie's write reports it sends. */
function readAheadOf(options: { readonly keptMs?: number } = {}) {
  const answers: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  let report: (parts: Readonly<Record<string, unknown>>) => void = () => undefined;
  const readAhead = createStoreReadAhead<string>('kredo', {
    ...options,
    read: () => new Promise<string>((resolve, reject) => answers.push({ resolve, reject })),
    subscribe: (listener) => {
      report = listener;
    },
  });
  return { readAhead, answers, write: (table: string, database = 'kredo') => report({ [`idb://${database}/${table}/`]: true }) };
}

afterEach(() => vi.useRealTimers());

describe('a store read-ahead', () => {
  it('is used when nothing was written from its start until it has read', async () => {
    const { readAhead, answers } = readAheadOf();
    readAhead.start('file-1');
    readAhead.start('file-1');
    expect(answers).toHaveLength(1);
    const taken = readAhead.take('file-1');
    answers[0]!.resolve('as read ahead');
    await expect(taken).resolves.toBe('as read ahead');
    expect(answers).toHaveLength(1);
  });

  it('is read again when the store is written while it is still reading, even after its import took it', async () => {
    const { readAhead, answers, write } = readAheadOf();
    readAhead.start('file-1');
    const taken = readAhead.take('file-1');
    write('paymentsToReview');
    answers[0]!.resolve('half before, half after');
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!.resolve('after the write');
    await expect(taken).resolves.toBe('after the write');
  });

  it('is kept over a write to another database', async () => {
    const { readAhead, answers, write } = readAheadOf();
    readAhead.start('file-1');
    write('ledgerNumbers', 'another-window-store');
    answers[0]!.resolve('as read ahead');
    await expect(readAhead.take('file-1')).resolves.toBe('as read ahead');
  });

  it('never fails the import: a read-ahead that failed is read again', async () => {
    const { readAhead, answers } = readAheadOf();
    readAhead.start('file-1');
    answers[0]!.reject(new Error('QuotaExceededError'));
    const taken = readAhead.take('file-1');
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!.resolve('read again');
    await expect(taken).resolves.toBe('read again');
  });

  it('is let go after a while unused, so the worker does not hold it for a file left alone', async () => {
    vi.useFakeTimers();
    const { readAhead, answers } = readAheadOf({ keptMs: 60_000 });
    readAhead.start('file-1');
    answers[0]!.resolve('as read ahead');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(answers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    const taken = readAhead.take('file-1');
    expect(answers).toHaveLength(2);
    answers[1]!.resolve('read again');
    await expect(taken).resolves.toBe('read again');
  });

  it('holds one file at a time: starting another lets the first go', async () => {
    const { readAhead, answers } = readAheadOf();
    readAhead.start('file-1');
    readAhead.start('file-2');
    const taken = readAhead.take('file-1');
    expect(answers).toHaveLength(3);
    answers[2]!.resolve('read for file 1');
    await expect(taken).resolves.toBe('read for file 1');
  });
});
