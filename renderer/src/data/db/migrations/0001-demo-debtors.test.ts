import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KredoDb } from '../kredo-db';
import { migration0001 } from './0001-demo-debtors';

describe('migration 0001: demo debtors', () => {
  it('creates a debtors table keyed by id', async () => {
    const db = new KredoDb('migration-0001', [migration0001]);
    await db.table('debtors').put({ id: 'demo-0001', name: 'Van Dijk Bouw B.V.', exposureMinor: 100 });
    expect(await db.table('debtors').get('demo-0001')).toMatchObject({ name: 'Van Dijk Bouw B.V.' });
    expect(db.verno).toBe(1);
    db.close();
  });
});
