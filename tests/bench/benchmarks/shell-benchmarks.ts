import type { Benchmark, BenchRow } from '../bench-types';

const ROUND_TRIPS = 2_000;

/** How fast the app starts and how much an IPC call costs: the floor under every later benchmark. */
export const shellBenchmarks: Benchmark = {
  name: 'shell',
  async run(context) {
    const rows: BenchRow[] = [];
    const startTimes: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const host = await context.startApp();
      await host.page.getByRole('main').waitFor();
      startTimes.push(performance.now() - started);
      await host.close();
    }
    const median = [...startTimes].sort((a, b) => a - b)[1] ?? 0;
    rows.push({ benchmark: 'cold start to first screen (services + Chromium + renderer)', dataSize: 'empty store', result: `${median.toFixed(0)} ms (median of 3)` });

    const host = await context.startApp();
    await host.page.getByRole('main').waitFor();
    const perCallMs = await host.page.evaluate(async (count) => {
      const api = (window as unknown as { kredo: { getBootstrap(): Promise<unknown> } }).kredo;
      const started = performance.now();
      for (let index = 0; index < count; index += 1) await api.getBootstrap();
      return (performance.now() - started) / count;
    }, ROUND_TRIPS);
    rows.push({
      benchmark: 'IPC round trip (validated request and response)',
      dataSize: `${ROUND_TRIPS.toLocaleString('en')} sequential calls`,
      result: `${perCallMs.toFixed(2)} ms per call`,
      peakHeapMiB: await context.heapMiB(host.page),
    });
    await host.close();
    return rows;
  },
};
