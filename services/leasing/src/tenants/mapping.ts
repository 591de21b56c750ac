import type { TenantCreated } from '@portfolioos/schemas';
import type { NewTenant, TenantRow } from './repository.js';
import type { TenantPatch } from './schemas.js';

export const tenantToJson = (row: TenantRow) => ({
  id: row.id,
  full_name: row.fullName,
  email: row.email,
  phone: row.phone,
  emergency_contact: row.emergencyContact ?? null,
  user_id: row.userId,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** The columns a body (whole or partial) sets; absent fields stay as they are. */
export function tenantColumns(body: TenantPatch): Partial<NewTenant> {
  const columns: Partial<NewTenant> = {
    fullName: body.full_name,
    email: body.email,
    phone: body.phone,
    userId: body.user_id,
    emergencyContact:
      body.emergency_contact === undefined
        ? undefined
        : body.emergency_contact && {
            name: body.emergency_contact.name,
            phone: body.emergency_contact.phone ?? null,
            email: body.emergency_contact.email ?? null,
            relationship: body.emergency_contact.relationship ?? null,
          },
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** The full state TenantCreated and TenantUpdated carry. */
export const tenantEvent = (row: TenantRow, occurredAt: Date): TenantCreated => ({
  tenant_id: row.id,
  organization_id: row.orgId,
  occurred_at: occurredAt.getTime(),
  full_name: row.fullName,
  email: row.email,
  phone: row.phone,
  emergency_contact: row.emergencyContact ?? null,
  user_id: row.userId,
});
