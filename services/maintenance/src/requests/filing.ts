import { forbidden, unprocessable } from '@portfolioos/service-kit';
import type { Actor } from '../access.js';
import type { MaintenanceTx } from '../db/database.js';
import { findCurrentTenancy, findProperty, findUnit } from '../tenancy/repository.js';
import type { RequestBody } from './schemas.js';

/** Where a request is about, and under which tenancy it was filed. */
export interface RequestLocation {
  propertyId: string;
  unitId: string | null;
  leaseId: string | null;
}

/**
 * Where a new request is about. A tenant files only for a unit it leases today (leasing's events say so,
 * never the request); staff file for any known unit, or for a property's common area.
 */
export async function locateRequest(
  tx: MaintenanceTx,
  actor: Actor,
  body: Pick<RequestBody, 'unit_id' | 'property_id'>,
  now: Date,
): Promise<RequestLocation> {
  if (actor.kind === 'tenant') {
    if (!body.unit_id || body.property_id)
      throw unprocessable('A tenant files for the unit it leases: give unit_id only.', 'unit-required');
    const tenancy = await findCurrentTenancy(tx, actor.orgId, actor.userId, body.unit_id, now);
    if (!tenancy) throw forbidden('You can file requests only for a unit you currently lease.');
    return { propertyId: tenancy.propertyId, unitId: tenancy.unitId, leaseId: tenancy.leaseId };
  }
  if (body.unit_id) {
    const unit = await findUnit(tx, actor.orgId, body.unit_id);
    if (!unit || unit.archived) throw unprocessable('There is no such unit.', 'unknown-unit');
    if (body.property_id && body.property_id !== unit.propertyId)
      throw unprocessable('The unit is not in that property.', 'unit-not-in-property');
    return { propertyId: unit.propertyId, unitId: unit.unitId, leaseId: null };
  }
  if (!body.property_id)
    throw unprocessable('Give unit_id, or property_id for a common area.', 'location-required');
  const property = await findProperty(tx, actor.orgId, body.property_id);
  if (!property || property.archivedAt) throw unprocessable('There is no such property.', 'unknown-property');
  return { propertyId: property.id, unitId: null, leaseId: null };
}

/** Availability windows must end after they start. */
export function checkAvailability(windows: RequestBody['availability']): void {
  const bad = (windows ?? []).findIndex((w) => Date.parse(w.ends_at) <= Date.parse(w.starts_at));
  if (bad >= 0)
    throw unprocessable('An availability window must end after it starts.', 'availability-window', [
      { in: 'body', field: `availability.${bad}.ends_at`, message: 'must be after starts_at' },
    ]);
}
