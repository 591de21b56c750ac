// generated — do not edit. Source: schemas/avro/**, schemas/catalog.json.
// Regenerate with `npm run generate -w @portfolioos/schemas`.

import type { AvroDate, TimestampMillis, Uuid } from '../logical-types.js';

/**
 * A partner API key was created. Only the non-secret prefix is ever published.
 *
 * Avro record `portfolioos.identity.ApiKeyCreated`.
 */
export interface ApiKeyCreated {
  /** The API key. */
  api_key_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Human label of the key. */
  name: string;
  /** First characters of the key as shown in the UI (e.g. pos_live_3fa9); never the secret. */
  key_prefix: string;
  /** Granted scopes, e.g. listings:read, payments:write. */
  scopes: string[];
  /** Staff user who created it. */
  created_by_user_id: Uuid;
  /**
   * Expiry, UTC epoch milliseconds; null = does not expire.
   *
   * Avro default: null
   */
  expires_at: null | TimestampMillis;
}

/**
 * A partner API key was revoked; requests with it fail from now on.
 *
 * Avro record `portfolioos.identity.ApiKeyRevoked`.
 */
export interface ApiKeyRevoked {
  /** The API key. */
  api_key_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Non-secret prefix of the revoked key. */
  key_prefix: string;
  /**
   * Staff user who revoked it; null when the system did (expiry, leak detection).
   *
   * Avro default: null
   */
  revoked_by_user_id: null | Uuid;
  /**
   * Free-text reason.
   *
   * Avro default: null
   */
  reason: null | string;
}

/**
 * An invitation was accepted; a MembershipGranted for the same user follows.
 *
 * Avro record `portfolioos.identity.InvitationAccepted`.
 */
export interface InvitationAccepted {
  /** The invitation. */
  invitation_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Invitee e-mail address. */
  email: string;
  /** User who accepted (new or existing account). */
  user_id: Uuid;
  /** Membership created by the acceptance. */
  membership_id: Uuid;
}

/**
 * Someone was invited to join an organization. Carries everything needed to render the invitation e-mail but never the secret accept token: Kafka logs are long-lived and read by many consumers. Notifications obtains the accept link from identity's internal endpoint (POST /internal/v1/invitations/{invitation_id}/accept-link, authenticated with the shared internal service token, never routed by the ingress), which mints a fresh single-use token of the mailed kind (the only kind that can create an account, because delivery to the address proves the email) and stores only its hash.
 *
 * Avro record `portfolioos.identity.InvitationCreated`.
 */
export interface InvitationCreated {
  /** The invitation. */
  invitation_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Invitee e-mail address (lower-cased). */
  email: string;
  /** Role the invitee gets on acceptance. */
  role: MembershipRole;
  /** Name of the inviting organization, for the e-mail. */
  organization_name: string;
  /** Staff user who sent the invitation. */
  inviter_user_id: Uuid;
  /** Display name of the inviter, for the e-mail. */
  inviter_name: string;
  /** When the invitation stops being acceptable, UTC epoch milliseconds. */
  expires_at: TimestampMillis;
  /**
   * Personal note from the inviter, shown in the e-mail.
   *
   * Avro default: null
   */
  message: null | string;
}

/**
 * Role of a user inside one organization. Staff roles: OWNER, MANAGER, ACCOUNTANT, VIEWER; portal roles: TENANT, VENDOR, APPLICANT. Readers that do not know a newer role see UNKNOWN and must grant nothing.
 *
 * Avro enum `portfolioos.identity.MembershipRole`.
 */
export type MembershipRole =
  'OWNER' | 'MANAGER' | 'ACCOUNTANT' | 'VIEWER' | 'TENANT' | 'VENDOR' | 'APPLICANT' | 'UNKNOWN';

/**
 * A pending invitation was withdrawn before it was accepted.
 *
 * Avro record `portfolioos.identity.InvitationRevoked`.
 */
export interface InvitationRevoked {
  /** The invitation. */
  invitation_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Invitee e-mail address. */
  email: string;
  /**
   * Staff user who revoked it; null when the system did.
   *
   * Avro default: null
   */
  revoked_by_user_id: null | Uuid;
}

/**
 * A user became a member of an organization with a role.
 *
 * Avro record `portfolioos.identity.MembershipGranted`.
 */
export interface MembershipGranted {
  /** The membership (user × organization). */
  membership_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** The member. */
  user_id: Uuid;
  /** Role granted. */
  role: MembershipRole;
  /**
   * Staff user who granted it; null when the system did (organization creation).
   *
   * Avro default: null
   */
  granted_by_user_id: null | Uuid;
  /**
   * Invitation this membership came from, if any.
   *
   * Avro default: null
   */
  invitation_id: null | Uuid;
}

/**
 * A user stopped being a member of an organization; access ends immediately.
 *
 * Avro record `portfolioos.identity.MembershipRevoked`.
 */
export interface MembershipRevoked {
  /** The membership. */
  membership_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** The former member. */
  user_id: Uuid;
  /** Role the member had. */
  role: MembershipRole;
  /**
   * Staff user who removed the member; null when the member left.
   *
   * Avro default: null
   */
  revoked_by_user_id: null | Uuid;
}

/**
 * A member's role in an organization changed.
 *
 * Avro record `portfolioos.identity.MembershipRoleChanged`.
 */
export interface MembershipRoleChanged {
  /** The membership. */
  membership_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** The member. */
  user_id: Uuid;
  /** Role before the change. */
  previous_role: MembershipRole;
  /** Role after the change. */
  role: MembershipRole;
  /** Staff user who changed it. */
  changed_by_user_id: Uuid;
}

/**
 * An organization (landlord, property manager) was created on the platform.
 *
 * Avro record `portfolioos.identity.OrganizationCreated`.
 */
export interface OrganizationCreated {
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Display name of the organization (the landlord or management company). */
  name: string;
  /** URL-safe unique handle of the organization. */
  slug: string;
  /** ISO-4217 currency used for new leases and charges unless overridden. */
  default_currency: string;
  /** IANA time zone (e.g. America/Chicago); due dates and rent runs are evaluated in it. */
  timezone: string;
  /** ISO-3166-1 alpha-2 country of the organization. */
  country: string;
  /** User who created it; becomes its first OWNER. */
  created_by_user_id: Uuid;
}

/**
 * An organization's settings changed. Carries the full current state, not a diff.
 *
 * Avro record `portfolioos.identity.OrganizationUpdated`.
 */
export interface OrganizationUpdated {
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Display name of the organization (the landlord or management company). */
  name: string;
  /** ISO-4217 currency used for new leases and charges unless overridden. */
  default_currency: string;
  /** IANA time zone (e.g. America/Chicago); due dates and rent runs are evaluated in it. */
  timezone: string;
  /** ISO-3166-1 alpha-2 country of the organization. */
  country: string;
}

/**
 * A user account was deactivated: it can no longer sign in, its sessions (refresh tokens) are revoked, and access tokens it already holds lapse within their lifetime (at most 10 minutes). API keys belong to the organization, not the person, and are not affected.
 *
 * Avro record `portfolioos.identity.UserDeactivated`.
 */
export interface UserDeactivated {
  /** The user. */
  user_id: Uuid;
  /** Home organization of the user (see UserRegistered). */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Why the account was deactivated. */
  reason: DeactivationReason;
  /**
   * Who deactivated it; null when the user did it themselves or the system did.
   *
   * Avro default: null
   */
  deactivated_by_user_id: null | Uuid;
}

