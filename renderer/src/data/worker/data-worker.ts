/// <reference lib="webworker" />
/**
 * The data worker: owns the heavy work on the offline store. Its own Dexie instance shares the database
 * with the UI thread's; Dexie broadcasts each write, so the UI's live queries update by themselves.
 */
import { expose } from 'comlink';
import { DATA_TIERS, DEMO_SEED } from '../../../../shared/generator/data-tiers';
import { generateChunks, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import { KredoDb } from '../db/kredo-db';
import { refreshSummaries } from '../store/refresh-summaries';
import { replacePortfolio } from '../store/replace-portfolio';
import type { DataApi } from './data-api';

const db = new KredoDb();

const api: DataApi = {
  async openDemoPortfolio({ today, at }, onProgress) {
    const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
    const policy = generatePolicy(today);
    return replacePortfolio(db, {
      policy,
      rates: generateExchangeRates(DEMO_SEED, today),
      chunks: generateChunks(plan, policy),
      chunkCount: plan.chunkCount,
      asOf: today,
      at,
      source: 'demo',
      ...(onProgress && { onProgress: (done: number, total: number) => void onProgress(done, total) }),
    });
  },

  async refreshSummariesIfStale({ today }) {
    const current = await db.portfolio.get('current');
    if (!current || current.asOf === today) return current;
    return refreshSummaries(db, today);
  },
};

expose(api);
