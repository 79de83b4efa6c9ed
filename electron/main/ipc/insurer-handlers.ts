import type { LossSubmission } from '../../../shared/sync/loss-submission';
import type { InsurerService } from '../insurer/insurer-service';
import type { IpcHandlers } from './ipc-handlers';

type InsurerHandlers = Pick<
  IpcHandlers,
  'insurerFullResync' | 'insurerChanges' | 'insurerLookupBuyer' | 'insurerCheckBuyer' | 'insurerRequestCheck' | 'insurerSubmit' | 'insurerSubmitLoss' | 'insurerLossStatus' | 'insurerCoverRequests' | 'insurerLossRecords' | 'insurerGetConnection' | 'insurerSetConnection' | 'insurerPolicyTerms' | 'insurerSandboxControl'
>;

/** The insurer channels: each a thin pass-through to the sync port; the dispatcher checks both directions. */
export function createInsurerHandlers(insurer: InsurerService): InsurerHandlers {
  return {
    insurerFullResync: async () => {
      const { covers, cursor, rejected } = await (await insurer.port()).fullResync();
      return { covers: [...covers], cursor, ...(rejected && rejected.length > 0 && { rejected: [...rejected] }) };
    },
    insurerChanges: async ({ cursor }) => {
      const page = await (await insurer.port()).changes(cursor);
      return { items: [...page.items], nextCursor: page.nextCursor, hasMore: page.hasMore };
    },
    insurerLookupBuyer: async ({ country, identifiers }) => ({ companyId: (await (await insurer.port()).lookupBuyer(country, identifiers)) ?? null }),
    insurerCheckBuyer: async ({ country, identifiers }) => {
      const buyer = await (await insurer.port()).checkBuyer(country, identifiers);
      return { buyer: buyer ? { ...buyer, covers: buyer.covers.slice(0, 100) } : null };
    },
    insurerRequestCheck: async (request) => (await insurer.port()).requestCheck(request),
    insurerSubmit: async ({ entry, buyer }) => {
      const answer = await (await insurer.port()).submit(entry, buyer);
      return { decided: answer.decided, ...(answer.requestId !== undefined && { requestId: answer.requestId }), ...(answer.cover && { cover: answer.cover }), ...(answer.rejected && { rejected: answer.rejected }) };
    },
    insurerSubmitLoss: async ({ entry, buyer }) => (await insurer.port()).submitLoss({ ...entry, invoices: entry.invoices.map((invoice) => ({ ...invoice, issueDate: invoice.issueDate, dueDate: invoice.dueDate })) } as LossSubmission, buyer),
    insurerLossStatus: async ({ kind, insurerId }) => ({ records: [...(await (await insurer.port()).lossStatus(kind, insurerId))] }),
    insurerCoverRequests: async ({ companyId, since }) => ({ records: (await (await insurer.port()).coverRequests(companyId, since)).slice(0, 100).map((record) => ({ ...record })) }),
    insurerLossRecords: async ({ kind, companyId, since }) => ({ records: (await (await insurer.port()).lossRecords(kind, companyId, since)).slice(0, 100).map((record) => ({ ...record, invoiceNumbers: [...record.invoiceNumbers] })) }),
    insurerGetConnection: () => insurer.connection(),
    insurerSetConnection: ({ settings, apiKey, credentials }) => insurer.configure(settings, credentials ?? apiKey),
    insurerPolicyTerms: async () => (await insurer.port()).policyTerms(),
    insurerSandboxControl: (request) => insurer.sandboxControl(request),
  };
}
