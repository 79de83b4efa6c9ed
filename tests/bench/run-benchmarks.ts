/**
 * `npm run bench`: Kredo's speed on this machine, in headless Chromium with the real main services and the
 * built renderer, as the user would experience it. Prints a table (benchmark, data size, result, target,
 * met, anchor and ratio, peak heap against its target) and writes it to bench-results/latest.json. Targets
 * are checked here, not in unit tests. The machine's load average is printed at the start and the end: the
 * machine is shared, and a figure taken at load 6 is not one taken at load 1 (issue 14).
 *
 * Usage: npm run bench [-- <benchmark-name> ...]: shell, store-M, store-L, imports-L, bank-L (the bank rows of imports-L alone), open-items-L (its open-items rows alone), sync-L, hostile; none runs all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { startChromiumHost, type ChromiumHost } from '../../electron/chromium-host/chromium-host';
import { createRecordingDesktop } from '../../electron/chromium-host/host-desktop';
import { makeTempDir } from '../support/temp-dir';
import type { IsoDate } from '../../shared/time/iso-date';
import { HEAP_TARGET_MIB, type BenchContext, type Benchmark, type BenchRow } from './bench-types';
import { startHeapSampler } from './tools/heap-sampler';
import { shellBenchmarks } from './benchmarks/shell-benchmarks';
import { storeBenchmarks } from './benchmarks/store-benchmarks';
import { bankBenchmarks, importBenchmarks, openItemsBenchmarks } from './benchmarks/import-benchmarks';
import { syncBenchmarks } from './benchmarks/sync-benchmarks';
import { hostileBenchmarks } from './benchmarks/hostile-benchmarks';
import { dunningBenchmarks } from './benchmarks/dunning-benchmarks';

const BENCHMARKS: readonly Benchmark[] = [shellBenchmarks, storeBenchmarks('M'), storeBenchmarks('L'), importBenchmarks, bankBenchmarks, openItemsBenchmarks, syncBenchmarks, hostileBenchmarks, dunningBenchmarks];

const cleanups: (() => Promise<void>)[] = [];
async function start(rendererDir: string): Promise<ChromiumHost> {
  const dir = await makeTempDir('kredo-bench-');
  const host = await startChromiumHost({
    userDataDir: dir.path,
    rendererDir: path.resolve(rendererDir),
    appVersion: packageJson.version,
    headless: true,
    systemLocales: ['en-GB'],
    desktop: createRecordingDesktop(),
    today: '2026-11-24' as IsoDate,
  });
  cleanups.push(async () => {
    await host.close();
    await dir.remove();
  });
  return host;
}

const context: BenchContext = {
  startApp: () => start('out/renderer'),
  async startBenchPage() {
    const host = await start('out/bench');
    // The page's resetPeak/peakHeapMiB ask this sampler, which watches the heap while the page is busy.
    const sampler = await startHeapSampler(host.page);
    cleanups.unshift(() => sampler.close());
    await host.page.exposeFunction('kredoBenchHeap', (command: 'reset' | 'peak') => (command === 'reset' ? sampler.reset() : sampler.peak()));
    await host.page.waitForFunction(() => document.title === 'ready');
    const close = host.close.bind(host);
    return {
      ...host,
      close: async () => {
        await sampler.close();
        await close();
      },
    };
  },
  async heapMiB(page) {
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    await session.detach();
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    return Math.round((used / 1024 / 1024) * 10) / 10;
  },
};

/** The 1-, 5- and 15-minute load averages, as `uptime` prints them. */
const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
const formatLoad = (load: readonly number[]) => `load average ${load.map((value) => value.toFixed(2)).join(', ')} (${os.cpus().length} cores)`;
const n = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 0 });

const selected = process.argv.slice(2);
// bank-L is part of imports-L; named alone, it runs without the open-items import before it.
const toRun = selected.length > 0 ? BENCHMARKS.filter((benchmark) => selected.includes(benchmark.name)) : BENCHMARKS.filter((benchmark) => benchmark !== bankBenchmarks && benchmark !== openItemsBenchmarks);
const startedAt = new Date().toISOString();
const loadAtStart = loadAverage();
console.log(`Benchmarks starting at ${startedAt}: ${formatLoad(loadAtStart)}`);
const rows: BenchRow[] = [];
for (const benchmark of toRun) {
  console.log(`Running ${benchmark.name}…`);
  rows.push(...(await benchmark.run(context)));
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
}
const loadAtEnd = loadAverage();

const isHeapMet = (row: BenchRow) => (row.peakHeapMiB === undefined ? undefined : row.peakHeapMiB <= HEAP_TARGET_MIB);
const isRatioMet = (row: BenchRow) => (row.anchor?.targetRatio === undefined ? undefined : row.anchor.ratio <= row.anchor.targetRatio);
const yesNo = (met: boolean | undefined) => (met === undefined ? '–' : met ? 'yes' : 'NO');
const header = ['Benchmark', 'Data size', 'Result', 'Target', 'Met', 'Anchor (same run)', 'Ratio', `Peak heap (≤ ${HEAP_TARGET_MIB} MiB)`];
const table = [
  header,
  ...rows.map((row) => [
    row.benchmark,
    row.dataSize,
    row.result,
    row.target ?? '–',
    yesNo(row.isTargetMet),
    row.anchor ? `${row.anchor.name} ${n(row.anchor.ms)} ms` : '–',
    row.anchor ? `${row.anchor.ratio.toFixed(1)}×${row.anchor.targetRatio === undefined ? '' : ` (≤ ${row.anchor.targetRatio}×: ${yesNo(isRatioMet(row))})`}` : '–',
    row.peakHeapMiB === undefined ? '–' : `${n(row.peakHeapMiB)} MiB ${yesNo(isHeapMet(row))}`,
  ]),
];
const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
console.log(`\nKredo ${packageJson.version} benchmarks — ${startedAt} — ${process.platform}, Node ${process.version}`);
console.log(`At the start: ${formatLoad(loadAtStart)}\n`);
for (const [index, line] of table.entries()) {
  console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | '));
  if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
}
console.log(`\nAt the end (${new Date().toISOString()}): ${formatLoad(loadAtEnd)}`);
await mkdir('bench-results', { recursive: true });
const results = rows.map((row) => ({ ...row, ...(row.peakHeapMiB !== undefined && { heapTargetMiB: HEAP_TARGET_MIB, isHeapTargetMet: isHeapMet(row) }) }));
await writeFile('bench-results/latest.json', `${JSON.stringify({ date: startedAt, cores: os.cpus().length, loadAverage: { start: loadAtStart, end: loadAtEnd }, rows: results }, null, 2)}\n`);
if (rows.some((row) => row.isTargetMet === false || isHeapMet(row) === false || isRatioMet(row) === false)) process.exitCode = 1;
