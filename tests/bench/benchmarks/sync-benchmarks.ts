import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createSandboxServer } from '../../../electron/sandbox/sandbox-server';
import { fixedClock } from '../../../shared/time/clock';
import type { IsoDate } from '../../../shared/time/iso-date';
import type { InsurerConnectionSettings } from '../../../shared/ipc/insurer-contract';
import { makeTempDir } from '../../support/temp-dir';
import { benchCaller, type Benchmark, type BenchContext, type BenchRow } from '../bench-types';

type SyncBench = {
  resetPeak(): void;
  peakHeapMiB(): number;
  writeTier(tier: 'L', today: IsoDate): Promise<{ debtors: number }>;
  connectInsurer(settings: InsurerConnectionSettings, apiKey: string): Promise<string>;
  insurerSync(request: { today: IsoDate; connectionId: string; fixedNow: string }): Promise<{ totalMs: number; fetchMs: number; fullResync: boolean; changedLimits: number; syncedLimits: number }>;
};

const TODAY = '2026-11-24' as IsoDate;
const NOW = `${TODAY}T12:00:00.000Z`;
const CHANGES = 100;
/** Seeding the tier-L sandbox (20,000 buyers, their ledgers and covers) and saving its state. */
const SANDBOX_SEED_TARGET_MS = 30_000;
const n = (value: number) => value.toLocaleString('en');
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;

/**
 * Issue 6's bench: the app's sync against a sandbox insurer seeded with tier L (20,000 buyers and the
 * same portfolio's covers), over the real IPC channels and HTTP: the first sync (a full resync of every
 * cover into a tier-L store) and then an incremental sync of 100 insurer-initiated changes.
 */
export const syncBenchmarks: Benchmark = {
  name: 'sync-L',
  async run(context: BenchContext): Promise<BenchRow[]> {
    const folder = await makeTempDir('kredo-bench-sandbox-');
    const seedStarted = performance.now();
    const server = await createSandboxServer({ stateFile: path.join(folder.path, 'state.json'), clock: fixedClock(NOW), tier: 'L', adminToken: 'bench-admin' });
    const seedMs = performance.now() - seedStarted;
    const http = async (method: string, route: string, body?: unknown, headers: Record<string, string> = server.admin.headers) => {
      const response = await fetch(`${server.url}${route}`, { method, headers: { ...headers, 'Content-Type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
      if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
    };
    // The benchmark measures Kredo, not the sandbox's rate limit.
    await http('POST', '/admin/settings', { rateLimitBurst: 1_000_000, rateLimitPerSecond: 1_000_000 });

    const host = await context.startBenchPage();
    const call = benchCaller<SyncBench>(host.page);
    const rows: BenchRow[] = [];
    try {
      const { debtors } = await call('writeTier', 'L', TODAY);
      const connectionId = await call('connectInsurer', { mode: 'insurer', baseUrl: `${server.url}/v1`, policyId: 'sandbox-1001' }, server.apiKey);
      await call('resetPeak');
      const full = await call('insurerSync', { today: TODAY, connectionId, fixedNow: NOW });
      const size = `${n(full.syncedLimits)} covers → ${n(debtors)} debtors`;
      // The sandbox is not Kredo, but the tests and the bench start it at tier L: seeding must stay within
      // half a minute (the budget the sandbox tier test used to check, which failed on a busy machine).
      const stateMiB = Math.round((await stat(path.join(folder.path, 'state.json'))).size / 1_048_576);
      rows.push({ benchmark: '[L] sandbox insurer seeded and saved (not Kredo; for scale)', dataSize: `${n(debtors)} buyers, ${stateMiB} MiB state file`, result: ms(seedMs), target: '≤ 30 s', isTargetMet: seedMs <= SANDBOX_SEED_TARGET_MS });
      rows.push({ benchmark: '[L] first sync: full resync of every cover (HTTP pages of 500, IPC, apply, summaries)', dataSize: size, result: `${ms(full.totalMs)} (reading covers ${ms(full.fetchMs)})`, peakHeapMiB: Math.round(await call('peakHeapMiB')) });

      // 100 insurer-initiated reductions, as a busy morning's feed.
      const token = (await http('POST', '/v1/auth/token', { apiKey: server.apiKey }, {}))!.access_token as string;
      const covers = (await http('GET', '/v1/policies/sandbox-1001/covers?pageSize=500&status=APPROVED', undefined, { Authorization: `Bearer ${token}` }))!.items as { companyId: string; decidedAmount: string; pendingChange: unknown }[];
      const targets = covers.filter((cover) => Number(cover.decidedAmount) >= 10_000 && !cover.pendingChange).slice(0, CHANGES);
      for (const cover of targets) await http('POST', `/admin/buyers/${cover.companyId}/reduction`, {});
      await call('resetPeak');
      const incremental = await call('insurerSync', { today: TODAY, connectionId, fixedNow: NOW });
      if (incremental.fullResync) throw new Error('The incremental sync fell back to a full resync: the cursor was lost');
      rows.push({
        benchmark: '[L] incremental sync: change feed after the cursor (fetch, apply, summaries)',
        dataSize: `${n(targets.length)} changes on ${n(debtors)} debtors → ${n(incremental.changedLimits)} limits changed`,
        result: `${ms(incremental.totalMs)} (reading the feed ${ms(incremental.fetchMs)})`,
        peakHeapMiB: Math.round(await call('peakHeapMiB')),
      });
    } finally {
      await host.close();
      await server.close();
      await folder.remove();
    }
    return rows;
  },
};
