import assert from 'node:assert/strict';
import type { ServiceApp } from '@portfolioos/service-kit';
import { bearer } from './harness.js';

type Json = Record<string, unknown>;

/** Adds a tenant through the API; returns its id. */
export async function createTenant(app: ServiceApp, token: string, body: Json = {}): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/tenants',
    headers: bearer(token),
    payload: { full_name: 'Dana Whitfield', email: `dana-${crypto.randomUUID()}@example.com`, ...body },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/** A lease body for `unitId` with `primaryTenantId`: a year from 2027-03-01, USD 1,500.00 due on the 1st. */
export const leaseBody = (unitId: string, primaryTenantId: string, overrides: Json = {}): Json => ({
  unit_id: unitId,
  primary_tenant_id: primaryTenantId,
  term_kind: 'fixed',
  start_date: '2027-03-01',
  end_date: '2028-02-29',
  currency: 'USD',
  rent_minor: 150_000,
  rent_due_day: 1,
  proration: 'by_days',
  deposit_minor: 150_000,
  recurring_charges: [{ kind: 'parking', description: 'Space 14', amount_minor: 7_500 }],
  late_fee_policy: {
    grace_days: 5,
    calculation: 'percent_of_rent',
    rate_basis_points: 500,
    frequency: 'daily',
    max_total_minor: 7_500,
  },
  ...overrides,
});

/** POSTs `payload` to `url` as `token`. */
export const post = (app: ServiceApp, token: string, url: string, payload?: Json) =>
  app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });

/** A complete application body to `listingId`: two adults, a dog, USD 5,000.00 a month. */
export const applicationBody = (listingId: string, overrides: Json = {}): Json => ({
  listing_id: listingId,
  applicant: { full_name: 'Riley Chen', email: 'Riley.Chen@example.com', phone: '+15125550111' },
  household_members: [{ full_name: 'Jordan Chen', relationship: 'spouse', adult: true }],
  monthly_income_minor: 500_000,
  currency: 'USD',
  employment: { status: 'employed', employer: 'Acme Robotics', job_title: 'Engineer', months_employed: 30 },
  rental_history: [
    {
      address: '12 Elm St, Austin TX',
      landlord_name: 'Pat Doe',
      landlord_phone: '+15125550122',
      from: '2022-01-01',
      to: '2026-12-31',
      monthly_rent_minor: 140_000,
      reason_for_leaving: 'More room',
    },
  ],
  pets: [{ kind: 'dog', description: 'Beagle, 12 kg' }],
  desired_move_in: '2027-03-01',
  screening_consent: true,
  ...overrides,
});
