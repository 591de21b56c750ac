import type {
  InvitationCreated,
  LeaseOutForSignature,
  LeaseSigned,
  EventPayloads,
} from '@portfolioos/schemas';
import type { Directory } from '../directory/directory.js';
import type { TemplateData, TemplateKey } from '../templates/template-data.js';
import type { Category, Channel } from './channels.js';
import { addressOnly, type Recipient } from './recipient.js';

/** One audience of an event: who hears, through which template, category and channels. */
export interface Audience<T extends keyof EventPayloads, K extends TemplateKey = TemplateKey> {
  template: K;
  category: Category;
  channels: readonly Channel[];
  recipients(event: EventPayloads[T], directory: Directory): Promise<Recipient[]>;
  data(event: EventPayloads[T]): TemplateData[K];
}

/** The wired part of the routing table (routing-table.ts lists the whole design). */
export type WiredRoutes = { [T in keyof EventPayloads]?: readonly Audience<T>[] };

const STAFF_WHO_HEAR_OF_LEASES = ['owner', 'manager'] as const;
const isoDate = (epochDays: number) => new Date(epochDays * 86_400_000).toISOString().slice(0, 10);
const present = <T>(items: (T | undefined)[]): T[] => items.filter((item): item is T => item !== undefined);

const invitee: Audience<'portfolioos.identity.InvitationCreated', 'invitation.created'> = {
  template: 'invitation.created',
  category: 'security',
  // Only e-mail: delivering the accept link to the address is what proves the invitee controls it.
  channels: ['email'],
  recipients: async (event: InvitationCreated) => [addressOnly(event.email)],
  data: (event: InvitationCreated) => ({
    invitationId: event.invitation_id,
    role: event.role.toLowerCase(),
    inviterName: event.inviter_name,
    message: event.message,
    expiresAt: event.expires_at,
  }),
};

const signers: Audience<'portfolioos.leasing.LeaseOutForSignature', 'lease.out-for-signature'> = {
  template: 'lease.out-for-signature',
  category: 'legal',
  channels: ['email', 'sms', 'in_app'],
  recipients: (event: LeaseOutForSignature, directory) =>
    Promise.all(event.signer_emails.map((email) => directory.byEmail(email))),
  data: (event: LeaseOutForSignature) => ({
    leaseId: event.lease_id,
    electronic: event.signing_method === 'E_SIGNATURE',
  }),
};

const parties: Audience<'portfolioos.leasing.LeaseSigned', 'lease.signed'> = {
  template: 'lease.signed',
  category: 'legal',
  channels: ['email', 'in_app'],
  recipients: async (event: LeaseSigned, directory) =>
    present(
      await Promise.all(
        event.terms.parties.map(async (party) => {
          const member = party.user_id ? await directory.byUserId(party.user_id) : undefined;
          if (member) return member;
          return party.email ? addressOnly(party.email, party.full_name) : undefined;
        }),
      ),
    ),
  data: (event: LeaseSigned) => ({
    leaseId: event.lease_id,
    startDate: isoDate(event.terms.start_date),
    forStaff: false,
  }),
};

const leaseStaff: Audience<'portfolioos.leasing.LeaseSigned', 'lease.signed'> = {
  template: 'lease.signed',
  category: 'leasing',
  channels: ['in_app', 'email'],
  recipients: (_event, directory) => directory.membersWithRoles(STAFF_WHO_HEAR_OF_LEASES),
  data: (event: LeaseSigned) => ({ ...parties.data(event), forStaff: true }),
};

/** Event → audiences, for the events whose producers exist today. */
export const WIRED_ROUTES: WiredRoutes = {
  'portfolioos.identity.InvitationCreated': [invitee],
  'portfolioos.leasing.LeaseOutForSignature': [signers],
  'portfolioos.leasing.LeaseSigned': [parties, leaseStaff],
};
