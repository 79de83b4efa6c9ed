import { useCallback, useEffect, useState } from 'react';
import { useClock } from '../../app/app-clock';
import { dataWorker } from '../../data/data-client';
import { worklistRowsOf, type WorklistRow } from '../../data/dunning/worklist-rows';
import { useLanguage } from '../../i18n/use-language';

/** Insurer deadlines this far ahead are on today's list, so there is time to act. */
export const DEADLINE_LEAD_DAYS = 7;

/**
 * Today's worklist, worked out in the data worker (it reads the ledgers of every overdue debtor) and handed
 * over column by column; its rows are made here (worklist-rows.ts).
 */
export function useWorklist(): { readonly worklist: { readonly rows: readonly WorklistRow[] } | null | undefined; readonly reload: () => void } {
  const today = useClock().today();
  const { formatLocale } = useLanguage();
  const [worklist, setWorklist] = useState<{ readonly rows: readonly WorklistRow[] } | null>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let isActive = true;
    void dataWorker()
      .dunningWorklist({ today, leadDays: DEADLINE_LEAD_DAYS, locale: formatLocale })
      .then((loaded) => isActive && setWorklist(loaded ? { rows: worklistRowsOf(loaded) } : null), () => isActive && setWorklist(null));
    return () => {
      isActive = false;
    };
  }, [today, formatLocale, version]);
  return { worklist, reload: useCallback(() => setVersion((current) => current + 1), []) };
}
