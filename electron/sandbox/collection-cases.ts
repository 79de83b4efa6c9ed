import { mixSeed, seededRandom } from '../../shared/random/seeded-random';
import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { appendEvent } from './change-feed';
import { gradeOf } from './cover-requests';
import { bodyObject, checkInvoices, field, hoursAfter, knownCompany, oneOf, optionalText, readInvoices, referencedOverdue, requiredText, sumOf } from './loss-input';
import { CASE_TYPES, nextId, type CaseStatus, type CaseType, type DebtorContact, type SandboxCollectionCase, type SandboxInvoice } from './loss-state';
import { collectionCaseView } from './loss-views';
import { badRequest, unprocessable, type ProblemFieldError } from './problem';
import type { SandboxState } from './sandbox-state';
import { dueSteps, type DueStep } from './timeline-step';

/**
 * Collection cases (POST /collection-cases; Atradius case types): the insured hands unpaid invoices to the
 * insurer's collectors, at the latest `collectionTransferDays` after the maximum extension period of the
 * oldest invoice has ended. The case opens, the collectors start a day later and after a month have
 * either recovered the money or given up: good grades pay, bad grades do not, the middle ones as the
 * sandbox's seed decides, the same on every run.
 */
export interface CollectionCaseInput {
  readonly companyId: string;
  readonly caseType: CaseType;
  readonly invoices: readonly SandboxInvoice[];
  readonly overdueId: string | null;
  readonly debtorContact: DebtorContact | null;
}

function readContact(value: unknown, errors: ProblemFieldError[]): DebtorContact | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push(field('/debtorContact', 'invalid_contact', 'An object with name, email and phone'));
    return null;
  }
  const contact = value as Record<string, unknown>;
  return {
    name: optionalText(contact.name, '/debtorContact/name', errors, 200),
    email: optionalText(contact.email, '/debtorContact/email', errors, 200),
    phone: optionalText(contact.phone, '/debtorContact/phone', errors, 50),
  };
}

export function parseCollectionCase(body: unknown, state: SandboxState): CollectionCaseInput {
  const input = bodyObject(body);
  const errors: ProblemFieldError[] = [];
  const companyId = requiredText(input.companyId, '/companyId', errors, 'The insurer buyer id is required');
  const caseType = oneOf(input.caseType, CASE_TYPES, '/caseType', errors);
  const invoiceTexts = readInvoices(input.invoices, errors);
  const overdueId = optionalText(input.overdueId, '/overdueId', errors, 100);
  const debtorContact = readContact(input.debtorContact, errors);
  if (errors.length > 0) throw badRequest('invalid_body', 'Some fields are missing or malformed.', errors);
  return { companyId, caseType, invoices: checkInvoices(invoiceTexts, state), overdueId, debtorContact };
}

export function submitCollectionCase(state: SandboxState, input: CollectionCaseInput, at: string, today: IsoDate): SandboxCollectionCase {
  knownCompany(state, input.companyId);
  referencedOverdue(state, input.overdueId, input.companyId);
  const oldest = [...input.invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))[0]!;
  const { maxExtensionPeriodDays, collectionTransferDays } = state.policy;
  const deadline = addDays(oldest.dueDate, maxExtensionPeriodDays + collectionTransferDays);
  if (deadline < today) {
    const index = input.invoices.indexOf(oldest);
    throw unprocessable('collection_deadline_passed', `Invoice ${oldest.number} fell due on ${oldest.dueDate}; collection had to be handed over by ${deadline} (${maxExtensionPeriodDays} days' extension + ${collectionTransferDays} days).`, [field(`/invoices/${index}/dueDate`, 'collection_deadline_passed', `Hand over by ${deadline}`)]);
  }
  const collectionCase: SandboxCollectionCase = {
    caseId: nextId('CASE', state.collectionCases),
    companyId: input.companyId,
    caseType: input.caseType,
    invoices: input.invoices,
    overdueId: input.overdueId,
    debtorContact: input.debtorContact,
    status: 'OPEN',
    openedAt: at,
    nextStepAt: hoursAfter(at, state.settings.collectionStartHours),
    recoveredAmountMinor: null,
    closedAt: null,
    updatedAt: at,
  };
  state.collectionCases.push(collectionCase);
  return collectionCase;
}

/** Whether the collectors get the money: grades 1–4 pay, 8–10 do not, 5–7 by a coin the seed throws per case. */
export function collectorsRecover(seed: number, grade: number, caseNumber: number): boolean {
  if (grade <= 4) return true;
  if (grade >= 8) return false;
  return seededRandom(mixSeed(seed, caseNumber)).next() < 0.5;
}

function advanceCase(state: SandboxState, collectionCase: SandboxCollectionCase, at: string): void {
  const previousStatus = collectionCase.status;
  let status: CaseStatus;
  if (previousStatus === 'OPEN') {
    status = 'IN_PROGRESS';
    collectionCase.nextStepAt = hoursAfter(at, state.settings.collectionResolutionDays * 24);
  } else {
    const recovered = collectorsRecover(state.seed, gradeOf(state, collectionCase.companyId), Number(collectionCase.caseId.slice(5)));
    status = recovered ? 'RECOVERED' : 'UNSUCCESSFUL';
    collectionCase.recoveredAmountMinor = recovered ? sumOf(collectionCase.invoices, (invoice) => invoice.grossAmountMinor) : 0;
    collectionCase.closedAt = at;
    collectionCase.nextStepAt = null;
  }
  collectionCase.status = status;
  collectionCase.updatedAt = at;
  appendEvent(state, {
    occurredAt: at,
    type: 'COLLECTION_STATUS_CHANGED',
    resourceType: 'collection-case',
    resourceId: collectionCase.caseId,
    companyId: collectionCase.companyId,
    data: { collectionCase: collectionCaseView(collectionCase, state.policy.id), previousStatus },
  });
}

export const collectionSteps = (state: SandboxState, nowMs: number): DueStep[] => dueSteps(state.collectionCases, nowMs, (collectionCase, at) => advanceCase(state, collectionCase, at));
