import { conflict, notFound, type Principal } from '@portfolioos/service-kit';
import type { ListingsDb, ListingsTx } from '../db/database.js';
import { nowMillis, publish, publishMany } from '../outbox.js';
import type { CursorPosition } from '../http-schemas.js';
import { countPublishedListings, resnapshotListings } from '../listings/snapshots.js';
import { findProperty } from '../properties/repository.js';
import { inCallerOrg } from '../staff-access.js';
import { unitColumns, unitEventFields } from './mapping.js';
import { findUnit, insertUnits, listUnits, updateUnit, type NewUnit, type UnitRow } from './repository.js';
import type { UnitBody, UnitPatch } from './schemas.js';

/** Units of the caller's organization's properties. */
export class UnitService {
  constructor(private readonly db: ListingsDb) {}

  /** Creates one or many units of a property in one transaction (all or none), one UnitCreated each. */
  create(principal: Principal | null, propertyId: string, bodies: UnitBody[]): Promise<UnitRow[]> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      await this.activeProperty(tx, orgId, propertyId);
      const rows = await insertUnits(
        tx,
        bodies.map((body) => ({ ...(unitColumns(body) as NewUnit), orgId, propertyId })),
      );
      const occurredAt = nowMillis();
      await publishMany(
        tx,
        'portfolioos.listings.UnitCreated',
        rows.map((row) => ({ key: row.id, payload: { ...unitEventFields(row), occurred_at: occurredAt } })),
      );
      return rows;
    });
  }

  get(principal: Principal | null, id: string): Promise<UnitRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await findUnit(tx, orgId, id);
      if (!row) throw notFound();
      return row;
    });
  }

  list(principal: Principal | null, propertyId: string, limit: number, after?: CursorPosition) {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      if (!(await findProperty(tx, orgId, propertyId))) throw notFound();
      return listUnits(tx, orgId, propertyId, limit, after);
    });
  }

  update(principal: Principal | null, id: string, patch: UnitPatch): Promise<UnitRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const current = await findUnit(tx, orgId, id, 'update');
      if (!current) throw notFound();
      if (current.archivedAt) throw conflict('The unit is archived.', 'unit-archived');
      const row = await updateUnit(tx, orgId, id, unitColumns(patch));
      await publish(tx, 'portfolioos.listings.UnitUpdated', id, {
        ...unitEventFields(row),
        occurred_at: nowMillis(),
      });
      await resnapshotListings(tx, orgId, { unitId: id });
      return row;
    });
  }

  archive(principal: Principal | null, id: string): Promise<void> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const current = await findUnit(tx, orgId, id, 'update');
      if (!current) throw notFound();
      if (current.archivedAt) return;
      if ((await countPublishedListings(tx, orgId, { unitId: id })) > 0)
        throw conflict('Unpublish the listings of this unit first.', 'published-listings');
      await updateUnit(tx, orgId, id, { archivedAt: new Date() });
      await publish(tx, 'portfolioos.listings.UnitArchived', id, {
        unit_id: id,
        organization_id: orgId,
        property_id: current.propertyId,
        occurred_at: nowMillis(),
      });
    });
  }

  private async activeProperty(tx: ListingsTx, orgId: string, propertyId: string): Promise<void> {
    // Locks the property so its units' events follow its own in the outbox.
    const property = await findProperty(tx, orgId, propertyId, 'update');
    if (!property) throw notFound();
    if (property.archivedAt) throw conflict('The property is archived.', 'property-archived');
  }
}
