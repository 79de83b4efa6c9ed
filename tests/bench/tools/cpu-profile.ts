import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * With `KREDO_BENCH_CPU_PROFILE=<folder>`, the page's CPU profile through one operation (Chromium's
 * profiler over the DevTools protocol) is written there as `<name>.cpuprofile`, to open in DevTools or
 * `speedscope`. On a shared machine a profile says where the time goes even when wall-clock figures are
 * noisy (issue 14). Without the variable the operation runs unprofiled.
 */
export async function profiled<T>(page: Page, name: string, operation: () => Promise<T>): Promise<T> {
  const folder = process.env.KREDO_BENCH_CPU_PROFILE;
  if (!folder) return operation();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  try {
    return await operation();
  } finally {
    const { profile } = await session.send('Profiler.stop');
    await session.detach();
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}
