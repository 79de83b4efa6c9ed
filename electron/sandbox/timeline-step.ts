/**
 * One thing the insurer does when virtual time reaches `at` (insurer-timeline.ts applies them in order,
 * earliest first, each dated when it was due rather than when the clock was moved).
 */
export interface DueStep {
  readonly at: string;
  readonly apply: () => void;
}

/** The steps of records that wait for a moment (`nextStepAt`) that has come by `nowMs`. */
export function dueSteps<T extends { nextStepAt: string | null }>(records: readonly T[], nowMs: number, apply: (record: T, at: string) => void): DueStep[] {
  const steps: DueStep[] = [];
  for (const record of records) {
    const at = record.nextStepAt;
    if (at === null || Date.parse(at) > nowMs) continue;
    steps.push({ at, apply: () => apply(record, at) });
  }
  return steps;
}
