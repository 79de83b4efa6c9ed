import { addDays, type IsoDate } from '../../time/iso-date';
import type { DunningStep } from './dunning-action';

/** How a step reaches the debtor: a letter (or e-mail), a phone call, or an internal task (stop supply, handover). */
export const DUNNING_CHANNELS = ['letter', 'call', 'task'] as const;
export type DunningChannel = (typeof DUNNING_CHANNELS)[number];

/**
 * Where a letter's payment term starts. Most letters count from their date; the Dutch veertiendagenbrief
 * (art. 6:96 lid 6 BW, law-and-formats.md A.2.2) gives 14 days starting the day after the debtor
 * *received* it, so "within 14 days of the letter's date" would be defective.
 */
export const TERM_STARTS = ['letter-date', 'after-receipt'] as const;
export type TermStart = (typeof TERM_STARTS)[number];

/**
 * One rung of the ladder.
 *
 * The timing model is a chain: the first step falls due `waitDays` after the invoice's due date, every
 * later step `waitDays` after the previous step was done (or skipped) for that invoice. A chain and not
 * fixed offsets from the due date, because a letter promises the debtor a term: if the first reminder
 * goes out a week late, the phone call must still wait until its seven days have run, or the debtor is
 * chased before the date Kredo itself gave. Each invoice keeps its own place on the ladder; what reaches
 * the debtor is consolidated per step (see dunning-plan.ts). Only the insurer's deadlines can pull
 * stop-supply and handover forward (step-schedule.ts): cover is worth more than the courtesy.
 */
export interface LadderStep {
  readonly step: DunningStep;
  readonly channel: DunningChannel;
  /** Days after the due date (first step, may be negative for a friendly pre-due letter) or after the previous step. */
  readonly waitDays: number;
  /** The days to pay a letter gives; 0 for calls and tasks. */
  readonly termDays: number;
  readonly termStart: TermStart;
}

/** The steps in DUNNING_STEPS order; a ladder may leave steps out (no call for small debtors, say). */
export interface DunningLadder {
  readonly steps: readonly LadderStep[];
}

/** How a debtor segment is dunned: which ladder, and how many days later than that ladder it starts. */
export interface SegmentStrategy {
  readonly ladder: string;
  readonly delayDays: number;
}

export interface CreditPolicy {
  /** The payment term new debtors get unless agreed otherwise. */
  readonly paymentTermsDays: number;
  /** Posting days assumed before a letter is received (the "16-day approach" of Dutch collectors: 2 + 14). */
  readonly assumedReceiptDays: number;
  /** Handover falls due at the latest this many days before the insurer's collection-transfer deadline. */
  readonly handoverMarginDays: number;
  /** A promise to pay is kept when the money arrives by its date plus these banking days (transfers take a day or two). */
  readonly promiseGraceDays: number;
  /** A payment plan is broken once an instalment is unpaid more than these days after its due date. */
  readonly planBreaksAfterDaysLate: number;
  /** The ladders by id; `defaultLadder` is used for any segment without a strategy. */
  readonly ladders: Readonly<Record<string, DunningLadder>>;
  readonly defaultLadder: string;
  /** Strategies by segment key (see segmentKey): "key-account", "small", … */
  readonly segments: Readonly<Record<string, SegmentStrategy>>;
}

/**
 * The seeds' process: the first reminder within five days of the due date with a seven-day term; a call
 * the day after that term has run; a second reminder a week after the call; the formal notice (14 days
 * after receipt, the Dutch veertiendagenbrief) the day after the second reminder's term; stop supply the
 * day after the formal notice's term (2 days' post + 14 + 1); handover to collection ten days later.
 * For an invoice dunned on time that is due+5, +13, +20, +28, +45 and +55: inside the common 60-day
 * maximum extension period, so the insurer's deadlines only bite when the controller falls behind.
 */
