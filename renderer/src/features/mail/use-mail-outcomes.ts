import { useEffect } from 'react';
import { dataWorker } from '../../data/data-client';
import { kredo, subscribe } from '../../platform/kredo-api';

/**
 * Brings what the e-mail outbox did (main process) onto the debtors' timelines (data worker), at start and
 * whenever a letter was sent, refused or found uncertain; the outbox forgets an outcome only once it is
 * recorded, so a window closed in between loses nothing.
 */
export function useMailOutcomes(): void {
  useEffect(() => {
    let running: Promise<void> | undefined;
    let again = false;
    const collect = async (): Promise<void> => {
      for (;;) {
        const { outcomes } = await kredo.mailOutcomes({});
        if (outcomes.length === 0) return;
        const recorded = await dataWorker().recordMailOutcomes(outcomes);
        await kredo.mailAcknowledge({ keys: recorded });
      }
    };
    const run = () => {
      if (running) {
        again = true;
        return;
      }
      running = collect()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
          if (again) {
            again = false;
            run();
          }
        });
    };
    run();
    return subscribe('onMailOutcome', run);
  }, []);
}
