import { seededRandom } from '../../shared/random/seeded-random';
import { badRequest } from './problem';

/**
 * Transport faults a test switches on through the admin routes (insurer-apis.md §3.4 "transport
 * quirks"). They live in memory only: a restart is a clean network. Dropping closes the socket without a
 * word; by default *after* the request was handled, the nasty case in which the insurer did act but the
 * client never heard, and only the Idempotency-Key saves it from asking twice.
 */
export interface FaultSettings {
  /** Share (0–1) of API requests whose connection is dropped. */
  dropRate: number;
  /** The next N API requests are dropped, whatever dropRate says (deterministic tests). */
  dropNext: number;
  dropWhen: 'after-handling' | 'before-handling';
  /**
   * The next N API requests are answered 429 with this Retry-After (whole seconds, up to a week, so a test
   * can ask for the hours the client must honour), as in a burst of throttling.
   */
  throttleNext: number;
  throttleRetryAfterSeconds: number;
  /** Maintenance windows in virtual time: 503 with Retry-After until the window ends. */
  maintenance: { start: string; end: string }[];
  duplicateFeedEvents: boolean;
  reorderFeedEvents: boolean;
  /**
   * A decision on a buyer that already has a cover cancels it and issues the decision under a new cover id
   * whose version starts again at 1, as insurers do on a re-approval or a change of product (issue 15).
   */
  reissueCovers: boolean;
  /** Buyers (insurer company ids) whose covers are sent with a malformed amount: in the cover list, the feed and answers. */
  malformedCoverBuyers: string[];
  /** Atradius dialect: a cover list that takes more than one page answers 206 Partial Content on every page but the last. */
  partialContentPages: boolean;
  /** Allianz Trade dialect: the next N job polls answer "pending" (a job still being processed). */
  pendingJobPolls: number;
}

export const NO_FAULTS: FaultSettings = {
  dropRate: 0,
  dropNext: 0,
  dropWhen: 'after-handling',
  throttleNext: 0,
  throttleRetryAfterSeconds: 2,
  maintenance: [],
  duplicateFeedEvents: false,
  reorderFeedEvents: false,
  reissueCovers: false,
  malformedCoverBuyers: [],
  partialContentPages: false,
  pendingJobPolls: 0,
};

export interface FaultInjector {
  readonly settings: FaultSettings;
  /** Applies a partial update from the admin route; unknown or malformed fields are refused (400). */
  update(patch: unknown): FaultSettings;
  clear(): void;
  shouldDrop(): boolean;
  /** Retry-After seconds when this request falls in a throttling burst. */
  throttled(): number | undefined;
  /** The end of the maintenance window `nowMs` falls in. */
  maintenanceUntil(nowMs: number): number | undefined;
  /** Whether this job poll falls in the `pendingJobPolls` fault (and counts it down). */
  takePendingJobPoll(): boolean;
}

/** A week: longer than any maintenance an insurer announces, and more than the client honours (six hours). */
const MAX_RETRY_AFTER_SECONDS = 7 * 86_400;

const isInstant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

function checked(patch: unknown): Partial<FaultSettings> {
  if (typeof patch !== 'object' || patch === null) throw badRequest('invalid_body', 'Send a JSON object of fault settings.');
  const input = patch as Record<string, unknown>;
  const result: Partial<FaultSettings> = {};
  const fail = (name: string, detail: string) => badRequest('invalid_fault', `${name}: ${detail}`, [{ code: 'invalid', detail, source: { pointer: `/${name}` } }]);
  for (const [name, value] of Object.entries(input)) {
    switch (name) {
      case 'dropRate':
        if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw fail(name, 'a number from 0 to 1');
        result.dropRate = value;
        break;
      case 'dropNext':
      case 'throttleNext':
      case 'pendingJobPolls':
        if (!Number.isSafeInteger(value) || (value as number) < 0) throw fail(name, 'a whole number, 0 or more');
        result[name] = value as number;
        break;
      case 'throttleRetryAfterSeconds':
        if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > MAX_RETRY_AFTER_SECONDS) throw fail(name, `a whole number of seconds from 0 to ${MAX_RETRY_AFTER_SECONDS} (a week)`);
        result[name] = value as number;
        break;
      case 'dropWhen':
        if (value !== 'after-handling' && value !== 'before-handling') throw fail(name, '"after-handling" or "before-handling"');
        result.dropWhen = value;
        break;
      case 'duplicateFeedEvents':
      case 'reorderFeedEvents':
      case 'reissueCovers':
      case 'partialContentPages':
        if (typeof value !== 'boolean') throw fail(name, 'true or false');
        result[name] = value;
        break;
      case 'malformedCoverBuyers':
        if (!Array.isArray(value) || value.length > 1_000 || !value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100)) throw fail(name, 'a list of buyer (company) ids');
        result.malformedCoverBuyers = [...(value as string[])];
        break;
      case 'maintenance':
        if (!Array.isArray(value) || !value.every((window) => isInstant(window?.start) && isInstant(window?.end) && Date.parse(window.start) < Date.parse(window.end))) throw fail(name, 'a list of {start, end} ISO instants, start before end');
        result.maintenance = value.map((window: { start: string; end: string }) => ({ start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() }));
        break;
      default:
        throw fail(name, 'not a known fault setting');
    }
  }
  return result;
}

export function faultInjector(seed: number): FaultInjector {
  const random = seededRandom(seed);
  const settings: FaultSettings = { ...NO_FAULTS, maintenance: [], malformedCoverBuyers: [] };
  return {
    settings,
    update: (patch) => Object.assign(settings, checked(patch)),
    clear: () => void Object.assign(settings, NO_FAULTS, { maintenance: [], malformedCoverBuyers: [] }),
    shouldDrop() {
      if (settings.dropNext > 0) {
        settings.dropNext -= 1;
        return true;
      }
      return settings.dropRate > 0 && random.next() < settings.dropRate;
    },
    throttled() {
      if (settings.throttleNext <= 0) return undefined;
      settings.throttleNext -= 1;
      return settings.throttleRetryAfterSeconds;
    },
    takePendingJobPoll() {
      if (settings.pendingJobPolls <= 0) return false;
      settings.pendingJobPolls -= 1;
      return true;
    },
    maintenanceUntil(nowMs) {
      const window = settings.maintenance.find((candidate) => Date.parse(candidate.start) <= nowMs && nowMs < Date.parse(candidate.end));
      return window ? Date.parse(window.end) : undefined;
    },
  };
}
