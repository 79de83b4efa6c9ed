import { z } from 'zod';
import { LIMIT_STATUSES } from '../domain/limits/credit-limit';
import { insurerAmountToMinor, insurerCoverSchema } from './insurer-cover';

/**
 * What the insurer says about a prospective buyer before the first delivery (issue 18 item 3, the seeds'
 * kredietwaardigheidscheck): who it is — name, address —, its grade, and any cover the policy already holds on
 * it. Each dialect fills what it has (insurer-apis.md §1.1.3 Allianz company matching, §1.2 Atradius
 * organisation-management buyers, §3.2 `GET /v1/companies`); what a dialect does not say stays absent.
 */
export const buyerCheckSchema = z.strictObject({
  companyId: z.string().min(1).max(100),
  name: z.string().max(300),
  country: z.string().regex(/^[A-Z]{2}$/),
  address: z.strictObject({ street: z.string().max(300), postalCode: z.string().max(40), city: z.string().max(200) }).optional(),
  /** The insurer's risk grade, 1 (exceptional) to 10 (at risk of failure) (Allianz Trade's scale, insurer-apis.md §1.1.6). */
  grade: z.number().int().min(1).max(10).optional(),
  covers: z
    .array(z.strictObject({ coverId: z.string().min(1).max(100), status: z.enum(LIMIT_STATUSES), amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), currency: z.string().regex(/^[A-Z]{3}$/) }))
    .max(100),
});
export type BuyerCheck = z.infer<typeof buyerCheckSchema>;
export type BuyerCheckCover = BuyerCheck['covers'][number];

/** A cover as the check shows it, from a canonical cover; one that does not fit the schema is left out. */
export function checkCoverOf(item: unknown): BuyerCheckCover | undefined {
  const cover = insurerCoverSchema.safeParse(item);
  if (!cover.success) return undefined;
  return { coverId: cover.data.coverId, status: cover.data.status, amountMinor: insurerAmountToMinor(cover.data.decidedAmount, cover.data.currency), currency: cover.data.currency };
}

/** A grade as the check keeps it: a whole number on the 1–10 scale, anything else unknown. */
export function gradeOf(value: unknown): number | undefined {
  const grade = typeof value === 'string' ? Number(value) : value;
  return typeof grade === 'number' && Number.isInteger(grade) && grade >= 1 && grade <= 10 ? grade : undefined;
}
