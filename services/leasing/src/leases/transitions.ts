import { isoDateToAvroDate } from '@portfolioos/schemas';
import { conflict, unprocessable } from '@portfolioos/service-kit';
import type { LeasingTx } from '../db/database.js';
import { refusingOverlap } from '../db/errors.js';
import { publish } from '../outbox.js';
import { insertDraft } from './drafting.js';
import { termEndDate } from './draft-rules.js';
import type { LeaseStatus } from './lifecycle.js';
import { addDays, localDate } from '@portfolioos/rent';
import { leaseTerms } from './mapping.js';
import { updateLease, type LeaseRow, type LeaseWithParties, type NewLease } from './repository.js';
import type { NoticeBody, RenewBody, SendBody, TerminateBody } from './schemas.js';
import type { ESignature, Signer } from '../esign/e-signature.js';
import { leaseTermsDocument } from '../esign/lease-document.js';

/** One transition of a locked lease: its current row, the status it moves to, and the clock. */
export interface Transition {
  tx: LeasingTx;
  lease: LeaseRow;
  to: LeaseStatus;
  now: Date;
}

/** The adult parties who sign: the primary tenant and co-tenants (occupants do not sign). */
function signersOf(lease: LeaseWithParties): Signer[] {
  const adults = lease.parties.filter((p) => p.role !== 'occupant');
  const missing = adults.filter((p) => !p.email);
  if (missing.length > 0)
    throw unprocessable(
      `Every signer needs an e-mail address for e-signature: ${missing.map((p) => p.fullName).join(', ')}.`,
      'signer-without-email',
    );
  return adults.map((p) => ({ tenantId: p.tenantId, name: p.fullName, email: p.email! }));
}

const head = (lease: { id: string; orgId: string }, now: Date) => ({
  lease_id: lease.id,
  organization_id: lease.orgId,
  occurred_at: now.getTime(),
});
const upperReason = (reason: TerminateBody['reason']) =>
  reason.toUpperCase() as Uppercase<TerminateBody['reason']>;
const place = (lease: LeaseRow) => ({ property_id: lease.propertyId, unit_id: lease.unitId });

/** Applies `changes` (a savepoint, so an overlap they cause is a 409 that leaves the transaction usable). */
const apply = ({ tx, lease, to }: Transition, changes: Partial<NewLease> = {}) =>
  refusingOverlap(() =>
    tx.transaction((sp) => updateLease(sp, lease.orgId, lease.id, { ...changes, status: to })),
  );

/**
 * Out for signature. By e-signature (the default) a DocuSign envelope goes to every adult party and
 * Connect reports the signing; on paper staff record it (POST .../sign). The envelope is created before
 * the change commits: if DocuSign refuses, nothing changes (a commit failing after it leaves an unused
 * envelope, which expires in DocuSign).
 */
export async function send(
  t: Transition,
  body: SendBody,
  current: LeaseWithParties,
  esign: ESignature,
): Promise<LeaseWithParties> {
  const method = body.signing_method ?? 'e_signature';
  let envelopeId: string | null = null;
  if (method === 'e_signature') {
    const signers = signersOf(current);
    ({ envelopeId } = await esign.sendEnvelope({
      leaseId: current.id,
      organizationId: current.orgId,
      subject: 'Please sign your lease',
      document: { name: 'lease.txt', fileExtension: 'txt', bytes: leaseTermsDocument(current, signers) },
      signers,
    }));
  }
  const lease = await apply(t, { signingMethod: method, envelopeId });
  await publish(t.tx, 'portfolioos.leasing.LeaseOutForSignature', lease.id, {
    ...head(lease, t.now),
    unit_id: lease.unitId,
    signing_method: method === 'paper' ? 'PAPER' : 'E_SIGNATURE',
    envelope_id: envelopeId,
    signer_emails: lease.parties.flatMap((p) => (p.role !== 'occupant' && p.email ? [p.email] : [])),
  });
  return lease;
}

export async function sign(t: Transition): Promise<LeaseWithParties> {
  const lease = await apply(t, { signedAt: t.now });
  await publish(t.tx, 'portfolioos.leasing.LeaseSigned', lease.id, {
    ...head(lease, t.now),
    application_id: null,
    renewal_of_lease_id: lease.renewalOfLeaseId,
    envelope_id: lease.envelopeId,
    terms: leaseTerms(lease),
  });
  return lease;
}

/** A signed lease starts once its start date has come in the property's time zone. */
export async function start(t: Transition): Promise<LeaseWithParties> {
  const today = localDate(t.now, t.lease.timeZone);
  if (today < t.lease.startDate)
    throw conflict(`The lease starts on ${t.lease.startDate}; it is ${today} there.`, 'not-started-yet');
  const lease = await apply(t);
  await publish(t.tx, 'portfolioos.leasing.LeaseStarted', lease.id, {
    ...head(lease, t.now),
    terms: leaseTerms(lease),
  });
  return lease;
}

