import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../../../electron/chromium-host/chromium-host';
import { HOST_ORIGIN_URL } from '../../../electron/chromium-host/host-origin';

/** Per table of the offline store: how many records it holds and a SHA-256 of all of them. */
export type StoreChecksums = Readonly<Record<string, { readonly records: number; readonly sha256: string }>>;

/**
 * Runs in the page: reads every table of Kredo's IndexedDB with the plain IndexedDB API (not through the
 * app's code) in one read-only transaction, and hashes each table's records. Records are written out in a
 * canonical form (object keys sorted, typed arrays with their type) and sorted, so the same data always
 * gives the same hash. Ids Kredo draws at random (UUIDs: an import's file id, say) are replaced by a
 * placeholder: two runs of the same operation then compare equal, while any other difference counts.
 */
export function storeChecksums(): Promise<Record<string, { records: number; sha256: string }>> {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  const canonical = (value: unknown): string => {
    if (typeof value === 'string') return JSON.stringify(value.replace(uuid, '<uuid>'));
    if (value === undefined) return 'undefined';
    if (value === null || typeof value !== 'object') return String(value);
    if (ArrayBuffer.isView(value)) return `${value.constructor.name}[${Array.from(value as unknown as ArrayLike<number>).join(',')}]`;
    if (value instanceof ArrayBuffer) return `ArrayBuffer[${Array.from(new Uint8Array(value)).join(',')}]`;
    if (value instanceof Date) return `Date(${value.toISOString()})`;
    if (value instanceof Blob) throw new Error('The store holds a Blob: checksum it before comparing');
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((key) => `${canonical(key)}:${canonical(record[key])}`).join(',')}}`;
  };
  const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('kredo');
    opening.onerror = () => reject(opening.error);
    // No store yet: nothing is created here (the app creates it with its schema).
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onsuccess = () => {
      const database = opening.result;
      const names = Array.from(database.objectStoreNames).sort();
      const transaction = database.transaction(names, 'readonly');
      const tables = names.map((name) => {
        const store = transaction.objectStore(name);
        return { name, keys: store.getAllKeys(), values: store.getAll() };
      });
      transaction.onerror = () => reject(transaction.error);
      transaction.oncomplete = () => {
        database.close();
        Promise.all(
          tables.map(async ({ name, keys, values }) => {
            const lines = (values.result as unknown[]).map((record, index) => `${canonical((keys.result as unknown[])[index])}=${canonical(record)}`).sort();
            const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines.join('\n')));
            return [name, { records: lines.length, sha256: hex(digest) }] as const;
          }),
        ).then((entries) => resolve(Object.fromEntries(entries)), reject);
      };
    };
  });
}

/**
 * The store's checksums as the files on disk hold them, read by a plain Chromium on the app's profile
 * with an empty page on the app's origin: no Kredo code runs, so nothing (a sync at start, a daily backup)
 * can change the store before it is read. The app must not be running on that folder.
 */
export async function readStoreOnDisk(userDataDir: string): Promise<StoreChecksums> {
  const context = await chromium.launchPersistentContext(path.join(userDataDir, 'chromium-profile'), {
    executablePath: process.env['KREDO_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  try {
    await context.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Kredo store</title>' }));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(HOST_ORIGIN_URL);
    return await page.evaluate(storeChecksums);
  } finally {
    await context.close();
  }
}
