import { turnoverReceiptSchema, turnoverSubmissionSchema } from '../sync/turnover-wire';

/**
 * The turnover declaration channel (issue 18 item 4): the renderer sends what the store computed from the ledger
 * and kept as `sending` (renderer/src/data/turnover), the main process sends it to the insurer with its
 * Idempotency-Key and answers the receipt; refused with `turnover.portalOnly` where the dialect has no API for it.
 */
export const turnoverContract = {
  insurerDeclareTurnover: { request: turnoverSubmissionSchema, response: turnoverReceiptSchema },
} as const;
