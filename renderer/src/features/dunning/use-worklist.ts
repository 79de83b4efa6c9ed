import { useCallback, useEffect, useState } from 'react';
import { useClock } from '../../app/app-clock';
import { dataWorker } from '../../data/data-client';
import type { WorklistView } from '../../data/dunning/worklist-rows';
import { useLanguage } from '../../i18n/use-language';

/** Insurer deadlines this far ahead are on today's list, so there is time to act. */
export const DEADLINE_LEAD_DAYS = 7;

/** Today's worklist, worked out in the data worker (it reads the ledgers of every overdue debtor). */
export function useWorklist(): { readonly worklist: WorklistView | null | undefined; readonly reload: () => void } {
  const today = useClock().today();
  const { formatLocale } = useLanguage();
  const [worklist, setWorklist] = useState<WorklistView | null>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let isActive = true;
    void dataWorker()
      .dunningWorklist({ today, leadDays: DEADLINE_LEAD_DAYS, locale: formatLocale })
      .then((loaded) => isActive && setWorklist(loaded ?? null), () => isActive && setWorklist(null));
    return () => {
      isActive = false;
    };
  }, [today, formatLocale, version]);
  return { worklist, reload: useCallback(() => setVersion((current) => current + 1), []) };
}
