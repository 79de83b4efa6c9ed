import type { Bootstrap } from '../../../shared/ipc/contract';
import { fixedClock, systemClock, type Clock } from '../../../shared/time/clock';
import { useMemo } from 'react';
import { useBootstrap } from './bootstrap-context';

/**
 * The page's clock: the system clock, or the main process's pinned date when tests or benchmarks fixed it.
 * Business logic takes dates from here (and passes them to the data worker), never from `new Date()`.
 */
export function clockFor(bootstrap: Bootstrap): Clock {
  return bootstrap.isClockFixed ? fixedClock(`${bootstrap.today}T12:00:00Z`) : systemClock();
}

export function useClock(): Clock {
  const bootstrap = useBootstrap();
  return useMemo(() => clockFor(bootstrap), [bootstrap]);
}
