/**
 * The schema-breaking fault (fault-injection.ts, `malformedCoverBuyers`): covers of the chosen buyers are
 * sent with their decided amount as a JSON number instead of the canonical decimal string (insurer-apis.md
 * §3.2), as an insurer's new release or a mapping bug might. Only what is sent changes: the sandbox's own
 * books stay right, so switching the fault off sends readable covers again.
 */
interface CoverLike {
  readonly companyId: string;
  readonly decidedAmount: unknown;
}

export function coverAsSent<T extends CoverLike>(view: T, buyers: readonly string[]): T | (Omit<T, 'decidedAmount'> & { decidedAmount: number }) {
  if (!buyers.includes(view.companyId)) return view;
  return { ...view, decidedAmount: Number(view.decidedAmount) };
}

/** A feed event as sent: its cover broken when it belongs to one of the chosen buyers. */
export function eventAsSent<T extends { readonly data: Record<string, unknown> }>(event: T, buyers: readonly string[]): T {
  const cover = event.data.cover as CoverLike | undefined;
  if (buyers.length === 0 || typeof cover !== 'object' || cover === null || !buyers.includes(cover.companyId)) return event;
  return { ...event, data: { ...event.data, cover: coverAsSent(cover, buyers) } };
}
