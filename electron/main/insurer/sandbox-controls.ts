import type { CompanyIdentifier } from '../../../shared/domain/identifiers/identifier-type';
import { KredoError } from '../../../shared/errors/kredo-error';
import { toDecimalString, type CurrencyCode } from '../../../shared/money/money';
import type { SandboxServer } from '../../sandbox/sandbox-server';
import { problemCodeOf } from './insurer-client';
import type { InsurerGateway } from './insurer-gateway';

export type SandboxControlRequest =
  | { readonly action: 'advanceClock'; readonly hours: number }
  | { readonly action: 'maintenance'; readonly hours: number }
  | { readonly action: 'announceReduction'; readonly country: string; readonly identifiers: readonly CompanyIdentifier[]; readonly newAmountMinor?: number };

/**
 * The built-in sandbox's admin routes (virtual clock, insurer-initiated reduction, a maintenance window) for
 * a user trying the sync by hand: without them a referred request would wait for the underwriter's virtual
 * hours, no insurer would ever cut a limit, and no one would see Kredo wait as an insurer asks (Retry-After). Only the sandbox has them; a real insurer is never sent these.
 */
export function createSandboxControls(deps: {
  readonly sandbox: () => Promise<SandboxServer>;
  readonly gateway: () => Promise<InsurerGateway>;
  readonly currency: () => Promise<string>;
}) {
  const admin = async (path: string, body: unknown): Promise<unknown> => {
    const server = await deps.sandbox();
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { ...server.admin.headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answer: unknown = await response.json().catch(() => ({}));
    if (!response.ok) {
      const type = (answer as { type?: unknown }).type;
      const code = problemCodeOf(typeof type === 'string' ? type : undefined);
      throw new KredoError('insurer.refused', { status: response.status, ...(code !== undefined && { type: code }) });
    }
    return answer;
  };
  const insurerNow = async () => {
    const server = await deps.sandbox();
    const clock = (await (await fetch(`${server.url}/admin/clock`, { headers: server.admin.headers })).json()) as { now: string };
    return { insurerNow: clock.now };
  };

  return {
    async run(request: SandboxControlRequest): Promise<{ insurerNow: string }> {
      if (request.action === 'advanceClock') {
        await admin('/admin/clock', { advance: `PT${request.hours}H` });
        return insurerNow();
      }
      if (request.action === 'maintenance') {
        // From the insurer's now, in its virtual time: the window ends when its clock passes the end.
        const start = (await insurerNow()).insurerNow;
        await admin('/admin/faults', { maintenance: [{ start, end: new Date(Date.parse(start) + request.hours * 3_600_000).toISOString() }] });
        return { insurerNow: start };
      }
      await deps.sandbox();
      const companyId = await (await deps.gateway()).lookupBuyer(request.country, request.identifiers);
      if (!companyId) throw new KredoError('insurer.refused', { status: 404, type: 'no_buyer_match' });
      const newAmount = request.newAmountMinor === undefined ? undefined : toDecimalString({ amountMinor: request.newAmountMinor, currency: (await deps.currency()) as CurrencyCode });
      await admin(`/admin/buyers/${encodeURIComponent(companyId)}/reduction`, newAmount === undefined ? {} : { newAmount });
      return insurerNow();
    },
  };
}
