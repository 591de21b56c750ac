/** Staff roles inside an organization, most to least powerful. */
export const STAFF_ROLES = ['owner', 'manager', 'accountant', 'viewer'] as const;
/** People an organization lets into its portals: renters, contractors, prospective tenants. */
export const PORTAL_ROLES = ['tenant', 'vendor', 'applicant'] as const;
export const ALL_ROLES = [...STAFF_ROLES, ...PORTAL_ROLES] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type MembershipRole = (typeof ALL_ROLES)[number];

/** Roles that may manage people (invite, change roles) — owners alone may create or remove owners. */
export const PEOPLE_ADMINS: readonly MembershipRole[] = ['owner', 'manager'];
