import { ladderForSegment, type CreditPolicy, type DunningLadder } from '../../../../../shared/domain/dunning/credit-policy';
import type { DunningAction, DunningStep } from '../../../../../shared/domain/dunning/dunning-action';
import { nextDunningStep } from '../../../../../shared/domain/dunning/next-step';
import type { InsurancePolicy } from '../../../../../shared/domain/policy/insurance-policy';
import type { LimitState } from '../../../../../shared/domain/limits/credit-limit';
import { scoreDebtorRisk, type RiskBand } from '../../../../../shared/domain/risk/risk-score';
import type { DebtorSummary } from '../../../../../shared/domain/summaries/debtor-summary';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import type { DebtorChunk, SummaryChunk } from '../../../data/db/schema';

/**
 * One line of the portfolio grid: everything shown, sorted or filtered on, flattened so that sorting
 * 20,000 rows compares plain fields (measured in `npm run bench`, group grid-L).
 */
export interface PortfolioRow {
  readonly debtorId: string;
  readonly chunkId: number;
  readonly name: string;
  readonly customerCode: string;
  readonly country: string;
  /** The debtor's invoicing currency (amounts below are in the policy currency, `summary.currency`). */
  readonly currency: string;
  readonly segment: string;
  readonly grade: number | undefined;
  readonly riskScore: number;
  readonly riskBand: RiskBand;
  readonly limitState: LimitState;
  readonly dunningStage: DunningStep | undefined;
  readonly nextAction: { readonly step: DunningStep; readonly on: IsoDate } | undefined;
  readonly summary: DebtorSummary;
  /** Lower-cased name, customer code and identifiers, for search. */
  readonly searchText: string;
}

interface DunningState {
  stage?: DunningAction;
  /** The step done or skipped last: the ladder goes on from it. */
  handled?: DunningAction;
  next?: DunningAction;
}

const handledOn = (action: DunningAction): string => action.doneOn ?? action.plannedOn;

/** Per debtor: the last step done, the last handled (done or skipped) and the first one planned. */
function dunningByDebtor(actions: readonly DunningAction[]): Map<string, DunningState> {
  const states = new Map<string, DunningState>();
  for (const action of actions) {
    const state = states.get(action.debtorId) ?? {};
    if (action.status === 'done' && (!state.stage || handledOn(action) > handledOn(state.stage))) state.stage = action;
    if (action.status !== 'planned' && (!state.handled || handledOn(action) > handledOn(state.handled))) state.handled = action;
    if (action.status === 'planned' && (!state.next || action.plannedOn < state.next.plannedOn)) state.next = action;
    states.set(action.debtorId, state);
  }
  return states;
}

export interface PortfolioRowSources {
  readonly debtorChunks: readonly DebtorChunk[];
  readonly summaryChunks: readonly SummaryChunk[];
  readonly dunningActions: readonly DunningAction[];
  /**
   * The credit policy and insurance policy in force: with both, a debtor without a planned action gets its
   * next step worked out from its summary (shared/domain/dunning/next-step.ts), once per store change.
   */
  readonly creditPolicy?: CreditPolicy;
  readonly insurancePolicy?: InsurancePolicy;
}

/** Joins the stored chunks into grid rows, one per debtor with a summary, scoring each debtor's risk. */
export function buildPortfolioRows(sources: PortfolioRowSources): PortfolioRow[] {
  const summaries = new Map<string, DebtorSummary>();
  for (const chunk of sources.summaryChunks) for (const summary of chunk.summaries) summaries.set(summary.debtorId, summary);
  const dunning = dunningByDebtor(sources.dunningActions);
  // One ladder per segment, not one look-up per debtor (20,000 at tier L).
  const ladders = new Map<string, DunningLadder>();
  const ladderOf = (segment: string, policy: CreditPolicy): DunningLadder => {
    let ladder = ladders.get(segment);
    if (!ladder) ladders.set(segment, (ladder = ladderForSegment(policy, segment)));
    return ladder;
  };
  const rows: PortfolioRow[] = [];
  for (const chunk of sources.debtorChunks) {
    for (const debtor of chunk.debtors) {
      const summary = summaries.get(debtor.id);
      if (!summary) continue;
      const risk = scoreDebtorRisk(summary, debtor.grade);
      const state = dunning.get(debtor.id);
      const next = state?.next ? { step: state.next.step, on: state.next.plannedOn } : sources.creditPolicy && sources.insurancePolicy ? nextDunningStep({ summary, segment: debtor.segment, lastHandled: state?.handled, creditPolicy: sources.creditPolicy, insurancePolicy: sources.insurancePolicy, ladder: ladderOf(debtor.segment, sources.creditPolicy) }) : undefined;
      rows.push({
        debtorId: debtor.id,
        chunkId: chunk.chunkId,
        name: debtor.name,
        customerCode: debtor.customerCode,
        country: debtor.country,
        currency: debtor.currency,
        segment: debtor.segment,
        grade: debtor.grade?.value,
        riskScore: risk.score,
        riskBand: risk.band,
        limitState: summary.limitState,
        dunningStage: state?.stage?.step,
        nextAction: next,
        summary,
        searchText: [debtor.name, debtor.customerCode, ...debtor.identifiers.map((identifier) => identifier.value)].join(' ').toLocaleLowerCase(),
      });
    }
  }
  return rows;
}
