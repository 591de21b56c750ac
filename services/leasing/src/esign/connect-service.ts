import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { withOrgTransaction } from '@portfolioos/db';
import { badRequest, unauthorized } from '@portfolioos/service-kit';
import type { LeasingDb } from '../db/database.js';
import { docusignConnectDeliveries } from '../db/schema.js';
import { lockLease } from '../leases/repository.js';
import { statusAfter, type LeaseStatus } from '../leases/lifecycle.js';
import { sign } from '../leases/transitions.js';
import { isSignedByDocusign } from './connect-signature.js';

/** The part of a Connect (JSON, SIM) notification leasing reads. */
const connectNotification = Type.Object({
  event: Type.String(),
  data: Type.Object({
    envelopeId: Type.String({ minLength: 1 }),
    envelopeSummary: Type.Optional(
      Type.Object({
        status: Type.Optional(Type.String()),
        customFields: Type.Optional(
          Type.Object({
            textCustomFields: Type.Optional(
              Type.Array(Type.Object({ name: Type.String(), value: Type.String() })),
            ),
          }),
        ),
      }),
    ),
  }),
});
type ConnectNotification = Static<typeof connectNotification>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const field = (n: ConnectNotification, name: string) =>
  n.data.envelopeSummary?.customFields?.textCustomFields?.find((f) => f.name === name)?.value;

/** What became of a notification: applied, or acknowledged without effect (and why). */
export type ConnectOutcome = { applied: true } | { applied: false; reason: string };

/**
 * DocuSign Connect notifications: signature checked on the raw body (401 if not DocuSign's), each body
 * applied once (a redelivery is acknowledged, not re-applied), and only forward moves of the lease: a
 * late `envelope-sent` after `envelope-completed` changes nothing. Notifications about envelopes that
 * are not a lease's are acknowledged with 200 so DocuSign stops retrying them.
 */
export class ConnectService {
  constructor(
    private readonly db: LeasingDb,
    private readonly hmacKey: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async receive(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<ConnectOutcome> {
    if (!isSignedByDocusign(this.hmacKey, rawBody, headers))
      throw unauthorized('The notification is not signed with the Connect HMAC key.');
    let notification: unknown;
    try {
      notification = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw badRequest('The notification is not JSON.');
    }
    if (!Value.Check(connectNotification, notification))
      return { applied: false, reason: 'not-an-envelope-event' };
    const leaseId = field(notification, 'lease_id');
    const orgId = field(notification, 'organization_id');
    if (!leaseId || !orgId || !UUID.test(leaseId) || !UUID.test(orgId))
      return { applied: false, reason: 'not-a-lease-envelope' };
    return withOrgTransaction(this.db, orgId, async (tx) => {
      const [first] = await tx
        .insert(docusignConnectDeliveries)
        .values({
          bodySha256: createHash('sha256').update(rawBody).digest('hex'),
          envelopeId: notification.data.envelopeId,
          leaseId,
          event: notification.event,
        })
        .onConflictDoNothing()
        .returning();
      if (!first) return { applied: false, reason: 'duplicate' };
      const lease = await lockLease(tx, orgId, leaseId);
      if (!lease || lease.envelopeId !== notification.data.envelopeId)
        return { applied: false, reason: 'unknown-envelope' };
      const completed =
        notification.event === 'envelope-completed' ||
        notification.data.envelopeSummary?.status === 'completed';
      if (!completed || lease.status !== 'out_for_signature') return { applied: false, reason: 'no-change' };
      await sign({ tx, lease, to: statusAfter(lease.status as LeaseStatus, 'sign'), now: this.now() });
      return { applied: true };
    });
  }
}
