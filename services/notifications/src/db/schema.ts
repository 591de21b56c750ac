import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';

// The outbox (events waiting for the relay) and the inbox (events consumers applied) of this database.
export { inbox, outbox } from '@portfolioos/events';

// Millisecond precision, so a timestamp survives a round trip through a JS Date (pagination cursors).
const nowMs = sql`date_trunc('milliseconds', now())`;
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => at('created_at').notNull().default(nowMs);

/** The organizations this service has heard of (identity's organization events): name and time zone. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    createdAt: createdAt(),
  },
  () => [orgIsolationPolicy({ column: 'id' })],
);

/**
 * People as identity describes them (user events), one row per user. A person is platform-wide in
 * identity (one account, many organizations), so this directory is not organization-scoped; what an
 * organization may know of them goes through `members`.
 */
export const people = pgTable('people', {
  userId: uuid('user_id').primaryKey(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  phone: text('phone'),
  locale: text('locale'),
  deactivated: boolean('deactivated').notNull().default(false),
  updatedAt: at('updated_at').notNull(),
});

/** Who belongs to which organization with which role (identity's membership events). */
export const members = pgTable(
  'members',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    active: boolean('active').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), orgIsolationPolicy()],
);

/**
 * One message to one recipient on one channel, caused by one event: the unique key is what makes a
 * redelivered event send nothing more. `data` is what the template renders from (at delivery time, so
 * a link minted then is fresh); in-app rows carry their rendered title/body for the inbox.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    causeEventId: uuid('cause_event_id').notNull(),
    causeEventType: text('cause_event_type').notNull(),
    /** The user id, or the lower-cased address of someone without an account here. */
    recipientKey: text('recipient_key').notNull(),
    recipientUserId: uuid('recipient_user_id'),
    channel: text('channel').$type<'email' | 'sms' | 'in_app'>().notNull(),
    address: text('address'),
    template: text('template').notNull(),
    category: text('category').notNull(),
    locale: text('locale').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    status: text('status').$type<'pending' | 'sent' | 'failed' | 'suppressed'>().notNull(),
    /** Provider errors so far (an unreachable provider does not count: an outage delays, never loses). */
    failures: integer('failures').notNull().default(0),
    providerMessageId: text('provider_message_id'),
    readAt: at('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_once_idx').on(t.orgId, t.causeEventId, t.recipientKey, t.channel),
    index('notifications_inbox_idx').on(t.orgId, t.recipientUserId, t.channel, t.createdAt, t.id),
    orgIsolationPolicy(),
  ],
);

/** Each hand-over to a provider and what came of it. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    notificationId: uuid('notification_id').notNull(),
    attempt: integer('attempt').notNull(),
    outcome: text('outcome').$type<'sent' | 'retry' | 'failed' | 'unreachable'>().notNull(),
    providerMessageId: text('provider_message_id'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
  },
  (t) => [index('delivery_attempts_notification_idx').on(t.orgId, t.notificationId), orgIsolationPolicy()],
);

/**
 * Deliveries due (e-mail and SMS still to send): ids and times only, no content, so the worker can
 * find due work across organizations and then read each notification as its organization.
 */
export const deliveryQueue = pgTable(
  'delivery_queue',
  {
    notificationId: uuid('notification_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    dueAt: at('due_at').notNull(),
  },
  (t) => [index('delivery_queue_due_idx').on(t.dueAt)],
);

/** A person's switch for one category on one channel (absent: on). Security and legal have none. */
export const preferences = pgTable(
  'preferences',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    category: text('category').notNull(),
    channel: text('channel').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: at('updated_at').notNull().default(nowMs),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.category, t.channel] }), orgIsolationPolicy()],
);

/** A person's quiet hours for SMS (local times in their zone; the organization's zone when unset). */
export const quietHours = pgTable(
  'quiet_hours',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** Minutes after local midnight; start > end spans midnight (22:00–07:00). */
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    timeZone: text('time_zone'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), orgIsolationPolicy()],
);

/**
 * Phone numbers that texted STOP: no SMS goes to them from any organization until they text START, as
 * carriers require (Twilio's sender-level opt-out). Keyed by number, so not organization-scoped.
 */
export const smsOptOuts = pgTable('sms_opt_outs', {
  phone: text('phone').primaryKey(),
  optedOutAt: at('opted_out_at').notNull(),
});

/** Unsubscribe links already used: each works once (its id, from the signed token). */
export const usedUnsubscribeTokens = pgTable('used_unsubscribe_tokens', {
  tokenId: uuid('token_id').primaryKey(),
  usedAt: at('used_at').notNull().default(nowMs),
});
