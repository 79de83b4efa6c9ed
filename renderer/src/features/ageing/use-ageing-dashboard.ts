import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { callback, dataWorker } from '../../data/data-client';
import type { AgeingDashboardData } from '../../data/dashboard/ageing-dashboard-data';

export type AgeingDashboardState =
  /** The worker is computing; `previous` is the last result, shown meanwhile so the screen does not blank. */
  | { readonly status: 'computing'; readonly done: number; readonly total: number; readonly previous: AgeingDashboardData | undefined }
  /** `data` is undefined when the store holds no portfolio. */
  | { readonly status: 'ready'; readonly data: AgeingDashboardData | undefined }
  | { readonly status: 'failed'; readonly error: unknown; readonly retry: () => void };

interface Outcome {
  readonly request: string;
  readonly data?: AgeingDashboardData | undefined;
  readonly error?: unknown;
}

/** The last result, kept across visits to the screen: coming back to an unchanged portfolio costs nothing. */
let lastResult: Outcome | undefined;

/**
 * Asks the data worker for the ageing dashboard whenever `portfolioKey` changes (the portfolio summary's
 * date and totals: an import, a payment or a new day) or `today` does. A result that arrives after the
 * portfolio changed again is dropped; the newer request's result replaces it.
 */
export function useAgeingDashboard(portfolioKey: string | undefined, today: IsoDate): AgeingDashboardState {
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | undefined>(() => lastResult);
  const [progress, setProgress] = useState<{ request: string; done: number; total: number }>();
  const request = `${portfolioKey ?? ''}|${today}|${attempt}`;

  useEffect(() => {
    if (portfolioKey === undefined || lastResult?.request === request) return;
    let isCurrent = true;
    const onProgress = callback((done: number, total: number) => {
      if (isCurrent) setProgress({ request, done, total });
    });
    dataWorker()
      .ageingDashboard({ today }, onProgress)
      .then(
        (data) => {
          lastResult = { request, data };
          if (isCurrent) setOutcome(lastResult);
        },
        (error: unknown) => {
          if (isCurrent) setOutcome({ request, error });
        },
      );
    return () => {
      isCurrent = false;
    };
  }, [portfolioKey, today, request]);

  if (outcome?.request === request) {
    return 'error' in outcome ? { status: 'failed', error: outcome.error, retry: () => setAttempt((count) => count + 1) } : { status: 'ready', data: outcome.data };
  }
  const current = progress?.request === request ? progress : { done: 0, total: 0 };
  return { status: 'computing', done: current.done, total: current.total, previous: outcome && !('error' in outcome) ? outcome.data : undefined };
}
