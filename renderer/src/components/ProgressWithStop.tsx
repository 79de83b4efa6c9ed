import { useCallback, useRef, useState } from 'react';

/**
 * Stop for long work in the data worker (processing reminders, a batch of statements): the worker reads
 * `isStopped()` between two items, so the item being made is finished and stored first — a Stop never leaves
 * half a letter behind.
 */
export function useStop() {
  const stopRequested = useRef(false);
  const [isStopping, setStopping] = useState(false);
  const reset = useCallback(() => {
    stopRequested.current = false;
    setStopping(false);
  }, []);
  const requestStop = useCallback(() => {
    stopRequested.current = true;
    setStopping(true);
  }, []);
  const isStopped = useCallback(() => stopRequested.current, []);
  return { isStopping, isStopped, reset, requestStop };
}

interface ProgressWithStopProps {
  readonly done: number;
  readonly total: number;
  /** The progress bar's accessible name. */
  readonly label: string;
  /** "12 of 100", in the user's language and number format. */
  readonly text: string;
  readonly stopLabel: string;
  readonly isStopping: boolean;
  readonly onStop: () => void;
  /** Names the count for tests (the worklist's progress is read by e2e specs). */
  readonly 'data-testid'?: string;
}

/** The progress bar, its count in words and the Stop button, the same on every long run. */
export function ProgressWithStop({ done, total, label, text, stopLabel, isStopping, onStop, 'data-testid': testId }: ProgressWithStopProps) {
  return (
    <>
      <progress max={Math.max(1, total)} value={done} aria-label={label} />
      <span className="note" data-testid={testId}>
        {text}
      </span>
      <button type="button" className="button" disabled={isStopping} onClick={onStop}>
        {stopLabel}
      </button>
    </>
  );
}
