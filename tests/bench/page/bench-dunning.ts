/**
 * The Dunning worklist in the benchmark page: the data worker's own modules (load-worklist,
 * process-worklist) over the store the page wrote, and the screen's own filters and search over the list.
 */
import { KredoDb } from '../../../renderer/src/data/db/kredo-db';
import { loadWorklist, loadWorklistView } from '../../../renderer/src/data/dunning/load-worklist';
import { createWorklistCache } from '../../../renderer/src/data/dunning/worklist-cache';
import { worklistRowsOf } from '../../../renderer/src/data/dunning/worklist-rows';
import { EMPTY_WORKLIST_QUERY, worklistLines, type WorklistQuery } from '../../../renderer/src/features/dunning/worklist-query';
import { processWorklist } from '../../../renderer/src/data/dunning/process-worklist';
import type { IsoDate } from '../../../shared/time/iso-date';
import { peakHeapMiB, resetPeak, sample } from './heap-peak';

const request = (today: IsoDate) => ({ today, leadDays: 7, locale: 'en-GB', at: `${today}T09:00:00.000Z` });

export const dunningBench = {
  /**
   * The worklist as the screen asks for it on a fresh connection (the first visit), then again (the next
   * visit), and how long handing it to the UI thread takes (a structured clone, as postMessage does, and the
   * rows made from it there, as use-worklist.ts does).
   */
  async dunningWorklist(today: IsoDate) {
    const db = new KredoDb();
    // As the data worker answers the screen: the list is kept for the next visit while nothing changes.
    const worklist = createWorklistCache(db.name, (asked) => loadWorklistView(db, asked));
    await resetPeak();
    const first = performance.now();
    const view = await worklist(request(today));
    const firstMs = performance.now() - first;
    sample();
    const cloneStarted = performance.now();
    const rows = view ? worklistRowsOf(structuredClone(view)) : [];
    const cloneMs = performance.now() - cloneStarted;
    const second = performance.now();
    const again = await worklist(request(today));
    if (again) worklistRowsOf(structuredClone(again));
    const secondMs = performance.now() - second;
    const peak = await peakHeapMiB();
    db.close();
    return { firstMs, secondMs, cloneMs, entries: rows.length, invoices: rows.reduce((sum, row) => sum + row.invoiceCount, 0), debtors: new Set(rows.map((row) => row.debtorId)).size, peakHeapMiB: peak };
  },

  /** The screen's filters, search and grouping over the whole list (the work between a keystroke and the new list; median of 7). */
  async dunningFilters(today: IsoDate) {
    const db = new KredoDb();
    const view = await loadWorklistView(db, request(today));
    const rows = view ? worklistRowsOf(view) : [];
    db.close();
    const timedQuery = (query: Partial<WorklistQuery>) => {
      const runs: number[] = [];
      let shown = 0;
      for (let run = 0; run < 7; run += 1) {
        const started = performance.now();
        shown = worklistLines(rows, { ...EMPTY_WORKLIST_QUERY, ...query }).length;
        runs.push(performance.now() - started);
      }
      return { ms: [...runs].sort((a, b) => a - b)[3]!, shown };
    };
    const name = rows.at(-1)?.debtorName.split(' ')[0] ?? '';
    return {
      rows: rows.length,
      step: timedQuery({ task: 'reminder-1' }),
      combined: timedQuery({ task: 'reminder-1', country: 'NL', segment: 'standard', minAmountMinor: 100_000 }),
      search: timedQuery({ search: name.toLowerCase() }),
      searchWord: name,
      grouped: timedQuery({ byDebtor: true }),
    };
  },

  /** Processing the `count` most valuable first reminders the list offers: letters made and stored, steps recorded. */
  async processReminders(today: IsoDate, count: number) {
    const db = new KredoDb();
    const worklist = await loadWorklist(db, request(today));
    const chosen = (worklist?.entries ?? []).filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1' && (!entry.letterReach || entry.letterReach.address || entry.letterReach.email)).slice(0, count);
    await resetPeak();
    const started = performance.now();
    // As the Dunning screen asks (DunningScreen.tsx): the chosen entries with their debtors, so only their part of the list is worked out again.
    // The batch first works out its debtors' part of the list, then asks whether to stop before each entry: the first ask ends the planning.
    let plannedAt: number | undefined;
    const result = await processWorklist(db, { ...request(today), entryIds: chosen.map((entry) => entry.id), debtorIds: [...new Set(chosen.map((entry) => entry.debtorId))] }, {
      isStopped: () => {
        plannedAt ??= performance.now();
        return false;
      },
    });
    const ms = performance.now() - started;
    const planMs = (plannedAt ?? started) - started;
    const peak = await peakHeapMiB();
    const letters = await db.documents.count();
    db.close();
    return { ms, planMs, chosen: chosen.length, done: result.done, letters, peakHeapMiB: peak };
  },
};
