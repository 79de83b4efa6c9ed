import Dexie, { type Table } from 'dexie';
import type { DemoDebtor } from '../../../shared/demo/demo-debtors';

/**
 * The offline store. `cache: 'immutable'` because results are treated as frozen (React, Zustand) and it is
 * Dexie's fastest, leanest mode (Dexie source, dexie.ts). The full store design for a million invoices
 * arrives with the offline-store work; this first version holds the demo debtors.
 */
export class KredoDb extends Dexie {
  debtors!: Table<DemoDebtor, string>;

  constructor(name = 'kredo') {
    super(name, { cache: 'immutable' });
    this.version(1).stores({ debtors: 'id' });
  }
}

export const db = new KredoDb();
