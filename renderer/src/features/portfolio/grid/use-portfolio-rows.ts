import { useLiveQuery } from 'dexie-react-hooks';
import { loadCreditPolicy } from '../../../data/dunning/load-worklist';
import { uiDb } from '../../../data/queries/ui-db';
import { buildPortfolioRows, type PortfolioRow } from './portfolio-row';

/**
 * Every debtor as a grid row, rebuilt whenever an import, a refresh or a dunning step changes the store.
 * The limits themselves are not read: each summary carries its limit's state.
 * Reads whole chunks (100 debtors a record), which at tier L is measured in `npm run bench` (grid-L).
 */
export function usePortfolioRows(): readonly PortfolioRow[] | undefined {
  return useLiveQuery(async () => {
    const [debtorChunks, summaryChunks, dunningActions, [insurancePolicy], creditPolicy] = await Promise.all([
      uiDb.debtorChunks.toArray(),
      uiDb.summaryChunks.toArray(),
      uiDb.dunningActions.toArray(),
      uiDb.policies.toArray(),
      loadCreditPolicy(uiDb),
    ]);
    // The next action of each debtor from its summary and last step (next-step.ts): no ledger is read.
    return buildPortfolioRows({ debtorChunks, summaryChunks, dunningActions, creditPolicy, insurancePolicy });
  }, []);
}
