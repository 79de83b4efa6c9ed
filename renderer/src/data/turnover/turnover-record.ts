import type { TurnoverLine } from '../../../../shared/domain/turnover/turnover-declaration';
import type { TurnoverReceipt } from '../../../../shared/sync/turnover-wire';

/**
 * One version of a period's turnover declaration as Kredo keeps it (table `turnoverDeclarations`, migration 0020):
 * what was declared, when, and the insurer's answer. The first send of a period is version 1, each later one a
 * correction with the next version and its own Idempotency-Key; a send whose answer never came stays `sending`
 * and the next Send repeats it under the same key (the insurer replays its answer, nothing is booked twice).
 * `exported`: prepared as a file for the insurer's portal, where the dialect has no API for it.
 */
export interface TurnoverDeclarationRecord {
  /** `${policyId}:${period}:v${version}`. */
  readonly id: string;
  readonly policyId: string;
  /** `YYYY-MM` or `YYYY-Qn`, indexed. */
  readonly period: string;
  readonly version: number;
  readonly idempotencyKey: string;
  readonly state: 'sending' | 'sent' | 'exported';
  readonly currency: string;
  readonly lines: readonly TurnoverLine[];
  readonly totalMinor: number;
  readonly preparedAt: string;
  readonly sentAt?: string;
  readonly receipt?: TurnoverReceipt;
}
