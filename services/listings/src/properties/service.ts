import { conflict, notFound, unprocessable, type Principal } from '@portfolioos/service-kit';
import type { ListingsDb } from '../db/database.js';
import { nowMillis, publish } from '../outbox.js';
import type { CursorPosition } from '../http-schemas.js';
import { countPublishedListings, resnapshotListings } from '../listings/snapshots.js';
import { inCallerOrg } from '../staff-access.js';
import { propertyColumns, propertyEventFields } from './mapping.js';
import {
  findProperty,
  insertProperty,
  listProperties,
  updateProperty,
  type NewProperty,
  type PropertyRow,
} from './repository.js';
import type { PropertyBody, PropertyPatch } from './schemas.js';

/** Properties of the caller's organization; every change goes out as an event in the same transaction. */
export class PropertyService {
  constructor(private readonly db: ListingsDb) {}

  create(principal: Principal | null, body: PropertyBody): Promise<PropertyRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await insertProperty(tx, { orgId, ...columnsOf(body) } as NewProperty);
      await publish(tx, 'portfolioos.listings.PropertyCreated', row.id, {
        ...propertyEventFields(row),
        occurred_at: nowMillis(),
      });
      return row;
    });
  }

  get(principal: Principal | null, id: string): Promise<PropertyRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await findProperty(tx, orgId, id);
      if (!row) throw notFound();
      return row;
    });
  }

  list(principal: Principal | null, limit: number, after?: CursorPosition): Promise<PropertyRow[]> {
    return inCallerOrg(this.db, principal, (tx, orgId) => listProperties(tx, orgId, limit, after));
  }

  /** Applies a partial change; listings of its units get a new snapshot (they denormalize the property). */
  update(principal: Principal | null, id: string, patch: PropertyPatch): Promise<PropertyRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const current = await findProperty(tx, orgId, id, 'update');
      if (!current) throw notFound();
      if (current.archivedAt) throw conflict('The property is archived.', 'property-archived');
      const row = await updateProperty(tx, orgId, id, columnsOf(patch));
      await publish(tx, 'portfolioos.listings.PropertyUpdated', row.id, {
        ...propertyEventFields(row),
        occurred_at: nowMillis(),
      });
      await resnapshotListings(tx, orgId, { propertyId: id });
      return row;
    });
  }

  /** Archives (never deletes: leases and the ledger keep referring to it); published listings block it. */
  archive(principal: Principal | null, id: string): Promise<void> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const current = await findProperty(tx, orgId, id, 'update');
      if (!current) throw notFound();
      if (current.archivedAt) return;
      if ((await countPublishedListings(tx, orgId, { propertyId: id })) > 0)
        throw conflict('Unpublish the listings of this property first.', 'published-listings');
      await updateProperty(tx, orgId, id, { archivedAt: new Date() });
      await publish(tx, 'portfolioos.listings.PropertyArchived', id, {
        property_id: id,
        organization_id: orgId,
        occurred_at: nowMillis(),
      });
    });
  }
}

// Rejects an unknown time zone before its columns are written.
function columnsOf(body: PropertyPatch): Partial<NewProperty> {
  if (body.time_zone !== undefined && !isTimeZone(body.time_zone))
    throw unprocessable('Unknown time zone.', 'invalid-time-zone', [
      { in: 'body', field: 'time_zone', message: 'not an IANA time zone' },
    ]);
  return propertyColumns(body);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
