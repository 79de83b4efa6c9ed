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
  /** Peak JavaScript heap of the page during the benchmark, in MiB. */
  readonly peakHeapMiB?: number;
}

export interface BenchContext {
  /** Starts a fresh Kredo in headless Chromium on its own user-data folder. */
  startApp(): Promise<ChromiumHost>;
  /** Starts the benchmark page (the store's code without the UI) the same way, on its own folder. */
  startBenchPage(): Promise<ChromiumHost>;
  /** The page's JS heap in MiB right now (Chromium's Performance metrics). */
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
