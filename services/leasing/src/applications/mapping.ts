import { isoDateToAvroDate, type ApplicationSubmitted } from '@portfolioos/schemas';
import type { ApplicationRow, ApplicationView } from './repository.js';
import type { ApplicationBody, ApplicationPatch } from './schemas.js';

/** Monthly income over rent, ×100, in integers (no floats); null when the rent is unknown or zero. */
export function incomeToRentHundredths(incomeMinor: number, rentMinor: number | null): number | null {
  if (!rentMinor) return null;
  return Math.floor((incomeMinor * 100) / rentMinor);
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

/**
 * The answer for an application. An applicant reading their own does not see staff's internal notes
 * (the reason and any adverse-action notice are theirs to see).
 */
export function applicationToJson(a: ApplicationView, options: { forApplicant?: boolean } = {}) {
  const decided = a.status === 'approved' || a.status === 'denied';
  return {
    id: a.id,
    listing_id: a.listingId,
    unit_id: a.unitId,
    property_id: a.propertyId,
    status: a.status,
    applicant: {
      id: a.applicant.id,
      full_name: a.applicant.fullName,
      email: a.applicant.email,
      phone: a.applicant.phone,
    },
    household_members: a.householdMembers,
    monthly_income_minor: a.monthlyIncomeMinor,
    currency: a.currency,
    employment: a.employment,
    rental_history: a.rentalHistory,
    pets: a.pets,
    desired_move_in: a.desiredMoveIn,
    screening_consent_at: a.screeningConsentAt.toISOString(),
    comparison: {
      occupants: 1 + a.householdMembers.length,
      adults: 1 + a.householdMembers.filter((m) => m.adult).length,
      pets: a.pets.length,
      income_to_rent_hundredths: incomeToRentHundredths(a.monthlyIncomeMinor, a.listingRentMinor),
    },
    info_request:
      a.infoRequest && a.infoRequestedAt
        ? { message: a.infoRequest, requested_at: a.infoRequestedAt.toISOString() }
        : null,
    revision: a.revision,
    decision:
      decided && a.decidedAt
        ? {
            outcome: a.status,
            reason: a.decisionReason,
            notes: options.forApplicant ? null : a.decisionNotes,
            conditions: a.conditions,
            adverse_action_notice: a.adverseActionNotice,
            decided_at: iso(a.decidedAt)!,
          }
        : null,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

export const submittedEvent = (a: ApplicationView): ApplicationSubmitted => ({
  application_id: a.id,
  organization_id: a.orgId,
  occurred_at: a.createdAt.getTime(),
  listing_id: a.listingId,
  unit_id: a.unitId,
  applicant_id: a.applicant.id,
  applicant_user_id: a.applicant.userId,
  applicant_name: a.applicant.fullName,
  applicant_email: a.applicant.email,
  desired_move_in: a.desiredMoveIn === null ? null : isoDateToAvroDate(a.desiredMoveIn),
  occupants: 1 + a.householdMembers.length,
});

export /** The columns of the applicant's answers a body (whole or partial) sets. */
function applicationColumns(body: ApplicationPatch): Partial<ApplicationRow> {
  const columns: Partial<ApplicationRow> = {
    householdMembers: body.household_members,
    monthlyIncomeMinor: body.monthly_income_minor,
    currency: body.currency,
    employment: body.employment && {
      status: body.employment.status as ApplicationRow['employment']['status'],
      employer: body.employment.employer ?? null,
      job_title: body.employment.job_title ?? null,
      months_employed: body.employment.months_employed ?? null,
    },
    rentalHistory: body.rental_history?.map((r) => ({
      address: r.address,
      landlord_name: r.landlord_name ?? null,
      landlord_phone: r.landlord_phone ?? null,
      from: r.from,
      to: r.to ?? null,
      monthly_rent_minor: r.monthly_rent_minor ?? null,
      reason_for_leaving: r.reason_for_leaving ?? null,
    })),
    pets: body.pets,
    desiredMoveIn: body.desired_move_in,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

type Answers = Pick<
  ApplicationRow,
  'householdMembers' | 'monthlyIncomeMinor' | 'currency' | 'employment' | 'rentalHistory' | 'pets'
> & { desiredMoveIn?: string | null };

/** The columns of a whole application body (every answer but the move-in date is required there). */
export const answersOf = (body: ApplicationBody): Answers => applicationColumns(body) as Answers;
