import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { createdAt } from './columns.js';

/**
 * identity's invitations (InvitationCreated): the role and address each was sent to, so that when one
 * is accepted (InvitationAccepted carries the user, not the role) leasing knows whether a tenant of
 * the renter portal just got an account.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  () => [orgIsolationPolicy()],
);
