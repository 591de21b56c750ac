import { sql } from 'drizzle-orm';
import { index, jsonb, pgPolicy, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';

export { inbox, outbox } from '@portfolioos/events';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const orgId = () => uuid('org_id').notNull();
const at = (name: string) => timestamp(name, { withTimezone: true });

/** A row-level-security policy letting a transaction read the rows a setting points at (see scoped-transactions.ts). */
const readWhen = (name: string, condition: ReturnType<typeof sql>) =>
  pgPolicy(name, { as: 'permissive', for: 'select', using: condition });
const setting = (name: string) => sql.raw(`nullif(current_setting('app.${name}', true), '')`);

/** People. Platform-wide: one person may belong to several organizations. */
export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  phone: text('phone'),
  passwordHash: text('password_hash').notNull(),
  /** BCP-47 locale for notifications; null means the organization's default. */
  locale: text('locale'),
  /** The organization the person joined through: their events' organization_id (see UserRegistered). */
  homeOrgId: uuid('home_org_id'),
  createdAt: createdAt(),
  deactivatedAt: at('deactivated_at'),
});

/** Platform admins (ARCHITECTURE.md §4): granted by the operator CLI only, never through the API. */
export const platformAdmins = pgTable('platform_admins', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  /** Who ran the grant (the operator's name from the CLI), for the record. */
  grantedBy: text('granted_by').notNull(),
});

/** Platform-level audit (admin actions), outside every organization; only admin routes read it. */
export const platformAuditEvents = pgTable(
  'platform_audit_events',
  {
    id: id(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    subject: text('subject'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, string>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('platform_audit_events_time_idx').on(t.occurredAt, t.id)],
);

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    defaultCurrency: text('default_currency').notNull(),
    timezone: text('timezone').notNull(),
    country: text('country').notNull(),
    createdAt: createdAt(),
  },
  () => [
    orgIsolationPolicy({ column: 'id' }),
    // A signed-in person sees the organizations they belong to (GET /v1/me, login's org choice).
    readWhen(
      'member_read',
      sql`exists (select 1 from memberships m where m.org_id = organizations.id and m.user_id = ${setting('user_id')}::uuid)`,
    ),
    // Platform admin routes list organizations (read-only); set only after the route checked the admin token.
    readWhen('platform_admin_read', sql`${setting('platform_admin')} = 'on'`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('memberships_org_user_key').on(t.orgId, t.userId),
    index('memberships_user_idx').on(t.userId),
    orgIsolationPolicy(),
    readWhen('self_read', sql`user_id = ${setting('user_id')}::uuid`),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    orgId: orgId(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    message: text('message'),
    invitedByUserId: uuid('invited_by_user_id').notNull(),
    /** sha256 of the single accept token currently valid; the token itself is never stored. */
    tokenHash: text('token_hash'),
    expiresAt: at('expires_at').notNull(),
    status: text('status').notNull().default('pending'),
    acceptedUserId: uuid('accepted_user_id'),
    closedAt: at('closed_at'),
    createdAt: createdAt(),
  },
  () => [orgIsolationPolicy(), readWhen('token_lookup', sql`id = ${setting('invitation_id')}::uuid`)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    /** The visible part of the key (`pk_<prefix>_...`), unique, used to find the row. */
    prefix: text('prefix').notNull().unique(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdByUserId: uuid('created_by_user_id').notNull(),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
    lastUsedAt: at('last_used_at'),
    createdAt: createdAt(),
  },
  () => [orgIsolationPolicy(), readWhen('prefix_lookup', sql`prefix = ${setting('api_key_prefix')}`)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    orgId: orgId(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorKind: text('actor_kind').notNull(),
    subject: text('subject'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, string>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_events_org_time_idx').on(t.orgId, t.occurredAt, t.id), orgIsolationPolicy()],
);

/** A login: one refresh-token family. Revoking it ends every token ever rotated from it. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id'),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const refreshTokens = pgTable('refresh_tokens', {
  id: id(),
  sessionId: uuid('session_id')
    .notNull()
    .references(() => sessions.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  /** Set when this token was exchanged for the next one; presenting it again is reuse. */
  rotatedAt: at('rotated_at'),
});

/** The public half of a signing key as published in the JWKS. */
export interface PublicJwk {
  kty: string;
  kid: string;
  alg: string;
  use: string;
  n: string;
  e: string;
}

/** RS256 signing keys; the private half is AES-256-GCM encrypted under the configured key-encryption key. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<PublicJwk>().notNull(),
  privateKeyEncrypted: text('private_key_encrypted').notNull(),
  createdAt: createdAt(),
  /** When it stopped signing; it stays published until every token it signed has expired. */
  retiredAt: at('retired_at'),
});
