/**
 * `npm run bench`: Kredo's speed on this machine, in headless Chromium with the real main services and the
 * built renderer, as the user would experience it. Prints a table (benchmark, data size, result, target,
 * peak heap) and writes it to bench-results/latest.json. Targets are checked here, not in unit tests.
 *
 * Usage: npm run bench [-- <benchmark-name> ...]: shell, store-M, store-L, imports-L, sync-L, hostile; none runs all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { startChromiumHost, type ChromiumHost } from '../../electron/chromium-host/chromium-host';
import { createRecordingDesktop } from '../../electron/chromium-host/host-desktop';
import { makeTempDir } from '../support/temp-dir';
import type { IsoDate } from '../../shared/time/iso-date';
import type { BenchContext, Benchmark, BenchRow } from './bench-types';
import { shellBenchmarks } from './benchmarks/shell-benchmarks';
import { storeBenchmarks } from './benchmarks/store-benchmarks';
import { importBenchmarks } from './benchmarks/import-benchmarks';
import { syncBenchmarks } from './benchmarks/sync-benchmarks';
import { hostileBenchmarks } from './benchmarks/hostile-benchmarks';

const BENCHMARKS: readonly Benchmark[] = [shellBenchmarks, storeBenchmarks('M'), storeBenchmarks('L'), importBenchmarks, syncBenchmarks, hostileBenchmarks];

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
    await host.page.waitForFunction(() => document.title === 'ready');
    return host;
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

const selected = process.argv.slice(2);
const toRun = selected.length > 0 ? BENCHMARKS.filter((benchmark) => selected.includes(benchmark.name)) : BENCHMARKS;
const rows: BenchRow[] = [];
for (const benchmark of toRun) {
  console.log(`Running ${benchmark.name}…`);
  rows.push(...(await benchmark.run(context)));
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
}

const header = ['Benchmark', 'Data size', 'Result', 'Target', 'Met', 'Peak heap'];
const table = [
  header,
  ...rows.map((row) => [
    row.benchmark,
    row.dataSize,
    row.result,
    row.target ?? '–',
    row.isTargetMet === undefined ? '–' : row.isTargetMet ? 'yes' : 'NO',
    row.peakHeapMiB === undefined ? '–' : `${row.peakHeapMiB} MiB`,
  ]),
];
const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
console.log(`\nKredo ${packageJson.version} benchmarks — ${new Date().toISOString()} — ${process.platform}, Node ${process.version}\n`);
for (const [index, line] of table.entries()) {
  console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | '));
  if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
}
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/latest.json', `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
if (rows.some((row) => row.isTargetMet === false)) process.exitCode = 1;