export async function giveNotice(t: Transition, body: NoticeBody): Promise<LeaseWithParties> {
  if (body.end_date < body.notice_date || body.end_date < t.lease.startDate)
    throw unprocessable(
      'The notice would end the lease before it was given or before it began.',
      'invalid-notice',
    );
  const lease = await apply(t, {
    endDate: body.end_date,
    noticeDate: body.notice_date,
    noticeGivenBy: body.given_by,
  });
  await publish(t.tx, 'portfolioos.leasing.LeaseNoticeGiven', lease.id, {
    ...head(lease, t.now),
    ...place(lease),
    notice_date: isoDateToAvroDate(body.notice_date),
    end_date: isoDateToAvroDate(body.end_date),
    given_by: body.given_by === 'tenant' ? 'TENANT' : 'LANDLORD',
  });
  return lease;
}

/** A lease ends after its last day has passed in the property's time zone. */
export async function end(t: Transition): Promise<LeaseWithParties> {
  const today = localDate(t.now, t.lease.timeZone);
  if (t.lease.endDate === null || today <= t.lease.endDate)
    throw conflict(
      t.lease.endDate === null
        ? 'A month-to-month lease needs notice (an end date) before it can end.'
        : `The lease runs until ${t.lease.endDate}; it is ${today} there.`,
      'not-ended-yet',
    );
  const lease = await apply(t);
  await publish(t.tx, 'portfolioos.leasing.LeaseEnded', lease.id, {
    ...head(lease, t.now),
    ...place(lease),
    end_date: isoDateToAvroDate(t.lease.endDate),
  });
  return lease;
}

/** Early termination: the termination date becomes the last day (never later than the current end). */
export async function terminate(t: Transition, body: TerminateBody): Promise<LeaseWithParties> {
  const { startDate, endDate } = t.lease;
  if (body.termination_date < startDate || (endDate !== null && body.termination_date > endDate))
    throw unprocessable(
      `The termination date must be within the lease (${startDate} to ${endDate ?? 'open'}).`,
      'invalid-termination',
    );
  const lease = await apply(t, {
    endDate: body.termination_date,
    terminationReason: body.reason,
    statusNote: body.notes ?? null,
  });
  await publish(t.tx, 'portfolioos.leasing.LeaseTerminated', lease.id, {
    ...head(lease, t.now),
    ...place(lease),
    termination_date: isoDateToAvroDate(body.termination_date),
    reason: upperReason(body.reason),
    notes: body.notes ?? null,
  });
  return lease;
}

export async function cancel(t: Transition, reason: string | undefined): Promise<LeaseWithParties> {
  const lease = await apply(t, { statusNote: reason ?? null });
  await publish(t.tx, 'portfolioos.leasing.LeaseCancelled', lease.id, {
    ...head(lease, t.now),
    unit_id: lease.unitId,
    reason: reason ?? null,
  });
  return lease;
}

/**
 * Renewal: a new draft lease of the same unit and parties, from the day after this one ends (an
 * open-ended lease gets the day before the renewal as its last day), linked both ways.
 */
export async function renew(
  t: Transition,
  body: RenewBody,
  old: LeaseWithParties,
): Promise<LeaseWithParties> {
  if (old.renewedByLeaseId) throw conflict('This lease was already renewed.', 'already-renewed');
  const startDate = body.start_date ?? (old.endDate ? addDays(old.endDate, 1) : undefined);
  if (!startDate)
    throw unprocessable('Renewing an open-ended lease needs the start date of the new one.', 'invalid-term');
  if (startDate <= old.startDate)
    throw unprocessable('The renewal must start after the lease it renews.', 'invalid-term');
  if (old.endDate === null) await apply(t, { endDate: addDays(startDate, -1) });
  const { id: _id, createdAt: _c, updatedAt: _u, parties, ...terms } = old;
  const renewal = await insertDraft(
    t.tx,
    {
      ...terms,
      startDate,
      endDate: termEndDate(body.term_kind, startDate, body.end_date),
      moveInDate: null,
      rentMinor: body.rent_minor ?? old.rentMinor,
      renewalOfLeaseId: old.id,
      renewedByLeaseId: null,
      noticeDate: null,
      noticeGivenBy: null,
      terminationReason: null,
      statusNote: null,
      signedAt: null,
    },
    parties.map(({ tenantId, role }) => ({ tenantId, role })),
  );
  const renewed = await apply(t, { renewedByLeaseId: renewal.id });
  await publish(t.tx, 'portfolioos.leasing.LeaseRenewed', renewed.id, {
    ...head(renewed, t.now),
    renewal_lease_id: renewal.id,
    terms: leaseTerms(renewal),
  });
  return renewal;
}