const STANDARD_LADDER: DunningLadder = {
  steps: [
    { step: 'reminder-1', channel: 'letter', waitDays: 5, termDays: 7, termStart: 'letter-date' },
    { step: 'phone-call', channel: 'call', waitDays: 8, termDays: 0, termStart: 'letter-date' },
    { step: 'reminder-2', channel: 'letter', waitDays: 7, termDays: 7, termStart: 'letter-date' },
    { step: 'formal-notice', channel: 'letter', waitDays: 8, termDays: 14, termStart: 'after-receipt' },
    { step: 'stop-supply', channel: 'task', waitDays: 17, termDays: 0, termStart: 'letter-date' },
    { step: 'handover', channel: 'task', waitDays: 10, termDays: 0, termStart: 'letter-date' },
  ],
};

/**
 * Key accounts: later and with longer terms, because the relationship is worth more than a week's cash.
 * Chained, this would stop supply at due+64; the insurer's maximum extension period caps it (due+60).
 */
const KEY_ACCOUNT_LADDER: DunningLadder = {
  steps: [
    { step: 'reminder-1', channel: 'letter', waitDays: 10, termDays: 14, termStart: 'letter-date' },
    { step: 'phone-call', channel: 'call', waitDays: 15, termDays: 0, termStart: 'letter-date' },
    { step: 'reminder-2', channel: 'letter', waitDays: 7, termDays: 14, termStart: 'letter-date' },
    { step: 'formal-notice', channel: 'letter', waitDays: 15, termDays: 14, termStart: 'after-receipt' },
    { step: 'stop-supply', channel: 'task', waitDays: 17, termDays: 0, termStart: 'letter-date' },
    { step: 'handover', channel: 'task', waitDays: 14, termDays: 0, termStart: 'letter-date' },
  ],
};

export const DEFAULT_CREDIT_POLICY: CreditPolicy = {
  paymentTermsDays: 30,
  assumedReceiptDays: 2,
  handoverMarginDays: 5,
  promiseGraceDays: 2,
  planBreaksAfterDaysLate: 7,
  ladders: { standard: STANDARD_LADDER, 'key-account': KEY_ACCOUNT_LADDER },
  defaultLadder: 'standard',
  segments: {
    'key-account': { ladder: 'key-account', delayDays: 0 },
    standard: { ladder: 'standard', delayDays: 0 },
    small: { ladder: 'standard', delayDays: 0 },
  },
};

/** A segment as typed anywhere ("Key account", "key_account") matched to its strategy key ("key-account"). */
export function segmentKey(segment: string): string {
  return segment.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * The ladder a debtor of this segment is dunned with, its strategy's delay added to the first step.
 * An unknown segment gets the default ladder: every debtor is dunned, none falls through the cracks.
 */
export function ladderForSegment(policy: CreditPolicy, segment: string): DunningLadder {
  const key = segmentKey(segment);
  const strategy = Object.entries(policy.segments).find(([name]) => segmentKey(name) === key)?.[1];
  const ladder = policy.ladders[strategy?.ladder ?? policy.defaultLadder] ?? policy.ladders[policy.defaultLadder];
  if (!ladder) throw new RangeError(`The credit policy has no ladder "${policy.defaultLadder}"`);
  const delay = strategy?.delayDays ?? 0;
  if (delay === 0) return ladder;
  return { steps: ladder.steps.map((step, index) => (index === 0 ? { ...step, waitDays: step.waitDays + delay } : step)) };
}

/** Days from sending a step until its term has run out (0 for calls and tasks). */
export function termLengthDays(step: LadderStep, assumedReceiptDays: number): number {
  if (step.termDays === 0) return 0;
  return step.termDays + (step.termStart === 'after-receipt' ? assumedReceiptDays : 0);
}

/**
 * The last day to pay that a letter sent on `sentOn` gives. For the veertiendagenbrief sent on Monday
 * 4 May: received Wednesday 6 May, day one of fourteen is Thursday 7 May, the last day Wednesday 20 May.
 */
export function termEndsOn(step: LadderStep, sentOn: IsoDate, assumedReceiptDays: number): IsoDate | undefined {
  if (step.termDays === 0) return undefined;
  return addDays(sentOn, termLengthDays(step, assumedReceiptDays));
}
