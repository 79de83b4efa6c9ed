/**
 * The Dunning worklist in the benchmark page: the data worker's own modules (load-worklist,
 * process-worklist) over the store the page wrote, and the screen's own filters and search over the list.
 */
import { KredoDb } from '../../../renderer/src/data/db/kredo-db';
import { loadWorklist } from '../../../renderer/src/data/dunning/load-worklist';
import { processWorklist } from '../../../renderer/src/data/dunning/process-worklist';
import type { IsoDate } from '../../../shared/time/iso-date';

const heapMiB = () => Math.round(((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1024 / 10.24) / 100;
const request = (today: IsoDate) => ({ today, leadDays: 7, locale: 'en-GB', at: `${today}T09:00:00.000Z` });

export const dunningBench = {
  /**
   * The worklist as the screen asks for it on a fresh connection (the first visit), then again (the next
   * visit), and how long handing it to the UI thread takes (a structured clone, as postMessage does).
   */
  async dunningWorklist(today: IsoDate) {
    const db = new KredoDb();
    let peak = heapMiB();
    const first = performance.now();
    const worklist = await loadWorklist(db, request(today));
    const firstMs = performance.now() - first;
    peak = Math.max(peak, heapMiB());
    const cloneStarted = performance.now();
    structuredClone(worklist);
    const cloneMs = performance.now() - cloneStarted;
    const second = performance.now();
    await loadWorklist(db, request(today));
    const secondMs = performance.now() - second;
    peak = Math.max(peak, heapMiB());
    db.close();
    const entries = worklist?.entries ?? [];
    return { firstMs, secondMs, cloneMs, entries: entries.length, invoices: entries.reduce((sum, entry) => sum + entry.invoices.length, 0), debtors: new Set(entries.map((entry) => entry.debtorId)).size, peakHeapMiB: peak };
  },

  /** Processing the `count` most valuable first reminders the list offers: letters made and stored, steps recorded. */
  async processReminders(today: IsoDate, count: number) {
    const db = new KredoDb();
    const worklist = await loadWorklist(db, request(today));
    const chosen = (worklist?.entries ?? []).filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1' && (!entry.letterReach || entry.letterReach.address || entry.letterReach.email)).slice(0, count);
    let peak = heapMiB();
    const started = performance.now();
    const result = await processWorklist(db, { ...request(today), entryIds: chosen.map((entry) => entry.id) });
    const ms = performance.now() - started;
    peak = Math.max(peak, heapMiB());
    const letters = await db.documents.count();
    db.close();
    return { ms, chosen: chosen.length, done: result.done, letters, peakHeapMiB: peak };
  },
};
