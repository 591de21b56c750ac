import { notFound, type Principal } from '@portfolioos/service-kit';
import { inCallerOrg } from '../access.js';
import type { LeasingDb } from '../db/database.js';
import type { CursorPosition } from '../http-schemas.js';
import { publish } from '../outbox.js';
import { tenantColumns, tenantEvent } from './mapping.js';
import { findTenant, insertTenant, listTenants, updateTenant, type TenantRow } from './repository.js';
import type { TenantBody, TenantPatch } from './schemas.js';

/** Tenants of the caller's organization; every change goes out as an event in the same transaction. */
export class TenantService {
  constructor(private readonly db: LeasingDb) {}

  create(principal: Principal | null, body: TenantBody): Promise<TenantRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await insertTenant(tx, { orgId, fullName: body.full_name, ...tenantColumns(body) });
      await publish(tx, 'portfolioos.leasing.TenantCreated', row.id, tenantEvent(row, row.createdAt));
      return row;
    });
  }

  update(principal: Principal | null, id: string, patch: TenantPatch): Promise<TenantRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await updateTenant(tx, orgId, id, tenantColumns(patch));
      if (!row) throw notFound();
      await publish(tx, 'portfolioos.leasing.TenantUpdated', row.id, tenantEvent(row, row.updatedAt));
      return row;
    });
  }

  get(principal: Principal | null, id: string): Promise<TenantRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await findTenant(tx, orgId, id);
      if (!row) throw notFound();
      return row;
    });
  }

  list(principal: Principal | null, limit: number, after?: CursorPosition): Promise<TenantRow[]> {
    return inCallerOrg(this.db, principal, (tx, orgId) => listTenants(tx, orgId, limit, after));
  }
}
