import { withTransaction, type Database } from '@portfolioos/db';
import type { EventPayloads } from '@portfolioos/schemas';
import { upstreamSubscriptions } from '../../src/events.js';

const handlers = upstreamSubscriptions();

/**
 * Applies one upstream event through the service's own handler, in a transaction, as the consumer would
 * (without Kafka: upstream.int.test.ts covers the wire). Lets request tests set up who lives where.
 */
export async function applyUpstream<T extends keyof EventPayloads & string>(
  db: Database,
  type: T,
  payload: EventPayloads[T],
): Promise<void> {
  const handler = handlers[type];
  if (!handler) throw new Error(`maintenance does not consume ${type}`);
  const event = { type, payload, key: null, topic: 'test', partition: 0, offset: '0' } as Parameters<
    typeof handler
  >[0];
  await withTransaction(db, (tx) => handler(event, tx));
}

/** A property (in `timeZone`) with one unit, as listings announces them. */
export async function seedUnit(db: Database, orgId: string, timeZone = 'America/Chicago') {
  const propertyId = crypto.randomUUID();
  const unitId = crypto.randomUUID();
  const occurred_at = Date.now();
  await applyUpstream(db, 'portfolioos.listings.PropertyCreated', {
    property_id: propertyId,
    organization_id: orgId,
    occurred_at,
    name: 'Maple Court',
    property_type: 'APARTMENT',
    address: {
      line1: '1 Elm St',
      line2: null,
      city: 'Austin',
      region: 'TX',
      postal_code: '78701',
      country: 'US',
    },
    location: null,
    year_built: null,
    time_zone: timeZone,
  });
  await addUnit(db, orgId, propertyId, unitId);
  return { propertyId, unitId };
}

/** Another unit of a property. */
export async function addUnit(db: Database, orgId: string, propertyId: string, unitId = crypto.randomUUID()) {
  await applyUpstream(db, 'portfolioos.listings.UnitCreated', {
    unit_id: unitId,
    organization_id: orgId,
    occurred_at: Date.now(),
    property_id: propertyId,
    label: '2B',
    bedrooms: 2,
    full_baths: 1,
    half_baths: 0,
    square_feet: null,
    market_rent_minor: 150_000,
    currency: 'USD',
  });
  return unitId;
}

/** identity invites `email` with `role` and `userId` accepts: what makes a vendor portal account. */
export async function acceptInvitation(
  db: Database,
  orgId: string,
  email: string,
  userId: string,
  role: 'VENDOR' | 'TENANT' = 'VENDOR',
) {
  const invitationId = crypto.randomUUID();
  const at = Date.now();
  await applyUpstream(db, 'portfolioos.identity.InvitationCreated', {
    invitation_id: invitationId,
    organization_id: orgId,
    occurred_at: at,
    email,
    role,
    organization_name: 'Maple Rentals',
    inviter_user_id: crypto.randomUUID(),
    inviter_name: 'Morgan',
    expires_at: at + 86_400_000,
    message: null,
  });
  await applyUpstream(db, 'portfolioos.identity.InvitationAccepted', {
    invitation_id: invitationId,
    organization_id: orgId,
    occurred_at: at + 1,
    email,
    user_id: userId,
    membership_id: crypto.randomUUID(),
  });
}
