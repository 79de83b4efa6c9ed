import { utcMsToIsoDate } from '../../shared/time/iso-date';
import { appendEvent } from './change-feed';
import { advanceInsurerTimeline } from './insurer-timeline';
import { knownCompany } from './loss-input';
import { badRequest } from './problem';
import { companyView } from './resource-views';
import type { SandboxState } from './sandbox-state';

/**
 * The insurer re-grades a buyer (insurer-apis.md §3.4 "grade drift"; admin route
 * POST /admin/buyers/{companyId}/grade). The new grade steers every later decision: cover requests,
 * answers to overdue notifications, collection outcomes. A change is announced as GRADE_CHANGED.
 */
export function changeGrade(state: SandboxState, companyId: string, grade: unknown, now: Date) {
  if (!Number.isInteger(grade) || (grade as number) < 1 || (grade as number) > 10) {
    throw badRequest('invalid_body', 'grade must be a whole number from 1 (best) to 10 (default).', [{ code: 'invalid_grade', detail: '1–10', source: { pointer: '/grade' } }]);
  }
  const company = knownCompany(state, companyId);
  // Whatever was due before the re-grading happens on the old grade.
  advanceInsurerTimeline(state, now);
  const previousGrade = company.grade;
  if (previousGrade === grade) return companyView(company);
  const at = now.toISOString();
  company.grade = grade as number;
  company.gradeUpdatedOn = utcMsToIsoDate(now.getTime());
  appendEvent(state, { occurredAt: at, type: 'GRADE_CHANGED', resourceType: 'company', resourceId: company.companyId, companyId: company.companyId, data: { company: companyView(company), previousGrade } });
  return companyView(company);
}
