import { useLiveQuery } from 'dexie-react-hooks';
import { generateDemoDebtors, type DemoDebtor } from '../../../shared/demo/demo-debtors';
import { db } from './kredo-db';

export type PortfolioStatus = 'loading' | 'empty' | 'ready';

/** Whether the store holds a portfolio; drives the choice between the welcome screen and the app. */
export function usePortfolioStatus(): PortfolioStatus {
  const count = useLiveQuery(() => db.debtors.count(), []);
  if (count === undefined) return 'loading';
  return count === 0 ? 'empty' : 'ready';
}

export function useDebtors(): readonly DemoDebtor[] | undefined {
  return useLiveQuery(() => db.debtors.orderBy('id').toArray(), []);
}

/** Writes the demo portfolio in one transaction: either all of it is stored or none of it. */
export async function openDemoPortfolio(): Promise<void> {
  const debtors = generateDemoDebtors();
  await db.transaction('rw', db.debtors, async () => {
    await db.debtors.bulkPut(debtors);
  });
}
