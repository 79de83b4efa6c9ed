import type { Page } from 'playwright-core';
import type { ChromiumHost } from '../../electron/chromium-host/chromium-host';

export interface BenchRow {
  readonly benchmark: string;
  /** What was measured on how much data, for example "20,000 debtors / 1,000,000 invoices". */
  readonly dataSize: string;
  readonly result: string;
  /** The target from the issue, if there is one, and whether it was met. */
  readonly target?: string;
  readonly isTargetMet?: boolean;
  /**
   * Peak JavaScript heap of the page during the benchmark, in MiB, sampled through the operation
   * (tools/heap-sampler.ts). Every row with a peak is held to HEAP_TARGET_MIB.
   */
  readonly peakHeapMiB?: number;
  /** A reference figure measured in the same run on the same data (DuckDB's load of the same file, papaparse alone). */
  readonly anchor?: BenchAnchor;
}

/**
 * What a figure is set against: the table prints "DuckDB load 2,200 ms → 3.6×". `ratio` is Kredo's time
 * over the anchor's (use `anchorOf` to compute it); `targetRatio`, when the issue sets one, is printed beside it.
 */
export interface BenchAnchor {
  readonly name: string;
  readonly ms: number;
  readonly ratio: number;
  readonly targetRatio?: number;
}

export const anchorOf = (name: string, anchorMs: number, kredoMs: number, targetRatio?: number): BenchAnchor => ({
  name,
  ms: anchorMs,
  ratio: kredoMs / anchorMs,
  ...(targetRatio !== undefined && { targetRatio }),
});

/** Issue 14: "the renderer's JS heap, sampled through each operation (not only at its end), ≤ 800 MiB". */
export const HEAP_TARGET_MIB = 800;

export interface BenchContext {
  /** Starts a fresh Kredo in headless Chromium on its own user-data folder. */
  startApp(): Promise<ChromiumHost>;
  /** Starts the benchmark page (the store's code without the UI) the same way, on its own folder. */
  startBenchPage(): Promise<ChromiumHost>;
  /**
   * The page's JS heap in MiB right now (Chromium's Performance metrics). The benchmark page also has
   * `kredoBench.resetPeak()` and `kredoBench.peakHeapMiB()`, backed by a sampler the runner keeps on it.
   */
  heapMiB(page: Page): Promise<number>;
}

export interface Benchmark {
  readonly name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}

/** Calls `window.kredoBench.<method>(...args)` in the benchmark page, typed by the page's own signatures. */
export function benchCaller<Api extends Record<string, (...args: never[]) => unknown>>(page: Page) {
  return <K extends keyof Api & string>(method: K, ...args: Parameters<Api[K]>) =>
    page.evaluate(([name, params]) => ((window as unknown as { kredoBench: Record<string, (...a: unknown[]) => unknown> }).kredoBench[name]!(...params) as Promise<unknown>), [method, args] as const) as ReturnType<Api[K]>;
}
