import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { StoredDebtor } from './schema';

/**
 * The keys an insurer cover finds its debtor by, kept on each chunk record and indexed (migration 0014), so
 * that applying a few covers reads only the chunks they land in instead of every debtor and limit (issue 14).
 * A limit chunk lists every cover id its limits have had (superseded ones too: a late event of an old cover
 * still finds its debtor); a debtor chunk lists its debtors' customer numbers and insurer buyer ids, own and
 * merged in (`ref:<code>`, `buyer:<id>`), as applyInsurerCovers matches them.
 */
export const COVER_KEYS_FIELD = 'coverIds';
export const DEBTOR_KEYS_FIELD = 'insurerRefs';
/**
 * Stamped (and indexed) beside the keys: a chunk without it was written before the keys existed or past the
 * middleware, and is keyed before an index is trusted (chunks-naming.ts). Raise it when the keys change.
 */
export const KEYS_VERSION_FIELD = 'keysVersion';
export const KEYS_VERSION = 1;

export function coverIdsOf(limits: readonly CreditLimit[]): string[] {
  const ids = new Set<string>();
  for (const limit of limits) {
    for (const cover of [limit, ...(limit.otherCovers ?? [])]) if (cover.coverId) ids.add(cover.coverId);
  }
  return [...ids];
}

export function insurerRefsOf(debtors: readonly StoredDebtor[]): string[] {
  const refs = new Set<string>();
  for (const debtor of debtors) {
    refs.add(`ref:${debtor.customerCode}`);
    if (debtor.insurerBuyerId) refs.add(`buyer:${debtor.insurerBuyerId}`);
    for (const code of debtor.aliases?.customerCodes ?? []) refs.add(`ref:${code}`);
    for (const buyerId of debtor.aliases?.insurerBuyerIds ?? []) refs.add(`buyer:${buyerId}`);
  }
  return [...refs];
}

const KEYED: Readonly<Record<string, (value: Record<string, unknown>) => Record<string, unknown>>> = {
  limitChunks: (value) => ({ ...value, [COVER_KEYS_FIELD]: coverIdsOf((value.limits as readonly CreditLimit[] | undefined) ?? []), [KEYS_VERSION_FIELD]: KEYS_VERSION }),
  debtorChunks: (value) => ({ ...value, [DEBTOR_KEYS_FIELD]: insurerRefsOf((value.debtors as readonly StoredDebtor[] | undefined) ?? []), [KEYS_VERSION_FIELD]: KEYS_VERSION }),
};

/**
 * Derives the keys on every write of a chunk, whoever writes it (an import, a merge, a restore, the sync),
 * as a Dexie DBCore middleware: no writer can forget them or leave stale ones behind. Records written before
 * this existed are keyed on first use (ensureInsurerKeys).
 */
export const insurerKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'insurerKeys',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        const keyed = KEYED[name];
        if (!keyed) return table;
        return {
          ...table,
          mutate(request: DBCoreMutateRequest) {
            if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
            return table.mutate({ ...request, values: request.values.map((value: Record<string, unknown>) => keyed(value)) } as DBCoreMutateRequest);
          },
        };
      },
    };
  },
};
