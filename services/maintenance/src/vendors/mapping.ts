import type { Category } from '../requests/vocabulary.js';
import type { NewVendor, VendorWithUsers } from './repository.js';
import type { VendorPatch } from './schemas.js';

export const vendorToJson = (row: VendorWithUsers) => ({
  id: row.id,
  name: row.name,
  trade: row.trade as Category,
  contact_name: row.contactName,
  email: row.email,
  phone: row.phone,
  service_area: row.serviceArea,
  hourly_rate_minor: row.hourlyRateMinor,
  currency: row.currency,
  insurance_expires_on: row.insuranceExpiresOn,
  w9_on_file: row.w9OnFile,
  eligible_1099: row.eligible1099,
  portal_user_ids: row.portalUserIds,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** The columns a body (whole or partial) sets; absent fields stay as they are. */
export function vendorColumns(body: VendorPatch): Partial<NewVendor> {
  const columns: Partial<NewVendor> = {
    name: body.name,
    trade: body.trade,
    contactName: body.contact_name,
    email: body.email?.toLowerCase(),
    phone: body.phone,
    serviceArea: body.service_area,
    hourlyRateMinor: body.hourly_rate_minor,
    currency: body.currency,
    insuranceExpiresOn: body.insurance_expires_on,
    w9OnFile: body.w9_on_file,
    eligible1099: body.eligible_1099,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}
