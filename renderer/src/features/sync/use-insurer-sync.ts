import { useEffect } from 'react';
import type { PortfolioStatus } from '../../data/queries/use-portfolio';
import { useBootstrap } from '../../app/bootstrap-context';
import { useClock } from '../../app/app-clock';
import { useSyncStore } from './sync-store';

/** How often the sync runs while the app is open and online: often enough that a decision shows the same hour. */
export const SYNC_INTERVAL_MS = 5 * 60_000;

/**
 * Keeps the limits in step with the insurer while a portfolio is open: a sync at start, every few minutes,
 * and as soon as the network comes back. Offline, nothing is attempted; requests wait in the outbox.
 */
export function useInsurerSync(status: PortfolioStatus): void {
  const clock = useClock();
  const { isClockFixed } = useBootstrap();
  useEffect(() => {
    const isReady = status === 'ready';
    const run = () => void useSyncStore.getState().sync(clock, isClockFixed);
    const onOnline = () => {
      useSyncStore.getState().setOnline(true);
      if (isReady) run();
    };
    const onOffline = () => useSyncStore.getState().setOnline(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    useSyncStore.getState().setOnline(navigator.onLine);
    const timer = isReady ? window.setInterval(run, SYNC_INTERVAL_MS) : undefined;
    if (isReady) run();
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [status, clock, isClockFixed]);
}
