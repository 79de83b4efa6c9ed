/**
 * The page's peak JS heap through an operation. The runner's sampler (tests/bench/tools/heap-sampler.ts)
 * samples through CDP while a long step runs; this page's own `sample()` only sees the heap between steps.
 * `resetPeak` starts an operation's figure after a full collection (the sampler asks for one), as the idle
 * time between a user's operations lets Chromium collect: without it, a row's figure was mostly the garbage
 * the rows before it left (issue 14: 617 MiB at the reminder row's start, 153 MiB of it live).
 */
const heapMiB = () => Math.round(((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1024 / 10.24) / 100;

/** The runner's sampler; absent when the page is opened by hand. */
const hostHeap = (command: 'reset' | 'peak'): Promise<number> | undefined => (window as unknown as { kredoBenchHeap?: (command: 'reset' | 'peak') => Promise<number> }).kredoBenchHeap?.(command);

let peak = 0;

/** Notes the heap now (between steps). */
export function sample(): void {
  peak = Math.max(peak, heapMiB());
}

export async function resetPeak(): Promise<void> {
  await hostHeap('reset');
  peak = heapMiB();
}

export async function peakHeapMiB(): Promise<number> {
  return Math.max(peak, (await hostHeap('peak')) ?? 0);
}
