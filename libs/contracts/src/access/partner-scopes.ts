/** Staff roles of an organization, most to least powerful (identity grants them). */
export type StaffRoleName = 'owner' | 'manager' | 'accountant' | 'viewer';

/**
 * Every scope a partner credential (API key, client-credentials token) can hold, with the staff roles that
 * hold it: a key acts for the person who created it, so it may carry only what that person's role may do.
 * Services name these in their routes' `auth.scopes` (listings: staff-access.ts); a new service adds its
 * rows here, and identity refuses to mint any scope that is not listed.
 */
export const PARTNER_SCOPES = {
  'listings:read': ['owner', 'manager', 'accountant', 'viewer'],
  'listings:write': ['owner', 'manager'],
  'leases:read': ['owner', 'manager', 'accountant', 'viewer'],
  'leases:write': ['owner', 'manager'],
  'maintenance:read': ['owner', 'manager', 'accountant', 'viewer'],
  'maintenance:write': ['owner', 'manager'],
  'ledger:read': ['owner', 'manager', 'accountant', 'viewer'],
  // Money records are the books: owners and their accountant write them, managers read them.
  'ledger:write': ['owner', 'accountant'],
} as const satisfies Record<string, readonly StaffRoleName[]>;

export type PartnerScope = keyof typeof PARTNER_SCOPES;

/** The requested scopes none of `roles` holds under `catalogue` (unknown scopes included). */
export function scopesNotHeld(
  roles: readonly string[],
  scopes: readonly string[],
  catalogue: Record<string, readonly string[]> = PARTNER_SCOPES,
): string[] {
  return scopes.filter((scope) => !(catalogue[scope] ?? []).some((role) => roles.includes(role)));
}
