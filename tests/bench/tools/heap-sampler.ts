import type { Page } from 'playwright-core';

/**
 * The page's peak JS heap while an operation runs, sampled from the benchmark runner through the Chrome
 * DevTools Protocol. The page cannot watch itself: a timer in the page waits until a long synchronous
 * step (summarising a million items, laying out a PDF) has ended, so it would only ever see the heap
 * between steps. `Performance.getMetrics` is one of the DevTools commands Chromium delivers by
 * interrupting running JavaScript, so its answers come in while the page is busy (every 20–100 ms on this
 * machine, checked with a 2-second busy loop). Issue 14: "the renderer's JS heap, sampled through each
 * operation (not only at its end), ≤ 800 MiB".
 */
export interface HeapSampler {
  /**
   * Collects garbage, then starts a new peak at the heap's size: an operation's figure is its own, not the
   * garbage earlier rows left (as the idle time between a user's operations lets Chromium collect it).
   * Resolves to the heap's size after the collection, in MiB.
   */
  reset(): Promise<number>;
  /** The highest heap seen since `reset`, in MiB (one decimal), including a sample taken now. */
  peak(): Promise<number>;
  /** How many samples were taken since `reset`: a row whose operation got none was not watched. */
  readonly sampleCount: number;
  close(): Promise<void>;
}

/** The pause between one answer and the next request: short, as each sample costs the page microseconds. */
const PAUSE_MS = 10;

const toMiB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function startHeapSampler(page: Page): Promise<HeapSampler> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  let peakBytes = 0;
  let samples = 0;
  let running = true;
  const sample = async (): Promise<number> => {
    const { metrics } = await session.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    peakBytes = Math.max(peakBytes, used);
    samples += 1;
    return used;
  };
  const loop = (async () => {
    while (running) {
      // A reload or a closing page makes a request fail; the next one (or `close`) settles it.
      await sample().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  })();
  return {
    async reset() {
      await session.send('HeapProfiler.collectGarbage');
      peakBytes = 0;
      samples = 0;
      return toMiB(await sample());
    },
    async peak() {
      await sample().catch(() => undefined);
      return toMiB(peakBytes);
    },
    get sampleCount() {
      return samples;
    },
    async close() {
      running = false;
      await loop;
      await session.detach().catch(() => undefined);
    },
  };
}
