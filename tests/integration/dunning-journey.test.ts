import 'fake-indexeddb/auto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInsurerClient } from '../../electron/main/insurer/insurer-client';
import { createInsurerGateway } from '../../electron/main/insurer/insurer-gateway';
import { POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { base64ToBytes } from '../../renderer/src/data/backup/backup-format';
import type { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { loadWorklist } from '../../renderer/src/data/dunning/load-worklist';
import { processWorklist } from '../../renderer/src/data/dunning/process-worklist';
import { recordCall } from '../../renderer/src/data/dunning/record-call';
import { readDebtorLedger } from '../../renderer/src/data/store/read-ledger';
import { queueLossSubmission } from '../../renderer/src/data/sync/queue-loss-submission';
import { runSync } from '../../renderer/src/data/sync/run-sync';
import type { Jurisdiction } from '../../shared/domain/debtors/debtor';
import { seededRandom } from '../../shared/random/seeded-random';
import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { openDemoStore } from './demo-store';

/**
 * The seeds' process from due date to payout, for a Dutch, a Swedish and a British demo debtor, day by
 * day, with the worklist as a controller would work it and the sandbox insurer on the other side: first
 * reminder, call, second reminder, formal notice, overdue notification, handover, claim — and, after the
 * waiting period, the settlement. Set KREDO_LETTERS_DIR to keep the letters' PDFs.
 */
const start = TEST_NOW.slice(0, 10) as IsoDate;
let sandbox: TestSandbox;
let db: KredoDb;
const random = seededRandom(17);

// Each journey has its own insurer and store: the sandbox's clock moves months ahead in one.
let journeys = 0;
beforeEach(async () => {
  sandbox = await startTestSandbox();
  journeys += 1;
  db = await openDemoStore(`dunning-journey-${journeys}`, start);
});
afterEach(async () => {
  db.close();
  await sandbox.stop();
});

const port = (now: Date) =>
  createInsurerGateway(
    createInsurerClient({ baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey }, { now: () => now, random: () => random.next(), sleep: async () => undefined, maxAttempts: 10, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } }),
    POLICY,
  );
const sync = (day: IsoDate) => {
  const now = new Date(`${day}T12:00:00.000Z`);
  return runSync(db, port(now), { now: () => now, today: day, random: () => random.next(), force: true });
};

/** An insured debtor of the given law, fair grade, whose open invoices in its law's currency just fell due. */
async function journeyDebtor(jurisdiction: Jurisdiction) {
  const server = seededState();
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      if (debtor.jurisdiction !== jurisdiction) continue;
      const company = server.companies.find((candidate) => candidate.debtorId === debtor.id);
      const cover = server.covers.find((candidate) => candidate.companyId === company?.companyId && candidate.status === 'APPROVED' && !candidate.pendingChange);
      if (!company || !cover || company.grade > 6) continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const open = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0);
      const overdue = open.filter((item) => item.dueDate < start);
      if (overdue.length > 0 && !open.some((item) => item.dispute) && overdue.every((item) => addDays(item.dueDate, 20) >= start)) return { debtor, cover };
    }
  }
  throw new Error(`No fresh ${jurisdiction} debtor in the demo`);
}

describe('from overdue to settlement, under three laws', () => {
  for (const jurisdiction of ['NL', 'SE', 'GB'] as const) {
    it(`walks a ${jurisdiction} debtor through the ladder and the insurer to the settlement`, { timeout: 240_000 }, async () => {
      const { debtor, cover } = await journeyDebtor(jurisdiction);
      const done: string[] = [];
      let day = start;
      for (let offset = 0; offset <= 100 && !done.includes('handover'); offset += 1) {
        day = addDays(start, offset);
        if (offset > 0) await sandbox.admin('POST', '/clock', { advance: 'P1D' });
        const request = { today: day, at: `${day}T09:00:00.000Z`, locale: 'en-GB', leadDays: 7 };
        for (const entry of (await loadWorklist(db, request))!.entries.filter((candidate) => candidate.debtorId === debtor.id)) {
          const task = entry.task;
          if (task.kind === 'dunning' && task.channel === 'call') {
            await recordCall(db, { ...request, entryId: entry.id, outcome: 'other', note: 'Promised nothing' });
          } else {
            await processWorklist(db, { ...request, entryIds: [entry.id] });
          }
          done.push(task.kind === 'dunning' ? task.step : task.kind === 'deadline' ? task.deadline : task.kind);
        }
        await sync(day);
      }
      // The ladder in order, the insurer told in time, the debt handed over before the transfer deadline.
      // (Invoices falling due later start their own first reminder: the order of each step's first time counts.)
      const firstTimes = [...new Set(done)].filter((step) => ['reminder-1', 'phone-call', 'reminder-2', 'formal-notice', 'handover'].includes(step));
      expect(firstTimes).toEqual(['reminder-1', 'phone-call', 'reminder-2', 'formal-notice', 'handover']);
      expect(done).toContain('overdue-notification');
      const losses = await db.lossOutbox.where('debtorId').equals(debtor.id).toArray();
      expect(losses.find((loss) => loss.kind === 'overdue'), JSON.stringify(losses.map((loss) => [loss.kind, loss.state, loss.lastProblem, loss.invoices]))).toMatchObject({ state: 'ACKNOWLEDGED', insurerStatus: 'ACKNOWLEDGED', outcome: 'LIMIT_CONFIRMED' });
      expect(losses.find((loss) => loss.kind === 'collection')).toMatchObject({ state: 'ACKNOWLEDGED' });

      // Three letters, in the debtor's language, kept as made.
      const letters = (await db.documents.where('debtorId').equals(debtor.id).toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      expect(letters.every((letter) => letter.language === debtor.language)).toBe(true);
      expect([...new Set(letters.map((letter) => letter.step))]).toEqual(['reminder-1', 'reminder-2', 'formal-notice']);
      const keep = process.env['KREDO_LETTERS_DIR'];
      if (keep) {
        await mkdir(keep, { recursive: true });
        for (const letter of letters) await writeFile(path.join(keep, `${jurisdiction}-${letter.step}.pdf`), base64ToBytes(letter.pdfBase64));
      }

      // The claim, filed the next day; seven months later the insurer has paid.
      day = addDays(day, 1);
      await sandbox.admin('POST', '/clock', { advance: 'P1D' });
      const claim = await queueLossSubmission(db, { id: crypto.randomUUID(), debtorId: debtor.id, kind: 'claim', detail: { cause: 'PROTRACTED_DEFAULT' }, at: `${day}T09:00:00.000Z`, today: day });
      await sync(day);
      await sandbox.admin('POST', '/clock', { advance: 'P220D' });
      await sync(addDays(day, 220));
      const settled = (await db.lossOutbox.get(claim.id))!;
      expect(settled.insurerStatus).toBe('PAID');
      const net = claim.invoices.reduce((sum, invoice) => sum + invoice.netAmountMinor, 0);
      const loss = Math.min(net, cover.decidedAmountMinor);
      expect(settled.settlement).toMatchObject({ grossLossMinor: loss, paidMinor: Math.floor(((loss - 50_000) * 9 + 5) / 10) });
    });
  }
});
