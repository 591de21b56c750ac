import { conflict, notFound, unprocessable, type Principal } from '@portfolioos/service-kit';
import type { ListingsDb, ListingsTx } from '../db/database.js';
import { enqueueListingTombstone } from '../outbox.js';
import type { CursorPosition } from '../http-schemas.js';
import { findProperty } from '../properties/repository.js';
import { inCallerOrg } from '../staff-access.js';
import { findUnit } from '../units/repository.js';
import {
  deleteListing,
  findListing,
  insertListing,
  listListings,
  updateListing,
  type ListingRow,
  type ListingStatus,
} from './repository.js';
import type { ListingBody, ListingPatch } from './schemas.js';
import { publishSnapshots } from './snapshots.js';

/**
 * Which statuses each staff transition starts from. Leased is set by leasing's LeaseSigned, never by staff;
 * leaving it is a staff decision (re-list once the unit is free, or withdraw), never automatic.
 */
const TRANSITIONS: Record<'publish' | 'unpublish', { from: ListingStatus[]; to: ListingStatus }> = {
  publish: { from: ['draft', 'unpublished', 'leased'], to: 'published' },
  unpublish: { from: ['published', 'leased'], to: 'unpublished' },
};

/** Listings (the marketing view of a unit). Every change writes a new versioned ListingSnapshot. */
export class ListingService {
  constructor(private readonly db: ListingsDb) {}

  create(principal: Principal | null, body: ListingBody): Promise<ListingRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const unit = await findUnit(tx, orgId, body.unit_id, 'update');
      if (!unit) throw unprocessable('No such unit.', 'unknown-unit', [field('unit_id', 'no such unit')]);
      if (unit.archivedAt) throw conflict('The unit is archived.', 'unit-archived');
      const row = await insertListing(tx, {
        orgId,
        unitId: unit.id,
        title: body.title,
        description: body.description ?? '',
        priceMinor: body.price_minor ?? unit.askingRentMinor,
        currency: body.currency ?? unit.currency,
        petPolicy: body.pet_policy ?? 'none',
      });
      await publishSnapshots(tx, orgId, [row.id]);
      return row;
    });
  }

  get(principal: Principal | null, id: string): Promise<ListingRow> {
    return inCallerOrg(this.db, principal, (tx, orgId) => this.existing(tx, orgId, id));
  }

  list(principal: Principal | null, limit: number, after?: CursorPosition): Promise<ListingRow[]> {
    return inCallerOrg(this.db, principal, (tx, orgId) => listListings(tx, orgId, limit, after));
  }

  update(principal: Principal | null, id: string, patch: ListingPatch): Promise<ListingRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      await this.existing(tx, orgId, id, true);
      const row = await updateListing(tx, orgId, id, {
        title: patch.title,
        description: patch.description,
        priceMinor: patch.price_minor,
        currency: patch.currency,
        petPolicy: patch.pet_policy,
      });
      await publishSnapshots(tx, orgId, [id]);
      return row;
    });
  }

  /** publish (draft/unpublished → published) or unpublish (published → unpublished). */
  transition(principal: Principal | null, id: string, action: 'publish' | 'unpublish'): Promise<ListingRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const current = await this.existing(tx, orgId, id, true);
      const { from, to } = TRANSITIONS[action];
      if (current.status === to) return current;
      if (!from.includes(current.status as ListingStatus))
        throw conflict(`A ${current.status} listing cannot ${action}.`, 'invalid-transition');
      if (action === 'publish') await this.assertPublishable(tx, orgId, current.unitId);
      const row = await updateListing(tx, orgId, id, {
        status: to,
        statusChangedAt: new Date(),
        ...(action === 'publish' && !current.publishedAt ? { publishedAt: new Date() } : {}),
      });
      await publishSnapshots(tx, orgId, [id]);
      return row;
    });
  }

  /** Deletes the listing; readers of the compacted topic get a tombstone. */
  remove(principal: Principal | null, id: string): Promise<void> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const current = await this.existing(tx, orgId, id, true);
      await deleteListing(tx, orgId, id);
      await enqueueListingTombstone(tx, id, orgId, current.version + 1);
    });
  }

  private async existing(tx: ListingsTx, orgId: string, id: string, lock = false): Promise<ListingRow> {
    const row = await findListing(tx, orgId, id, lock);
    if (!row) throw notFound();
    return row;
  }

  // The unit and property stay locked (FOR SHARE) until the publish commits: archiving either takes FOR
  // UPDATE, so it waits and then counts this listing as published, or it went first and this read sees it
  // archived. Unlocked reads let both commit: a published listing on an archived unit.
  private async assertPublishable(tx: ListingsTx, orgId: string, unitId: string): Promise<void> {
    const unit = await findUnit(tx, orgId, unitId, 'share');
    const property = unit && (await findProperty(tx, orgId, unit.propertyId, 'share'));
    if (!unit || unit.archivedAt || !property || property.archivedAt)
      throw conflict('The unit or its property is archived.', 'unit-archived');
  }
}

const field = (name: string, message: string) => ({ in: 'body', field: name, message });