/**
 * Why an account was deactivated.
 *
 * Avro enum `portfolioos.identity.DeactivationReason`.
 */
export type DeactivationReason = 'USER_REQUESTED' | 'ADMIN_ACTION' | 'SECURITY' | 'OTHER';

/**
 * A user's profile changed. Carries the full current profile, not a diff.
 *
 * Avro record `portfolioos.identity.UserProfileUpdated`.
 */
export interface UserProfileUpdated {
  /** The user. */
  user_id: Uuid;
  /** Home organization of the user (see UserRegistered). */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Login e-mail address (lower-cased). */
  email: string;
  /** Name shown to other users. */
  display_name: string;
  /**
   * Mobile phone in E.164 format, if given; used for SMS notifications.
   *
   * Avro default: null
   */
  phone: null | string;
  /**
   * BCP-47 locale for notifications (e.g. en-US); null means the organization default.
   *
   * Avro default: null
   */
  locale: null | string;
}

/**
 * A person got a user account (staff, tenant, vendor or applicant).
 *
 * Avro record `portfolioos.identity.UserRegistered`.
 */
export interface UserRegistered {
  /** The new user. */
  user_id: Uuid;
  /** Home organization: the one the user signed up through (self-signup creates one; invited users get the inviting organization). Users may later be members of others. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Login e-mail address (lower-cased). */
  email: string;
  /** Name shown to other users. */
  display_name: string;
  /**
   * Mobile phone in E.164 format, if given; used for SMS notifications.
   *
   * Avro default: null
   */
  phone: null | string;
  /** How the account came to exist. */
  registration_method: RegistrationMethod;
  /**
   * Invitation that was accepted to register, when registration_method is INVITATION.
   *
   * Avro default: null
   */
  invitation_id: null | Uuid;
}

/**
 * How the account came to exist.
 *
 * Avro enum `portfolioos.identity.RegistrationMethod`.
 */
export type RegistrationMethod = 'SELF_SIGNUP' | 'INVITATION' | 'ADMIN_CREATED' | 'UNKNOWN';

/**
 * A rental application was approved; a lease is drafted next.
 *
 * Avro record `portfolioos.leasing.ApplicationApproved`.
 */
export interface ApplicationApproved {
  /** The application. */
  application_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Unit applied for. */
  unit_id: Uuid;
  /** Leasing's applicant record. */
  applicant_id: Uuid;
  /** Applicant's e-mail, for the decision notice. */
  applicant_email: string;
  /** Staff user who decided. */
  decided_by_user_id: Uuid;
  /**
   * Conditions of approval (e.g. double deposit, guarantor required).
   *
   * Avro default: null
   */
  conditions: null | string;
}

/**
 * A rental application was denied. The reason drives the adverse-action notice the applicant must receive.
 *
 * Avro record `portfolioos.leasing.ApplicationDenied`.
 */
export interface ApplicationDenied {
  /** The application. */
  application_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Unit applied for. */
  unit_id: Uuid;
  /** Leasing's applicant record. */
  applicant_id: Uuid;
  /** Applicant's e-mail, for the adverse-action notice. */
  applicant_email: string;
  /** Staff user who decided. */
  decided_by_user_id: Uuid;
  /** Principal reason for denial. */
  reason: DenialReason;
  /**
   * Consumer reporting agency whose report contributed, if any (must be named in the notice).
   *
   * Avro default: null
   */
  screening_provider: null | string;
  /**
   * The adverse-action notice to send the applicant verbatim (plain text) when a screening report contributed; null otherwise and on events from before it was carried.
   *
   * Avro default: null
   */
  adverse_action_notice: null | string;
}

/**
 * Principal reason for denial.
 *
 * Avro enum `portfolioos.leasing.DenialReason`.
 */
export type DenialReason =
  | 'CREDIT_HISTORY'
  | 'INSUFFICIENT_INCOME'
  | 'RENTAL_HISTORY'
  | 'CRIMINAL_BACKGROUND'
  | 'INCOMPLETE_APPLICATION'
  | 'UNIT_NO_LONGER_AVAILABLE'
  | 'OTHER';

/**
 * A prospective tenant submitted a rental application.
 *
 * Avro record `portfolioos.leasing.ApplicationSubmitted`.
 */
export interface ApplicationSubmitted {
  /** The application. */
  application_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /**
   * Listing applied through; null for walk-ins.
   *
   * Avro default: null
   */
  listing_id: null | Uuid;
  /** Unit applied for. */
  unit_id: Uuid;
  /** Leasing's applicant record. */
  applicant_id: Uuid;
  /**
   * Identity user of the applicant, when they have an account.
   *
   * Avro default: null
   */
  applicant_user_id: null | Uuid;
  /** Applicant's full name. */
  applicant_name: string;
  /** Applicant's e-mail, for decision notices. */
  applicant_email: string;
  /**
   * Requested move-in date.
   *
   * Avro default: null
   */
  desired_move_in: null | AvroDate;
  /** Number of people who would live in the unit, including the applicant. */
  occupants: number;
}

/**
 * The applicant withdrew a rental application.
 *
 * Avro record `portfolioos.leasing.ApplicationWithdrawn`.
 */
export interface ApplicationWithdrawn {
  /** The application. */
  application_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Unit applied for. */
  unit_id: Uuid;
  /** Leasing's applicant record. */
  applicant_id: Uuid;
}

/**
 * The terms of an executed lease changed by signed amendment (rent, parties, end date). Carries the full new terms.
 *
 * Avro record `portfolioos.leasing.LeaseAmended`.
 */
export interface LeaseAmended {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Date from which the new terms apply. */
  effective_date: AvroDate;
  /** Full terms after the amendment. */
  terms: LeaseTerms;
  /**
   * Why the lease was amended.
   *
   * Avro default: null
   */
  reason: null | string;
}

/**
 * Economic and occupancy terms of a lease. Rent is due monthly.
 *
 * Avro record `portfolioos.leasing.LeaseTerms`.
 */
export interface LeaseTerms {
  /** Property of the leased unit. */
  property_id: Uuid;
  /** The leased unit; occupancy is derived from the lease dates, never stored. */
  unit_id: Uuid;
  /** Tenants, co-tenants, guarantors and occupants. */
  parties: LeaseParty[];
  /** First day of the tenancy. */
  start_date: AvroDate;
  /**
   * Last day of the tenancy; null = open-ended (month-to-month).
   *
   * Avro default: null
   */
  end_date: null | AvroDate;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /** Monthly rent from start_date. Integer minor units of `currency` (e.g. cents). */
  rent_amount_minor: number;
  /** Day of month rent is due, 1-28 (29-31 are not allowed so every month has the day). */
  rent_due_day: number;
  /**
   * Scheduled rent changes after start_date, ascending by effective_from; empty = flat rent.
   *
   * Avro default: []
   */
  rent_schedule: RentScheduleEntry[];
  /** Security deposit required; 0 if none. Integer minor units of `currency` (e.g. cents). */
  deposit_amount_minor: number;
  /**
   * Charges besides rent (parking, pet rent, flat utilities).
   *
   * Avro default: []
   */
  recurring_charges: RecurringCharge[];
  /**
   * IANA time zone of the property (e.g. America/Chicago): every date of the lease is a calendar date there. Null on events from before it was carried.
   *
   * Avro default: null
   */
  time_zone: null | string;
  /**
   * Day the tenants get the keys, if not start_date.
   *
   * Avro default: null
   */
  move_in_date: null | AvroDate;
  /**
   * Rule for the first partial rent period; null on events from before it was carried.
   *
   * Avro default: null
   */
  first_month_proration: null | ProrationRule;
  /**
   * Late-fee policy; null = no late fees.
   *
   * Avro default: null
   */
  late_fee_policy: null | LateFeePolicy;
}

