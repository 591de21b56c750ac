import { sql } from 'drizzle-orm';
import {
  avroDateToIsoDate,
  type LeaseEnded,
  type LeaseParty,
  type LeaseTerminated,
  type LeaseTerms,
} from '@portfolioos/schemas';
import type { PaymentsTx } from '../db/database.js';
import { billedOrganizations, leaseParties, leases } from '../db/schema.js';
import { openAccounts } from '../ledger/accounts.js';
import { snapshotOf } from './terms.js';

// Leasing's lease events kept as the projection the ledger bills from. Each write is done as the event's
// organization (row-level security checks it), beside the consumer's inbox row; an event older than what
// is stored (occurred_at) changes nothing, so redelivery and reordering are harmless.

async function actAs(tx: PaymentsTx, orgId: string) {
  await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
}

interface WithTerms {
  lease_id: string;
  organization_id: string;
  occurred_at: number;
  terms: LeaseTerms;
}

/** LeaseSigned / LeaseStarted / LeaseAmended: the lease with the terms in force from now on. */
export async function onLeaseTerms(event: WithTerms, status: 'signed' | 'active' | null, tx: PaymentsTx) {
  await actAs(tx, event.organization_id);
  const terms = snapshotOf(event.terms);
  const asOf = new Date(event.occurred_at);
  const row = {
    id: event.lease_id,
    orgId: event.organization_id,
    propertyId: event.terms.property_id,
    unitId: event.terms.unit_id,
    status: status ?? 'active',
    currency: terms.currency,
    terms,
    asOf,
  };
  const { rowCount } = await tx.execute(sql`
    insert into leases (id, org_id, property_id, unit_id, status, currency, terms, as_of)
    values (${row.id}, ${row.orgId}, ${row.propertyId}, ${row.unitId}, ${row.status}, ${row.currency},
            ${JSON.stringify(terms)}::jsonb, ${asOf})
    on conflict (id) do update set terms = excluded.terms, as_of = excluded.as_of,
      status = ${status === null ? sql`leases.status` : sql`excluded.status`}
    where leases.as_of <= excluded.as_of and leases.currency = excluded.currency`);
  if (!rowCount) return;
  await storeParties(tx, event.organization_id, event.lease_id, event.terms.parties);
  await openAccounts(tx, event.organization_id, event.lease_id);
  await tx.insert(billedOrganizations).values({ orgId: event.organization_id }).onConflictDoNothing();
}

async function storeParties(tx: PaymentsTx, orgId: string, leaseId: string, parties: LeaseParty[]) {
  await tx.delete(leaseParties).where(sql`${leaseParties.leaseId} = ${leaseId}`);
  if (parties.length === 0) return;
  await tx
    .insert(leaseParties)
    .values(parties.map((p) => ({ leaseId, orgId, tenantId: p.tenant_id, userId: p.user_id, role: p.role })));
}

/** LeaseTerminated / LeaseEnded: the last day is known; no rent is billed for periods after it. */
export async function onLeaseEnding(event: LeaseTerminated | LeaseEnded, tx: PaymentsTx) {
  await actAs(tx, event.organization_id);
  const endDate = avroDateToIsoDate('termination_date' in event ? event.termination_date : event.end_date);
  const status = 'termination_date' in event ? 'terminated' : 'ended';
  await tx.execute(sql`
    update ${leases} set status = ${status}, as_of = ${new Date(event.occurred_at)},
           terms = jsonb_set(terms, '{endDate}', to_jsonb(${endDate}::text))
     where id = ${event.lease_id} and as_of <= ${new Date(event.occurred_at)}`);
}
