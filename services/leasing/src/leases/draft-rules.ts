import { unprocessable, type ProblemFieldError } from '@portfolioos/service-kit';
import type { LateFeePolicyTerm } from '../db/schema.js';
import type { LateFeePolicyBody, LeaseBody } from './schemas.js';

const field = (name: string, message: string): ProblemFieldError => ({ in: 'body', field: name, message });

/** The term's end date: required for a fixed term, absent for month-to-month; never before the start. */
export function termEndDate(
  termKind: 'fixed' | 'month_to_month',
  startDate: string,
  endDate: string | null | undefined,
): string | null {
  if (termKind === 'fixed' && !endDate)
    throw unprocessable('A fixed term needs an end date.', 'invalid-term', [
      field('end_date', 'required for term_kind fixed'),
    ]);
  if (termKind === 'month_to_month' && endDate)
    throw unprocessable('A month-to-month lease has no end date.', 'invalid-term', [
      field('end_date', 'must be absent or null for term_kind month_to_month'),
    ]);
  if (endDate && endDate < startDate)
    throw unprocessable('The lease would end before it starts.', 'invalid-term', [
      field('end_date', 'must not be before start_date'),
    ]);
  return endDate ?? null;
}

/** A late-fee policy that says everything payments needs: the amount for its calculation, a cap if daily. */
export function lateFeePolicy(body: LateFeePolicyBody | null | undefined): LateFeePolicyTerm | null {
  if (!body) return null;
  const problems: ProblemFieldError[] = [];
  const amount = body.amount_minor ?? null;
  const rate = body.rate_basis_points ?? null;
  if (body.calculation === 'flat' && (amount === null || rate !== null))
    problems.push(field('late_fee_policy.amount_minor', 'a flat fee needs amount_minor and no rate'));
  if (body.calculation === 'percent_of_rent' && (rate === null || amount !== null))
    problems.push(field('late_fee_policy.rate_basis_points', 'a percent fee needs rate_basis_points only'));
  if (body.frequency === 'daily' && (body.max_total_minor ?? null) === null)
    problems.push(field('late_fee_policy.max_total_minor', 'a daily fee needs a cap'));
  if (problems.length > 0)
    throw unprocessable('The late-fee policy is incomplete.', 'invalid-late-fee', problems);
  return {
    grace_days: body.grace_days,
    calculation: body.calculation,
    amount_minor: amount,
    rate_basis_points: rate,
    frequency: body.frequency,
    max_total_minor: body.max_total_minor ?? null,
  };
}

/** The parties in order (primary tenant, co-tenants, occupants); one person appears once. */
export function leaseParties(body: Pick<LeaseBody, 'primary_tenant_id' | 'co_tenant_ids' | 'occupant_ids'>) {
  const parties = [
    { tenantId: body.primary_tenant_id, role: 'primary_tenant' as const },
    ...(body.co_tenant_ids ?? []).map((tenantId) => ({ tenantId, role: 'co_tenant' as const })),
    ...(body.occupant_ids ?? []).map((tenantId) => ({ tenantId, role: 'occupant' as const })),
  ];
  if (new Set(parties.map((p) => p.tenantId)).size !== parties.length)
    throw unprocessable('A person can be on a lease only once.', 'duplicate-party', [
      field('co_tenant_ids', 'the primary tenant, co-tenants and occupants must be different people'),
    ]);
  return parties;
}