/**
 * A person on a lease.
 *
 * Avro record `portfolioos.leasing.LeaseParty`.
 */
export interface LeaseParty {
  /** Leasing's tenant record for this person. */
  tenant_id: Uuid;
  /**
   * Identity user, when the person has a portal account.
   *
   * Avro default: null
   */
  user_id: null | Uuid;
  /** Part the person plays on the lease. */
  role: LeasePartyRole;
  /** Legal name as on the lease. */
  full_name: string;
  /**
   * E-mail for notices and the renter portal.
   *
   * Avro default: null
   */
  email: null | string;
}

/**
 * Part a person plays on a lease. Tenants and guarantors are financially responsible; occupants are not.
 *
 * Avro enum `portfolioos.leasing.LeasePartyRole`.
 */
export type LeasePartyRole = 'PRIMARY_TENANT' | 'CO_TENANT' | 'GUARANTOR' | 'OCCUPANT' | 'UNKNOWN';

/**
 * A scheduled change of monthly rent.
 *
 * Avro record `portfolioos.leasing.RentScheduleEntry`.
 */
export interface RentScheduleEntry {
  /** First day the new rent applies (first rent period starting on/after it). */
  effective_from: AvroDate;
  /** Monthly rent from effective_from on. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
}

/**
 * A charge besides rent, billed with it at its own frequency.
 *
 * Avro record `portfolioos.leasing.RecurringCharge`.
 */
export interface RecurringCharge {
  /** Kind of charge. */
  kind: RecurringChargeKind;
  /** Text on the tenant's ledger (e.g. Parking space 14). */
  description: string;
  /** Monthly amount. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /**
   * How often the charge is billed (events from before this field are monthly).
   *
   * Avro default: "MONTHLY"
   */
  frequency: ChargeFrequency;
}

/**
 * Kind of recurring charge.
 *
 * Avro enum `portfolioos.leasing.RecurringChargeKind`.
 */
export type RecurringChargeKind = 'PARKING' | 'PET_RENT' | 'UTILITY' | 'STORAGE' | 'OTHER';

/**
 * How often a recurring charge is billed.
 *
 * Avro enum `portfolioos.leasing.ChargeFrequency`.
 */
export type ChargeFrequency = 'MONTHLY' | 'QUARTERLY' | 'YEARLY' | 'OTHER';

/**
 * How the rent of a first partial month is charged: BY_DAYS = the days' share of the monthly rent, as floor(rent x last day / days in month) - floor(rent x (first day - 1) / days in month) in integer minor units, so the periods of one month add up to the rent exactly, FULL = a whole month, NONE = nothing until the first full period.
 *
 * Avro enum `portfolioos.leasing.ProrationRule`.
 */
export type ProrationRule = 'BY_DAYS' | 'FULL' | 'NONE' | 'UNKNOWN';

/**
 * When and how much a late rent payment costs; payments applies it.
 *
 * Avro record `portfolioos.leasing.LateFeePolicy`.
 */
export interface LateFeePolicy {
  /** Days after the due day before a fee applies (0 = the day after the due day). */
  grace_days: number;
  /** Flat amount, or a share of the monthly rent. */
  calculation: LateFeeCalculation;
  /**
   * FLAT: the fee. Integer minor units of `currency`.
   *
   * Avro default: null
   */
  amount_minor: null | number;
  /**
   * PERCENT_OF_RENT: the fee in basis points of the monthly rent (500 = 5 %), rounded down to a minor unit.
   *
   * Avro default: null
   */
  rate_basis_points: null | number;
  /** Once per late payment, or each day until paid. */
  frequency: LateFeeFrequency;
  /**
   * Cap on all late fees of one rent period (always set for DAILY). Integer minor units of `currency`.
   *
   * Avro default: null
   */
  max_total_minor: null | number;
}

/**
 * How a late fee amount is computed.
 *
 * Avro enum `portfolioos.leasing.LateFeeCalculation`.
 */
export type LateFeeCalculation = 'FLAT' | 'PERCENT_OF_RENT' | 'UNKNOWN';

/**
 * Whether a late fee is charged once per late payment or every day it stays late.
 *
 * Avro enum `portfolioos.leasing.LateFeeFrequency`.
 */
export type LateFeeFrequency = 'ONE_TIME' | 'DAILY' | 'UNKNOWN';

/**
 * A lease was cancelled before it was signed; it never binds anyone.
 *
 * Avro record `portfolioos.leasing.LeaseCancelled`.
 */
export interface LeaseCancelled {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** The unit the lease was for. */
  unit_id: Uuid;
  /**
   * Why it was cancelled.
   *
   * Avro default: null
   */
  reason: null | string;
}

/**
 * A lease was drafted (or its draft changed); carries the full draft terms. Nothing is binding yet.
 *
 * Avro record `portfolioos.leasing.LeaseDrafted`.
 */
export interface LeaseDrafted {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /**
   * Lease this draft renews, if any.
   *
   * Avro default: null
   */
  renewal_of_lease_id: null | Uuid;
  /** Terms as drafted. */
  terms: LeaseTerms;
}

/**
 * A lease reached its last day and ended (after its end date or a notice).
 *
 * Avro record `portfolioos.leasing.LeaseEnded`.
 */
export interface LeaseEnded {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property of the leased unit. */
  property_id: Uuid;
  /** The leased unit. */
  unit_id: Uuid;
  /** Last day of the tenancy. */
  end_date: AvroDate;
}

/**
 * Notice to end an active lease was given; the lease ends after end_date.
 *
 * Avro record `portfolioos.leasing.LeaseNoticeGiven`.
 */
export interface LeaseNoticeGiven {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property of the leased unit. */
  property_id: Uuid;
  /** The leased unit. */
  unit_id: Uuid;
  /** Day the notice was given. */
  notice_date: AvroDate;
  /** Last day of the tenancy the notice names; replaces the end date of the terms. */
  end_date: AvroDate;
  /** Which side gave notice. */
  given_by: NoticeGiver;
}

/**
 * Which side gave notice.
 *
 * Avro enum `portfolioos.leasing.NoticeGiver`.
 */
export type NoticeGiver = 'TENANT' | 'LANDLORD' | 'UNKNOWN';

/**
 * A drafted lease went out for signature: on paper (staff record the signing) or by e-signature (a DocuSign envelope, envelope_id set; DocuSign Connect reports the signing). The one event for this fact (LeaseSentForSignature is deprecated and never produced).
 *
 * Avro record `portfolioos.leasing.LeaseOutForSignature`.
 */
export interface LeaseOutForSignature {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** The leased unit. */
  unit_id: Uuid;
  /** Paper or e-signature. */
  signing_method: SigningMethod;
  /**
   * E-signature envelope; null on paper.
   *
   * Avro default: null
   */
  envelope_id: null | string;
  /**
   * E-mail addresses of the adult parties asked to sign (those who have one).
   *
   * Avro default: []
   */
  signer_emails: string[];
}

/**
 * How a lease is signed.
 *
 * Avro enum `portfolioos.leasing.SigningMethod`.
 */
export type SigningMethod = 'PAPER' | 'E_SIGNATURE' | 'UNKNOWN';

/**
 * A lease was renewed by a new lease for the same unit (possibly with new rent); keyed by the renewed lease. The new lease goes through its own drafted/signed events.
 *
 * Avro record `portfolioos.leasing.LeaseRenewed`.
 */
export interface LeaseRenewed {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** The new lease. */
  renewal_lease_id: Uuid;
  /** Terms of the new lease. */
  terms: LeaseTerms;
}

/**
 * DEPRECATED, never produced: leasing publishes LeaseOutForSignature for every lease sent out, on paper or as a DocuSign envelope (signing_method, envelope_id). One event per fact keeps consumers from handling the same sending twice or missing paper leases; this record required an envelope and so could not say 'on paper'. It stays in the catalog so code generated from it keeps compiling; do not subscribe to it.
 *
 * Avro record `portfolioos.leasing.LeaseSentForSignature`.
 */
export interface LeaseSentForSignature {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** The leased unit. */
  unit_id: Uuid;
  /** E-signature (DocuSign) envelope id. */
  envelope_id: string;
  /** E-mail addresses asked to sign. */
  signer_emails: string[];
}

/**
 * A lease was fully executed (all parties signed). From here the lease drives occupancy and rent charges.
 *
 * Avro record `portfolioos.leasing.LeaseSigned`.
 */
export interface LeaseSigned {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /**
   * Application the lease came from, if any.
   *
   * Avro default: null
   */
  application_id: null | Uuid;
  /**
   * Lease this one renews (a renewal is a new lease for the same unit).
   *
   * Avro default: null
   */
  renewal_of_lease_id: null | Uuid;
  /**
   * E-signature envelope; null when signed on paper and recorded by staff.
   *
   * Avro default: null
   */
  envelope_id: null | string;
  /** Terms as signed. */
  terms: LeaseTerms;
}

/**
 * A signed lease reached its start date (in the property time zone): the tenancy began. Carries the terms in force.
 *
 * Avro record `portfolioos.leasing.LeaseStarted`.
 */
export interface LeaseStarted {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Terms in force. */
  terms: LeaseTerms;
}

/**
 * A lease ends earlier than its terms say (or an open-ended lease gets an end). A lease that reaches its end_date emits LeaseEnded instead. Occupancy is derived from dates.
 *
 * Avro record `portfolioos.leasing.LeaseTerminated`.
 */
export interface LeaseTerminated {
  /** The lease. */
  lease_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property of the leased unit. */
  property_id: Uuid;
  /** The leased unit. */
  unit_id: Uuid;
  /** Last day of the tenancy; replaces end_date. */
  termination_date: AvroDate;
  /** Why the lease ended early. */
  reason: TerminationReason;
  /**
   * Free-text notes.
   *
   * Avro default: null
   */
  notes: null | string;
}

/**
 * Why a lease ended early.
 *
 * Avro enum `portfolioos.leasing.TerminationReason`.
 */
export type TerminationReason =
  'MUTUAL_AGREEMENT' | 'TENANT_NOTICE' | 'LANDLORD_NOTICE' | 'EVICTION' | 'OTHER';

/**
 * A person was added to an organization as a tenant (a renter, a co-tenant or an occupant).
 *
 * Avro record `portfolioos.leasing.TenantCreated`.
 */
export interface TenantCreated {
  /** The tenant. */
  tenant_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Legal name. */
  full_name: string;
  /**
   * E-mail for notices and the renter portal.
   *
   * Avro default: null
   */
  email: null | string;
  /**
   * Phone number, E.164 (e.g. +15125550100).
   *
   * Avro default: null
   */
  phone: null | string;
  /**
   * Emergency contact, if given.
   *
   * Avro default: null
   */
  emergency_contact: null | EmergencyContact;
  /**
   * Identity user of the tenant portal, once linked.
   *
   * Avro default: null
   */
  user_id: null | Uuid;
}

/**
 * Whom to call when the tenant cannot be reached.
 *
 * Avro record `portfolioos.leasing.EmergencyContact`.
 */
export interface EmergencyContact {
  /** Full name. */
  name: string;
  /**
   * Phone number, E.164.
   *
   * Avro default: null
   */
  phone: null | string;
  /**
   * E-mail address.
   *
   * Avro default: null
   */
  email: null | string;
  /**
   * Relationship to the tenant (e.g. parent).
   *
   * Avro default: null
   */
  relationship: null | string;
}

/**
 * A tenant's details changed. Carries the full current state, not a diff.
 *
 * Avro record `portfolioos.leasing.TenantUpdated`.
 */
export interface TenantUpdated {
  /** The tenant. */
  tenant_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Legal name. */
  full_name: string;
  /**
   * E-mail for notices and the renter portal.
   *
   * Avro default: null
   */
  email: null | string;
  /**
   * Phone number, E.164 (e.g. +15125550100).
   *
   * Avro default: null
   */
  phone: null | string;
  /**
   * Emergency contact, if given.
   *
   * Avro default: null
   */
  emergency_contact: null | EmergencyContact;
  /**
   * Identity user of the tenant portal, once linked.
   *
   * Avro default: null
   */
  user_id: null | Uuid;
}

/**
 * Full current state of a listing (the marketing view of a unit), published on the log-compacted topic listings.listing on every change. Readers rebuild from it and keep only the highest `version` per listing_id. Deletion is a tombstone: a record with key = listing_id and a null value (no schema, no wire-format header).
 *
 * Avro record `portfolioos.listings.ListingSnapshot`.
 */
export interface ListingSnapshot {
  /** The listing; also the Kafka key. */
  listing_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Monotonic per listing (starts at 1); a reader ignores a snapshot whose version is not higher than what it holds. */
  version: number;
  /** Lifecycle status. */
  status: ListingStatus;
  /** Property of the listed unit. */
  property_id: Uuid;
  /** The listed unit. */
  unit_id: Uuid;
  /** Headline shown in search results. */
  title: string;
  /** Marketing description (plain text). */
  description: string;
  /** Asking monthly rent. Integer minor units of `currency` (e.g. cents). */
  rent_amount_minor: number;
  /**
   * Security deposit asked, integer minor units of `currency`; null if not stated.
   *
   * Avro default: null
   */
  deposit_amount_minor: null | number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /**
   * First move-in date; null = available now.
   *
   * Avro default: null
   */
  available_from: null | AvroDate;
  /**
   * Shortest lease term offered, in months; null = negotiable.
   *
   * Avro default: null
   */
  min_lease_months: null | number;
  /** Number of bedrooms; 0 is a studio. */
  bedrooms: number;
  /** Full bathrooms (RESO BathroomsFull). */
  full_baths: number;
  /** Half bathrooms (RESO BathroomsHalf). */
  half_baths: number;
  /**
   * Interior area in square feet, if known.
   *
   * Avro default: null
   */
  square_feet: null | number;
  /** Kind of building. */
  property_type: PropertyType;
  /** Postal address of the property. */
  address: Address;
  /** Map position (listings cannot be published without a geocoded property). */
  location: GeoPoint;
  /**
   * Amenity codes, snake_case (e.g. in_unit_laundry, dishwasher, parking, air_conditioning, pool, gym); unknown codes are shown as-is.
   *
   * Avro default: []
   */
  amenities: string[];
  /** Which pets are allowed. */
  pet_policy: PetPolicy;
  /**
   * Photos in display order; the first is the cover.
   *
   * Avro default: []
   */
  photos: ListingPhoto[];
  /**
   * When the listing first became ACTIVE, UTC epoch milliseconds.
   *
   * Avro default: null
   */
  published_at: null | TimestampMillis;
}

/**
 * Lifecycle of a listing; only ACTIVE listings are publicly searchable. UNKNOWN (a status newer than the reader) must be treated as not public.
 *
 * Avro enum `portfolioos.listings.ListingStatus`.
 */
export type ListingStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'LEASED' | 'WITHDRAWN' | 'UNKNOWN';

/**
 * Kind of building.
 *
 * Avro enum `portfolioos.listings.PropertyType`.
 */
export type PropertyType =
  | 'SINGLE_FAMILY'
  | 'MULTI_FAMILY'
  | 'APARTMENT'
  | 'CONDO'
  | 'TOWNHOUSE'
  | 'MOBILE_HOME'
  | 'COMMERCIAL'
  | 'OTHER';

/**
 * Postal address of a property.
 *
 * Avro record `portfolioos.listings.Address`.
 */
export interface Address {
  /** Street address. */
  line1: string;
  /**
   * Apartment, suite, building (rarely used at property level).
   *
   * Avro default: null
   */
  line2: null | string;
  /** City or locality. */
  city: string;
  /** State, province or region code (e.g. TX). */
  region: string;
  /** ZIP or postal code. */
  postal_code: string;
  /** ISO-3166-1 alpha-2 country code. */
  country: string;
}

/**
 * A WGS84 coordinate (as stored in the PostGIS point).
 *
 * Avro record `portfolioos.listings.GeoPoint`.
 */
export interface GeoPoint {
  /** Latitude in decimal degrees, -90..90. */
  lat: number;
  /** Longitude in decimal degrees, -180..180. */
  lng: number;
}

/**
 * Which pets are allowed.
 *
 * Avro enum `portfolioos.listings.PetPolicy`.
 */
export type PetPolicy = 'NONE' | 'CATS' | 'DOGS' | 'CATS_AND_DOGS' | 'CASE_BY_CASE' | 'UNKNOWN';

/**
 * A listing photo in display order.
 *
 * Avro record `portfolioos.listings.ListingPhoto`.
 */
export interface ListingPhoto {
  /** Public URL of the image. */
  url: string;
  /**
   * Caption shown with the image.
   *
   * Avro default: null
   */
  caption: null | string;
}

/**
 * A property left the portfolio. Archived, never deleted: the ledger and leases keep referring to it.
 *
 * Avro record `portfolioos.listings.PropertyArchived`.
 */
export interface PropertyArchived {
  /** The property. */
  property_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
}

/**
 * A property (building or lot with one or more units) was added to the portfolio.
 *
 * Avro record `portfolioos.listings.PropertyCreated`.
 */
export interface PropertyCreated {
  /** The property. */
  property_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Name used by staff (e.g. Maple Court). */
  name: string;
  /** Kind of building. */
  property_type: PropertyType;
  /** Postal address. */
  address: Address;
  /**
   * Geocoded position; null until geocoding succeeded.
   *
   * Avro default: null
   */
  location: null | GeoPoint;
  /**
   * Year of construction, if known.
   *
   * Avro default: null
   */
  year_built: null | number;
  /**
   * IANA time zone of the property (e.g. America/Chicago); null on events from before it was carried.
   *
   * Avro default: null
   */
  time_zone: null | string;
}

/**
 * A property's details changed. Carries the full current state, not a diff.
 *
 * Avro record `portfolioos.listings.PropertyUpdated`.
 */
export interface PropertyUpdated {
  /** The property. */
  property_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Name used by staff (e.g. Maple Court). */
  name: string;
  /** Kind of building. */
  property_type: PropertyType;
  /** Postal address. */
  address: Address;
  /**
   * Geocoded position; null until geocoding succeeded.
   *
   * Avro default: null
   */
  location: null | GeoPoint;
  /**
   * Year of construction, if known.
   *
   * Avro default: null
   */
  year_built: null | number;
  /**
   * IANA time zone of the property (e.g. America/Chicago); null on events from before it was carried.
   *
   * Avro default: null
   */
  time_zone: null | string;
}

/**
 * A unit was taken out of the rentable inventory (merged, demolished, converted). Archived, never deleted.
 *
 * Avro record `portfolioos.listings.UnitArchived`.
 */
export interface UnitArchived {
  /** The unit. */
  unit_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property the unit belongs to. */
  property_id: Uuid;
}

/**
 * A rentable unit was added to a property.
 *
 * Avro record `portfolioos.listings.UnitCreated`.
 */
export interface UnitCreated {
  /** The unit. */
  unit_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property the unit belongs to. */
  property_id: Uuid;
  /** Unit label as residents know it (e.g. 2B, Main House). */
  label: string;
  /** Number of bedrooms; 0 is a studio. */
  bedrooms: number;
  /** Full bathrooms (RESO BathroomsFull). */
  full_baths: number;
  /** Half bathrooms (RESO BathroomsHalf). */
  half_baths: number;
  /**
   * Interior area in square feet, if known.
   *
   * Avro default: null
   */
  square_feet: null | number;
  /**
   * Asking/market monthly rent, integer minor units of `currency`; null if not set.
   *
   * Avro default: null
   */
  market_rent_minor: null | number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
}

/**
 * A unit's details changed. Carries the full current state, not a diff.
 *
 * Avro record `portfolioos.listings.UnitUpdated`.
 */
export interface UnitUpdated {
  /** The unit. */
  unit_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property the unit belongs to. */
  property_id: Uuid;
  /** Unit label as residents know it (e.g. 2B, Main House). */
  label: string;
  /** Number of bedrooms; 0 is a studio. */
  bedrooms: number;
  /** Full bathrooms (RESO BathroomsFull). */
  full_baths: number;
  /** Half bathrooms (RESO BathroomsHalf). */
  half_baths: number;
  /**
   * Interior area in square feet, if known.
   *
   * Avro default: null
   */
  square_feet: null | number;
  /**
   * Asking/market monthly rent, integer minor units of `currency`; null if not set.
   *
   * Avro default: null
   */
  market_rent_minor: null | number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
}

/**
 * A maintenance request was closed (resolved through work orders, declined, or withdrawn).
 *
 * Avro record `portfolioos.maintenance.MaintenanceRequestClosed`.
 */
export interface MaintenanceRequestClosed {
  /** The maintenance request. */
  request_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /** Reporter, to be told. */
  submitted_by_user_id: Uuid;
  /** How it was closed. */
  resolution: RequestResolution;
  /**
   * Note to the reporter.
   *
   * Avro default: null
   */
  note: null | string;
  /**
   * Staff user who closed it; null when the reporter withdrew it.
   *
   * Avro default: null
   */
  closed_by_user_id: null | Uuid;
}

/**
 * How a request was closed.
 *
 * Avro enum `portfolioos.maintenance.RequestResolution`.
 */
export type RequestResolution = 'RESOLVED' | 'DECLINED' | 'DUPLICATE' | 'WITHDRAWN' | 'OTHER';

/**
 * Someone commented on a maintenance request. Internal staff notes are flagged; a reader must never show those to the tenant. The text stays in maintenance.
 *
 * Avro record `portfolioos.maintenance.MaintenanceRequestCommented`.
 */
export interface MaintenanceRequestCommented {
  /** The maintenance request. */
  request_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** The comment. */
  comment_id: Uuid;
  /** Reporter of the request. */
  submitted_by_user_id: Uuid;
  /** Who wrote it. */
  author_user_id: Uuid;
  /** A staff-only note (never shown to the tenant). */
  internal: boolean;
}

/**
 * A maintenance request moved along its lifecycle (submitted, triaged, scheduled, in_progress, completed, closed, cancelled; reopened = back to triaged). Statuses are strings so a newer status never breaks an older reader.
 *
 * Avro record `portfolioos.maintenance.MaintenanceRequestStatusChanged`.
 */
export interface MaintenanceRequestStatusChanged {
  /** The maintenance request. */
  request_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /** Reporter, to be told. */
  submitted_by_user_id: Uuid;
  /** Status before the change. */
  from_status: string;
  /** Status after the change. */
  to_status: string;
  /**
   * Who changed it; null for a partner credential.
   *
   * Avro default: null
   */
  changed_by_user_id: null | Uuid;
  /**
   * Note given with the change, shown to the reporter.
   *
   * Avro default: null
   */
  note: null | string;
}

/**
 * A tenant or staff member reported a maintenance problem.
 *
 * Avro record `portfolioos.maintenance.MaintenanceRequestSubmitted`.
 */
export interface MaintenanceRequestSubmitted {
  /** The maintenance request. */
  request_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /**
   * Lease of the reporting tenant, if any.
   *
   * Avro default: null
   */
  lease_id: null | Uuid;
  /** User who reported it. */
  submitted_by_user_id: Uuid;
  /** Trade needed, as chosen by the reporter. */
  category: MaintenanceCategory;
  /** Urgency as reported. */
  priority: MaintenancePriority;
  /** Short summary (e.g. Kitchen sink leaking). */
  title: string;
  /** What is wrong, in the reporter's words. */
  description: string;
  /** Whether staff and vendors may enter the unit when nobody is home. */
  permission_to_enter: boolean;
  /** Number of photos attached (metadata stays in maintenance). */
  photo_count: number;
}

/**
 * Trade a maintenance job needs.
 *
 * Avro enum `portfolioos.maintenance.MaintenanceCategory`.
 */
export type MaintenanceCategory =
  | 'PLUMBING'
  | 'ELECTRICAL'
  | 'HVAC'
  | 'APPLIANCE'
  | 'PEST_CONTROL'
  | 'LOCKS_AND_KEYS'
  | 'STRUCTURAL'
  | 'GROUNDS'
  | 'CLEANING'
  | 'OTHER';

/**
 * Urgency. EMERGENCY = risk to life or property (no heat in winter, flooding, gas), handled within hours.
 *
 * Avro enum `portfolioos.maintenance.MaintenancePriority`.
 */
export type MaintenancePriority = 'LOW' | 'NORMAL' | 'HIGH' | 'EMERGENCY' | 'UNKNOWN';

/**
 * A maintenance request was still open when its SLA (by priority, per organization) ran out. Emitted once per request.
 *
 * Avro record `portfolioos.maintenance.MaintenanceSlaBreached`.
 */
export interface MaintenanceSlaBreached {
  /** The maintenance request. */
  request_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /** Priority of the request (emergency, urgent, routine). */
  priority: string;
  /** Status the request was in when the SLA ran out. */
  status: string;
  /** When the SLA ran out, UTC epoch milliseconds. */
  sla_due_at: TimestampMillis;
}

/**
 * A work order was assigned (or reassigned) to a vendor.
 *
 * Avro record `portfolioos.maintenance.WorkOrderAssigned`.
 */
export interface WorkOrderAssigned {
  /** The work order. */
  work_order_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /** Vendor assigned. */
  vendor_id: Uuid;
  /** Vendor business name. */
  vendor_name: string;
  /**
   * Vendor's identity user, when they use the vendor portal.
   *
   * Avro default: null
   */
  vendor_user_id: null | Uuid;
  /** Staff user who assigned it. */
  assigned_by_user_id: Uuid;
}

/**
 * A work order was cancelled before completion.
 *
 * Avro record `portfolioos.maintenance.WorkOrderCancelled`.
 */
export interface WorkOrderCancelled {
  /** The work order. */
  work_order_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /**
   * Vendor that was assigned, if any.
   *
   * Avro default: null
   */
  vendor_id: null | Uuid;
  /**
   * Why it was cancelled.
   *
   * Avro default: null
   */
  reason: null | string;
  /**
   * Staff user who cancelled it.
   *
   * Avro default: null
   */
  cancelled_by_user_id: null | Uuid;
}

/**
 * The work was done. Carries the cost and who bears it; payments books it as an expense (OWNER) or a tenant charge (TENANT).
 *
 * Avro record `portfolioos.maintenance.WorkOrderCompleted`.
 */
export interface WorkOrderCompleted {
  /** The work order. */
  work_order_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /**
   * Vendor who did it; null for in-house staff.
   *
   * Avro default: null
   */
  vendor_id: null | Uuid;
  /** Trade of the work done (payments maps it to a Schedule E line). */
  category: MaintenanceCategory;
  /** Labor cost, 0 if none. Integer minor units of `currency` (e.g. cents). */
  labor_cost_minor: number;
  /** Materials cost, 0 if none. Integer minor units of `currency` (e.g. cents). */
  materials_cost_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /** Who pays. */
  bill_to: CostBearer;
  /**
   * Lease to charge when bill_to is TENANT.
   *
   * Avro default: null
   */
  lease_id: null | Uuid;
  /**
   * What was done.
   *
   * Avro default: null
   */
  resolution_notes: null | string;
}

/**
 * Who pays for maintenance work. UNKNOWN = a reader must not book it automatically.
 *
 * Avro enum `portfolioos.maintenance.CostBearer`.
 */
export type CostBearer = 'OWNER' | 'TENANT' | 'WARRANTY' | 'UNKNOWN';

/**
 * A job was opened for staff or a vendor, from a request or for preventive/turnover work.
 *
 * Avro record `portfolioos.maintenance.WorkOrderCreated`.
 */
export interface WorkOrderCreated {
  /** The work order. */
  work_order_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /**
   * Maintenance request it serves; null for preventive or turnover work.
   *
   * Avro default: null
   */
  request_id: null | Uuid;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /** Trade needed. */
  category: MaintenanceCategory;
  /** Urgency. */
  priority: MaintenancePriority;
  /** Short summary. */
  title: string;
  /** Work to be done. */
  description: string;
  /** Staff user who opened it. */
  created_by_user_id: Uuid;
  /**
   * Spending limit without further approval, integer minor units of `currency`; null = none.
   *
   * Avro default: null
   */
  not_to_exceed_minor: null | number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
}

/**
 * A visit was scheduled; tenants of the unit get an entry notice.
 *
 * Avro record `portfolioos.maintenance.WorkOrderScheduled`.
 */
export interface WorkOrderScheduled {
  /** The work order. */
  work_order_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property concerned. */
  property_id: Uuid;
  /**
   * Unit concerned; null for common areas.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /**
   * Vendor visiting; null for in-house staff.
   *
   * Avro default: null
   */
  vendor_id: null | Uuid;
  /** Start of the visit window, UTC epoch milliseconds. */
  scheduled_start: TimestampMillis;
  /**
   * End of the visit window; null = open.
   *
   * Avro default: null
   */
  scheduled_end: null | TimestampMillis;
}

/**
 * A notification was handed to a channel's provider (or pushed in-app) successfully.
 *
 * Avro record `portfolioos.notifications.NotificationDelivered`.
 */
export interface NotificationDelivered {
  /** The notification. */
  notification_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /**
   * Recipient's identity user; null for people without an account (invitees, applicants).
   *
   * Avro default: null
   */
  recipient_user_id: null | Uuid;
  /** Channel delivered on. */
  channel: NotificationChannel;
  /**
   * Provider id (SendGrid X-Message-Id, Twilio SID); null for IN_APP.
   *
   * Avro default: null
   */
  provider_message_id: null | string;
  /** Attempt number, 1-based. */
  attempt: number;
}

/**
 * Delivery channel.
 *
 * Avro enum `portfolioos.notifications.NotificationChannel`.
 */
export type NotificationChannel = 'EMAIL' | 'SMS' | 'IN_APP' | 'UNKNOWN';

/**
 * Delivery on a channel failed; `permanent` means it will not be retried (bounce, invalid number, retries exhausted).
 *
 * Avro record `portfolioos.notifications.NotificationFailed`.
 */
export interface NotificationFailed {
  /** The notification. */
  notification_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /**
   * Recipient's identity user; null for people without an account (invitees, applicants).
   *
   * Avro default: null
   */
  recipient_user_id: null | Uuid;
  /** Channel that failed. */
  channel: NotificationChannel;
  /** Attempt number, 1-based. */
  attempt: number;
  /** True when no further attempt will be made. */
  permanent: boolean;
  /**
   * Provider error code.
   *
   * Avro default: null
   */
  error_code: null | string;
  /** Failure reason. */
  error_message: string;
}

/**
 * The recipient opened or dismissed an in-app notification.
 *
 * Avro record `portfolioos.notifications.NotificationRead`.
 */
export interface NotificationRead {
  /** The notification. */
  notification_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** User who read it. */
  recipient_user_id: Uuid;
}

/**
 * Notifications decided to tell someone something (from a domain event or a staff message) and queued delivery. IN_APP content is here so realtime can push it; it never contains secrets.
 *
 * Avro record `portfolioos.notifications.NotificationRequested`.
 */
export interface NotificationRequested {
  /** The notification. */
  notification_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /**
   * Recipient's identity user; null for people without an account (invitees, applicants).
   *
   * Avro default: null
   */
  recipient_user_id: null | Uuid;
  /**
   * E-mail address used for EMAIL.
   *
   * Avro default: null
   */
  recipient_email: null | string;
  /**
   * E.164 phone used for SMS.
   *
   * Avro default: null
   */
  recipient_phone: null | string;
  /** Template key (e.g. invitation.created, payment.succeeded). */
  template: string;
  /** Channels to deliver on, after the recipient's preferences. */
  channels: NotificationChannel[];
  /** Rendered title (in-app headline, e-mail subject). */
  title: string;
  /** Rendered short text for in-app display. */
  body: string;
  /**
   * App-relative path the notification opens (e.g. /leases/…); no tokens.
   *
   * Avro default: null
   */
  link: null | string;
  /**
   * Event id (envelope header) that caused it, for tracing and de-duplication.
   *
   * Avro default: null
   */
  cause_event_id: null | Uuid;
  /**
   * Full name of the causing event type (e.g. portfolioos.payments.PaymentSucceeded).
   *
   * Avro default: null
   */
  cause_event_type: null | string;
}

/**
 * A non-cash credit reduced a charge (concession, waived late fee, goodwill). Balance = charges - allocations - credits.
 *
 * Avro record `portfolioos.payments.ChargeCredited`.
 */
export interface ChargeCredited {
  /** The charge credited. */
  charge_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Lease whose ledger the entry belongs to. */
  lease_id: Uuid;
  /** The credit ledger entry. */
  credit_id: Uuid;
  /** Credited amount, positive, at most the charge's open amount. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /** Why the credit was given. */
  reason: string;
  /**
   * Staff user who gave it; null when a rule did.
   *
   * Avro default: null
   */
  credited_by_user_id: null | Uuid;
}

/**
 * A charge was posted to a lease's ledger (money the tenants owe). Immutable: corrections are ChargeCredited or ChargeReversed, never edits.
 *
 * Avro record `portfolioos.payments.ChargePosted`.
 */
export interface ChargePosted {
  /** The charge. */
  charge_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Lease whose ledger the entry belongs to. */
  lease_id: Uuid;
  /** Unit of the lease (for rent roll and occupancy reports). */
  unit_id: Uuid;
  /**
   * Party charged; null = the lease's tenants jointly.
   *
   * Avro default: null
   */
  tenant_id: null | Uuid;
  /** Kind of charge. */
  charge_type: ChargeType;
  /** Text on the tenant's ledger (e.g. Rent March 2025). */
  description: string;
  /** Amount owed, positive. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /** Date the charge is due; late fees and delinquency aging count from it. */
  due_date: AvroDate;
  /**
   * First day of the period billed (rent, recurring charges).
   *
   * Avro default: null
   */
  period_start: null | AvroDate;
  /**
   * Last day of the period billed.
   *
   * Avro default: null
   */
  period_end: null | AvroDate;
  /**
   * Work order billed to the tenant, for tenant-caused maintenance.
   *
   * Avro default: null
   */
  work_order_id: null | Uuid;
}

/**
 * Kind of charge.
 *
 * Avro enum `portfolioos.payments.ChargeType`.
 */
export type ChargeType = 'RENT' | 'LATE_FEE' | 'DEPOSIT' | 'UTILITY' | 'OTHER';

/**
 * A charge posted in error was reversed in full by a reversing ledger entry.
 *
 * Avro record `portfolioos.payments.ChargeReversed`.
 */
export interface ChargeReversed {
  /** The charge reversed. */
  charge_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Lease whose ledger the entry belongs to. */
  lease_id: Uuid;
  /** The reversing ledger entry. */
  reversal_id: Uuid;
  /** Reversed amount (the full charge amount), positive. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /** Why the charge was reversed. */
  reason: string;
  /**
   * Staff user who reversed it; null when the system did.
   *
   * Avro default: null
   */
  reversed_by_user_id: null | Uuid;
}

/**
 * An operating expense was recorded against a property.
 *
 * Avro record `portfolioos.payments.ExpenseRecorded`.
 */
export interface ExpenseRecorded {
  /** The expense. */
  expense_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property the expense is booked to (Schedule E is per property). */
  property_id: Uuid;
  /**
   * Unit, when the expense is unit-specific.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /** Schedule E line. */
  category: ExpenseCategory;
  /** Expense amount, positive. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /** What was bought or paid for. */
  description: string;
  /** Date the expense was incurred. */
  incurred_on: AvroDate;
  /**
   * Date it was paid; null = still payable.
   *
   * Avro default: null
   */
  paid_on: null | AvroDate;
  /**
   * Maintenance vendor paid, if any.
   *
   * Avro default: null
   */
  vendor_id: null | Uuid;
  /**
   * Payee as written on the bill.
   *
   * Avro default: null
   */
  payee_name: null | string;
  /**
   * Work order whose cost this is, if any.
   *
   * Avro default: null
   */
  work_order_id: null | Uuid;
  /**
   * Staff user who recorded it; null when created from a completed work order.
   *
   * Avro default: null
   */
  recorded_by_user_id: null | Uuid;
}

/**
 * IRS Schedule E (Form 1040) expense line: ADVERTISING=5, AUTO_AND_TRAVEL=6, CLEANING_AND_MAINTENANCE=7, COMMISSIONS=8, INSURANCE=9, LEGAL_AND_PROFESSIONAL_FEES=10, MANAGEMENT_FEES=11, MORTGAGE_INTEREST=12, OTHER_INTEREST=13, REPAIRS=14, SUPPLIES=15, TAXES=16, UTILITIES=17, DEPRECIATION=18, OTHER=19.
 *
 * Avro enum `portfolioos.payments.ExpenseCategory`.
 */
export type ExpenseCategory =
  | 'ADVERTISING'
  | 'AUTO_AND_TRAVEL'
  | 'CLEANING_AND_MAINTENANCE'
  | 'COMMISSIONS'
  | 'INSURANCE'
  | 'LEGAL_AND_PROFESSIONAL_FEES'
  | 'MANAGEMENT_FEES'
  | 'MORTGAGE_INTEREST'
  | 'OTHER_INTEREST'
  | 'REPAIRS'
  | 'SUPPLIES'
  | 'TAXES'
  | 'UTILITIES'
  | 'DEPRECIATION'
  | 'OTHER';

/**
 * A recorded expense was voided by a reversing entry (ledger-first: never edited or deleted). Repeats the amounts so readers can reverse without lookups.
 *
 * Avro record `portfolioos.payments.ExpenseVoided`.
 */
export interface ExpenseVoided {
  /** The expense voided. */
  expense_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Property the expense is booked to (Schedule E is per property). */
  property_id: Uuid;
  /**
   * Unit, when the expense is unit-specific.
   *
   * Avro default: null
   */
  unit_id: null | Uuid;
  /** Schedule E line. */
  category: ExpenseCategory;
  /** Expense amount, positive. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /** Why it was voided. */
  reason: string;
  /**
   * Staff user who voided it.
   *
   * Avro default: null
   */
  voided_by_user_id: null | Uuid;
}

/**
 * A succeeded payment was applied to open charges (oldest first unless staff chose otherwise).
 *
 * Avro record `portfolioos.payments.PaymentAllocated`.
 */
export interface PaymentAllocated {
  /** The payment. */
  payment_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Lease whose ledger the entry belongs to. */
  lease_id: Uuid;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /** Allocations made, each against one charge. */
  allocations: PaymentAllocation[];
  /** Part of the payment left as prepaid credit on the lease. Integer minor units of `currency` (e.g. cents). */
  unallocated_amount_minor: number;
}

/**
 * Part of a payment applied to one charge.
 *
 * Avro record `portfolioos.payments.PaymentAllocation`.
 */
export interface PaymentAllocation {
  /** The allocation ledger entry. */
  allocation_id: Uuid;
  /** Charge paid down. */
  charge_id: Uuid;
  /** Amount applied, positive. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
}

/**
 * A payment did not go through (declined card, ACH return). May follow PaymentSucceeded for a late ACH return; consumers then undo the receipt.
 *
 * Avro record `portfolioos.payments.PaymentFailed`.
 */
export interface PaymentFailed {
  /** The payment. */
  payment_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Lease whose ledger the entry belongs to. */
  lease_id: Uuid;
  /**
   * Paying tenant; null when unknown (e.g. a check without a name).
   *
   * Avro default: null
   */
  tenant_id: null | Uuid;
  /** How the payment is made. */
  method: PaymentMethod;
  /** Payment amount, positive. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /**
   * Stripe PaymentIntent id (pi_...) for CARD and ACH; null for offline methods.
   *
   * Avro default: null
   */
  stripe_payment_intent_id: null | string;
  /**
   * Provider code (Stripe decline code or ACH return code such as R01).
   *
   * Avro default: null
   */
  failure_code: null | string;
  /**
   * Human-readable failure reason.
   *
   * Avro default: null
   */
  failure_message: null | string;
}

/**
 * How a payment was made. CARD and ACH go through Stripe; the others are recorded by staff.
 *
 * Avro enum `portfolioos.payments.PaymentMethod`.
 */
export type PaymentMethod = 'CARD' | 'ACH' | 'CHECK' | 'CASH' | 'OTHER' | 'BANK_TRANSFER' | 'MONEY_ORDER';

/**
 * A tenant (or staff for them) started a payment; for CARD/ACH the Stripe PaymentIntent exists but has not settled.
 *
 * Avro record `portfolioos.payments.PaymentInitiated`.
 */
export interface PaymentInitiated {
  /** The payment. */
  payment_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Lease whose ledger the entry belongs to. */
  lease_id: Uuid;
  /**
   * Paying tenant; null when unknown (e.g. a check without a name).
   *
   * Avro default: null
   */
  tenant_id: null | Uuid;
  /** How the payment is made. */
  method: PaymentMethod;
  /** Payment amount, positive. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /**
   * Stripe PaymentIntent id (pi_...) for CARD and ACH; null for offline methods.
   *
   * Avro default: null
   */
  stripe_payment_intent_id: null | string;
  /**
   * User who started it.
   *
   * Avro default: null
   */
  initiated_by_user_id: null | Uuid;
}

/**
 * Money from a succeeded payment was returned to the payer (fully or partly).
 *
 * Avro record `portfolioos.payments.PaymentRefunded`.
 */
export interface PaymentRefunded {
  /** The payment refunded. */
  payment_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Lease whose ledger the entry belongs to. */
  lease_id: Uuid;
  /** The refund ledger entry. */
  refund_id: Uuid;
  /** Refunded amount, positive, at most the payment amount. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /**
   * Stripe refund id (re_...), when refunded through Stripe.
   *
   * Avro default: null
   */
  stripe_refund_id: null | string;
  /**
   * Why it was refunded.
   *
   * Avro default: null
   */
  reason: null | string;
}

/**
 * Funds were received. For ACH a PaymentFailed can still follow (a late return).
 *
 * Avro record `portfolioos.payments.PaymentSucceeded`.
 */
export interface PaymentSucceeded {
  /** The payment. */
  payment_id: Uuid;
  /** Organization (the platform tenant) this event belongs to; consumers scope all state by it. */
  organization_id: Uuid;
  /** When the change was committed in the producing service, UTC epoch milliseconds. */
  occurred_at: TimestampMillis;
  /** Lease whose ledger the entry belongs to. */
  lease_id: Uuid;
  /**
   * Paying tenant; null when unknown (e.g. a check without a name).
   *
   * Avro default: null
   */
  tenant_id: null | Uuid;
  /** How the payment is made. */
  method: PaymentMethod;
  /** Payment amount, positive. Integer minor units of `currency` (e.g. cents). */
  amount_minor: number;
  /** ISO-4217 currency code (e.g. USD); every *_minor amount in this record is in this currency. */
  currency: string;
  /**
   * Stripe PaymentIntent id (pi_...) for CARD and ACH; null for offline methods.
   *
   * Avro default: null
   */
  stripe_payment_intent_id: null | string;
  /**
   * Stripe charge id (ch_/py_...), when paid through Stripe.
   *
   * Avro default: null
   */
  stripe_charge_id: null | string;
  /**
   * Processor fee, integer minor units of `currency`; null for offline methods.
   *
   * Avro default: null
   */
  fee_amount_minor: null | number;
  /** Date the funds count as received (cash-basis accounting), in the organization's time zone. */
  received_on: AvroDate;
  /**
   * What identifies an offline payment: the check, money-order or bank-transfer number; null for cash and Stripe payments.
   *
   * Avro default: null
   */
  reference: null | string;
}
