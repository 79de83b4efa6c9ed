import type { CreditLimit } from '../../shared/domain/limits/credit-limit';
import { DATA_TIERS, DEMO_SEED, type DataTier } from '../../shared/generator/data-tiers';
import { generateChunks, generatePolicy } from '../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../shared/generator/plan-portfolio';
import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { seedProspects } from './seed-prospects';
import { DEFAULT_SETTINGS, DEMO_API_KEY, type SandboxCompany, type SandboxCover, type SandboxCoverRequest, type SandboxState } from './sandbox-state';

/** The most the sandbox insurer covers on one buyer: €5 million. */
const MAX_COVER_PER_BUYER_MINOR = 500_000_000;

/** The insurer's buyer id for a demo debtor: its own numbering, deliberately not Kredo's debtor id. */
export function companyIdFor(debtorIndex: number): string {
  return `KSB-${String(700_001 + debtorIndex)}`;
}

/** Seeded decisions carry a business date only; the sandbox gives them a mid-morning UTC instant. */
const instantOf = (date: IsoDate) => `${date}T09:30:00.000Z`;

function coverFrom(limit: CreditLimit, companyId: string, customerCode: string): SandboxCover {
  const decidedAt = limit.decidedOn ? instantOf(limit.decidedOn) : null;
  return {
    coverId: limit.coverId!,
    companyId,
    customerReference: customerCode,
    status: limit.status,
    currency: limit.currency,
    requestedAmountMinor: limit.requestedAmountMinor ?? null,
    decidedAmountMinor: limit.decidedAmountMinor,
    tranches: limit.tranches.map((tranche) => ({ amountMinor: tranche.amountMinor, effectiveFrom: tranche.effectiveFrom, expiresOn: tranche.expiresOn ?? null, kind: tranche.kind })),
    conditions: [...limit.conditions],
    reasons: [...limit.reasons],
    pendingChange: limit.pendingChange
      ? { type: limit.pendingChange.type, newAmountMinor: limit.pendingChange.newAmountMinor, effectiveFrom: limit.pendingChange.effectiveFrom, noticeGivenAt: instantOf(limit.pendingChange.noticeGivenOn) }
      : null,
    decidedAt,
    updatedAt: decidedAt ?? instantOf(limit.history.at(-1)?.on ?? limit.tranches[0]?.effectiveFrom ?? ('1970-01-01' as IsoDate)),
    version: 1,
  };
}

/**
 * The sandbox's first state: the demo portfolio's buyers (same seed, so the same names, identifiers and
 * grades the app shows), the insurer decisions the demo already holds as covers, the demo's pending
 * requests as referrals an underwriter decides in a few virtual hours, the demo policy and one API key.
 * The demo tier also holds a few prospects (seed-prospects.ts). `tier` picks the portfolio: S (the default) is the 200-debtor demo, M and L the benchmark tiers
 * (L: 20,000 buyers and their covers, seeded in a few seconds; the generator builds each chunk's
 * ledger too, because the covers follow from what each debtor owes).
 */
export function seedSandboxState(options: { seed?: number; now: Date; tier?: DataTier }): SandboxState {
  const seed = options.seed ?? DEMO_SEED;
  const nowIso = options.now.toISOString();
  const today = nowIso.slice(0, 10) as IsoDate;
  const policy = generatePolicy(today);
  const companies: SandboxCompany[] = [];
  const covers: SandboxCover[] = [];
  const requests: SandboxCoverRequest[] = [];
  const plan = planPortfolio(DATA_TIERS[options.tier ?? 'S'], { seed, today });
  for (const chunk of generateChunks(plan, policy)) {
    chunk.debtors.forEach((debtor) => {
      const index = Number(debtor.id.slice(1)) - 1;
      const companyId = companyIdFor(index);
      companies.push({
        companyId,
        debtorId: debtor.id,
        legalName: debtor.name,
        country: debtor.country,
        address: debtor.address ?? { street: '', postalCode: '', city: '', country: debtor.country },
        identifiers: debtor.identifiers,
        grade: debtor.grade?.value ?? 5,
        gradeUpdatedOn: debtor.grade?.updatedOn ?? addDays(today, -30),
      });
      for (const limit of chunk.limits) {
        if (limit.debtorId !== debtor.id || limit.source !== 'insurer' || !limit.coverId) continue;
        if (limit.status !== 'PENDING') {
          covers.push(coverFrom(limit, companyId, debtor.customerCode));
          continue;
        }
        const number = requests.length + 1;
        requests.push({
          requestId: `REQ-${String(number).padStart(6, '0')}`,
          jobId: `JOB-${String(number).padStart(6, '0')}`,
          companyId,
          coverId: limit.coverId,
          type: 'NEW',
          requestedAmountMinor: limit.requestedAmountMinor ?? null,
          currency: limit.currency,
          creditTermsDays: debtor.paymentTermsDays,
          comment: null,
          customerReference: debtor.customerCode,
          status: 'PENDING',
          receivedAt: instantOf(limit.history[0]?.on ?? today),
          decideAt: new Date(options.now.getTime() + DEFAULT_SETTINGS.referralHours * 3_600_000).toISOString(),
          decidedAt: null,
          outcome: null,
        });
      }
    });
  }
  // The demo (tier S) also knows a few companies that are no debtor of it yet, for the credit check before trading.
  if ((options.tier ?? 'S') === 'S') companies.push(...seedProspects({ seed, today, taken: companies, firstCompanyNumber: 900_001 }));
  return {
    format: 1,
    seed,
    clockOffsetMs: 0,
    policy: { ...policy, maxCoverPerBuyerMinor: MAX_COVER_PER_BUYER_MINOR },
    companies,
    covers,
    requests,
    events: [],
    nextSeq: 1,
    nextRequestNumber: requests.length + 1,
    cursorEpoch: 1,
    apiKeys: [{ apiKey: DEMO_API_KEY, clientId: 'kredo-demo', policyIds: [policy.id] }],
    tokens: [],
    lockouts: {},
    idempotency: {},
    settings: { ...DEFAULT_SETTINGS },
    overdues: [],
    collectionCases: [],
    claims: [],
    settlements: [],
  };
}
