import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { createWorklistCache } from './worklist-cache';
import { worklistRows, type WorklistView } from './worklist-rows';

const EMPTY: WorklistView = worklistRows({ entries: [], stalePlannedIds: [] }, () => undefined);

const request = { today: '2026-11-24' as IsoDate, leadDays: 7, locale: 'en-GB' };

describe('the worklist kept for the next visit', () => {
  it('is worked out again only after a write the worklist reads, or for another day or language', async () => {
    const db = new KredoDb('worklist-cache-1');
    await db.open();
    let loads = 0;
    const worklist = createWorklistCache('worklist-cache-1', async (): Promise<WorklistView> => {
      loads += 1;
      return EMPTY;
    });
    await worklist(request);
    await worklist(request);
    expect(loads).toBe(1);

    // An audit line or a kept letter changes nothing on the list.
    await db.audit.add({ at: '2026-11-24T09:00:00.000Z', actor: 'user', action: 'note', entityType: 'debtor', entityId: 'd1', details: {} });
    await worklist(request);
    expect(loads).toBe(1);

    // A step done does: the next visit works the list out again.
    await db.dunningActions.put({ id: 'a1', debtorId: 'd1', step: 'reminder-1', itemIds: ['d1|1'], plannedOn: request.today, doneOn: request.today, status: 'done', note: '' });
    await worklist(request);
    expect(loads).toBe(2);
    await worklist({ ...request, locale: 'sv-SE' });
    await worklist({ ...request, today: '2026-11-25' as IsoDate });
    expect(loads).toBe(4);
    db.close();
  });

  it('does not keep a list worked out while the store was written', async () => {
    const db = new KredoDb('worklist-cache-2');
    await db.open();
    let loads = 0;
    const worklist = createWorklistCache('worklist-cache-2', async (): Promise<WorklistView> => {
      loads += 1;
      if (loads === 1) await db.meta.put({ key: 'creditPolicy', value: '{}' });
      return EMPTY;
    });
    await worklist(request);
    await worklist(request);
    expect(loads).toBe(2);
    db.close();
  });
});
