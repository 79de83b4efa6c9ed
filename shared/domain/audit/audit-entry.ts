/**
 * One line of the append-only audit trail: who did what to which record, when. The store only ever adds
 * entries; there is no way to change or delete one, so the trail can be shown to an auditor or insurer.
 */
export type AuditActor = 'user' | 'import' | 'sync' | 'system';

export interface AuditEntry {
  /** Assigned by the store, increasing. */
  readonly seq?: number;
  /** ISO 8601 instant. */
  readonly at: string;
  readonly actor: AuditActor;
  /** What happened, as a key in the `audit` texts, e.g. `portfolio.demoOpened`, `limit.decided`. */
  readonly action: string;
  readonly entityType: 'portfolio' | 'debtor' | 'item' | 'payment' | 'limit' | 'policy' | 'backup' | 'dunning' | 'import';
  readonly entityId: string;
  /** Values for the text's placeholders and the record's details. */
  readonly details: Readonly<Record<string, string | number | boolean>>;
}
