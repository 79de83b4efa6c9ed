import { fnv1a32 } from '../../../../shared/hash/fnv1a';
import type { InsurerCover } from '../../../../shared/sync/insurer-cover';
import type { RejectedItem } from '../../../../shared/sync/insurer-rejects';
import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import type { KredoDb } from '../db/kredo-db';
import type { QuarantinedInsurerItem } from '../db/schema';

/**
 * The insurer quarantine (issue 15): insurer data that does not fit the schema is kept here with what is
 * wrong with it, shown on the Insurer sync screen, while the rest of the sync goes on. An entry stands for
 * the latest unreadable version of a cover; it goes once a readable version at least as new arrives, or when
 * a full resync (which reads every cover again) no longer finds it unreadable.
 */
type Source = QuarantinedInsurerItem['source'];

/** A short stable hash (FNV-1a) for items that carry neither a cover id nor an event id. */
const hashOf = (text: string): string => fnv1a32(text).toString(16).padStart(8, '0');

const idOf = (item: RejectedItem): string => (item.coverId ? `cover:${item.coverId}` : item.eventId ? `event:${item.eventId}` : `item:${hashOf(item.excerpt)}`);

interface DebtorIndex {
  /** The insurer version Kredo holds of each cover id, and whose cover it is. */
  readonly covers: ReadonlyMap<string, { readonly debtorId: string; readonly version: number | undefined }>;
  readonly byReference: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

async function debtorIndex(db: KredoDb): Promise<DebtorIndex> {
  const [limitChunks, debtorChunks] = await Promise.all([db.limitChunks.toArray(), db.debtorChunks.toArray()]);
  const covers = new Map<string, { debtorId: string; version: number | undefined }>();
  for (const limit of limitChunks.flatMap((chunk) => chunk.limits)) {
    for (const cover of [limit, ...(limit.otherCovers ?? [])]) if (cover.coverId) covers.set(cover.coverId, { debtorId: limit.debtorId, version: cover.insurerVersion });
  }
  const byReference = new Map<string, string>();
  const names = new Map<string, string>();
  for (const debtor of debtorChunks.flatMap((chunk) => chunk.debtors)) {
    names.set(debtor.id, debtor.name);
    byReference.set(`ref:${debtor.customerCode}`, debtor.id);
    if (debtor.insurerBuyerId) byReference.set(`buyer:${debtor.insurerBuyerId}`, debtor.id);
  }
  return { covers, byReference, names };
}

/**
 * Keeps what the sync could not read, returning how many items it kept (the sync's history counts them). `replaceAll` (a full resync) first forgets everything before: what the
 * resync read is up to date, what it could not read is what remains. An unreadable feed event older than the
 * version Kredo already holds is nothing to worry about and is not kept.
 */
export async function keepQuarantined(db: KredoDb, source: Source, rejected: readonly RejectedItem[], at: string, options: { readonly replaceAll?: boolean } = {}): Promise<number> {
  if (rejected.length === 0 && !options.replaceAll) return 0;
  return db.transaction('rw', [db.insurerQuarantine, db.limitChunks, db.debtorChunks], async () => {
    const existing = new Map((await db.insurerQuarantine.toArray()).map((entry) => [entry.id, entry]));
    if (options.replaceAll) await db.insurerQuarantine.clear();
    if (rejected.length === 0) return 0;
    const index = await debtorIndex(db);
    const kept = new Map<string, QuarantinedInsurerItem>();
    for (const item of rejected) {
      const id = idOf(item);
      const held = item.coverId ? index.covers.get(item.coverId) : undefined;
      // A feed event older than the version Kredo holds is stale anyway; what a full read or an answer says is current.
      if (source === 'feed' && held?.version !== undefined && item.version !== undefined && held.version >= item.version) continue;
      const before = kept.get(id) ?? existing.get(id);
      if (before && !options.replaceAll && before.version !== undefined && item.version !== undefined && before.version > item.version) continue;
      const debtorId = held?.debtorId ?? (item.customerReference ? index.byReference.get(`ref:${item.customerReference}`) : undefined) ?? (item.companyId ? index.byReference.get(`buyer:${item.companyId}`) : undefined);
      const debtorName = debtorId ? index.names.get(debtorId) : undefined;
      kept.set(id, { ...item, id, source, ...(debtorId && { debtorId }), ...(debtorName && { debtorName }), firstSeenAt: existing.get(id)?.firstSeenAt ?? at, lastSeenAt: at });
    }
    await db.insurerQuarantine.bulkPut([...kept.values()]);
    return kept.size;
  });
}

/** A readable version of a quarantined cover, at least as new as the unreadable one, ends its quarantine. */
export async function releaseReadable(db: KredoDb, covers: readonly InsurerCover[]): Promise<void> {
  if (covers.length === 0) return;
  await db.transaction('rw', db.insurerQuarantine, async () => {
    const entries = await db.insurerQuarantine.toArray();
    if (entries.length === 0) return;
    const versions = new Map<string, number>();
    for (const cover of covers) versions.set(cover.coverId, Math.max(cover.version, versions.get(cover.coverId) ?? -1));
    const released = entries.filter((entry) => entry.coverId !== undefined && (versions.get(entry.coverId) ?? -1) >= (entry.version ?? 0)).map((entry) => entry.id);
    if (released.length > 0) await db.insurerQuarantine.bulkDelete(released);
  });
}

/**
 * The port as the outbox uses it, keeping a decided request's unreadable cover in the quarantine. The
 * request itself counts as decided (the insurer did decide it): sending it again would only replay the same
 * unreadable answer under its Idempotency-Key.
 */
export function withAnswersQuarantined<P extends InsurerSyncPort>(db: KredoDb, port: P, now: () => Date, onKept: (count: number) => void = () => undefined): P {
  return {
    ...port,
    async submit(entry, buyer) {
      const answer = await port.submit(entry, buyer);
      if (answer.rejected) onKept(await keepQuarantined(db, 'answer', [answer.rejected], now().toISOString()));
      if (answer.cover) await releaseReadable(db, [answer.cover]);
      return answer;
    },
  };
}
