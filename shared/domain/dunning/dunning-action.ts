import type { IsoDate } from '../../time/iso-date';

/** The steps of the dunning ladder (the seeds' process; the credit-policy editor configures them). */
export const DUNNING_STEPS = ['reminder-1', 'phone-call', 'reminder-2', 'formal-notice', 'stop-supply', 'handover'] as const;
export type DunningStep = (typeof DUNNING_STEPS)[number];

/** One thing done (or to be done) to collect: a letter sent, a call made, a handover. */
export interface DunningAction {
  readonly id: string;
  readonly debtorId: string;
  readonly step: DunningStep;
  readonly itemIds: readonly string[];
  readonly plannedOn: IsoDate;
  readonly doneOn?: IsoDate;
  readonly status: 'planned' | 'done' | 'skipped';
  readonly note: string;
}
