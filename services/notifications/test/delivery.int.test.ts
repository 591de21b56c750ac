import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, newEmail, PASSWORD, signUp, type SignedUp } from '@portfolioos/identity/testing';
import { countMessagesTo, awaitMessageTo } from './support/mailpit.js';
import { eventually } from './support/eventually.js';
import { createPipeline, type Pipeline } from './support/pipeline.js';

interface Row {
  id: string;
  channel: string;
  status: string;
  recipient_user_id: string | null;
  address: string | null;
  provider_message_id: string | null;
  template: string;
}

describe('events → e-mail, SMS and in-app notifications on the real stack', () => {
  let p: Pipeline;
  let owner: SignedUp;
  let invitee: { email: string; userId: string; token: string };
  const orgName = `Maple Street Rentals ${crypto.randomUUID().slice(0, 6)}`;

  before(async () => {
    p = await createPipeline();
    owner = await signUp(p.identityApp, orgName);
  });
  after(() => p.close());

  const rowsFor = async (causeEventId: string) =>
    (
      await p.h.admin.query<Row>(
        `select id, channel, status, recipient_user_id, address, provider_message_id, template
         from notifications where cause_event_id = $1 order by channel, address`,
        [causeEventId],
      )
    ).rows;
  const queueEmpty = () =>
    eventually(async () => {
      const { rows } = await p.h.admin.query('select 1 from delivery_queue');
      return rows.length === 0 ? true : undefined;
    }, 'an empty delivery queue');

  test('identity invites someone: mailpit gets the e-mail, and its link accepts the invitation at identity', async () => {
    const email = newEmail('invitee');
    const invited = await p.identityApp.inject({
      method: 'POST',
      url: `/v1/orgs/${owner.orgId}/invitations`,
      headers: bearer(owner.tokens.access_token),
      payload: { email, role: 'tenant', message: 'Welcome to the building!' },
    });
    assert.equal(invited.statusCode, 201, invited.body);
    await p.forwardIdentityEvents();

    const message = await awaitMessageTo(email);
    assert.equal(message.Subject, `Olive Owner invited you to ${orgName} on PortfolioOS`);
    assert.equal(message.From.Name, `${orgName} via PortfolioOS`);
    assert.match(message.Text, /Welcome to the building!/);
    const link = /Accept the invitation: (\S+)/.exec(message.Text)?.[1];
    assert.ok(link, message.Text);
    const url = new URL(link);
    assert.equal(`${url.origin}${url.pathname}`, `${p.identity.config.PUBLIC_BASE_URL}/accept-invitation`);
    assert.ok(message.HTML.includes(link.replaceAll('&', '&amp;')), 'the HTML carries the same link');

    const accepted = await p.identityApp.inject({
      method: 'POST',
      url: '/v1/auth/invitations/accept',
      payload: { token: url.searchParams.get('token'), password: PASSWORD, display_name: 'Tess Tenant' },
    });
    assert.ok([200, 201].includes(accepted.statusCode), accepted.body);
    await p.forwardIdentityEvents();
    const person = await eventually(async () => {
      const { rows } = await p.h.admin.query<{ user_id: string }>(
        'select user_id from people where email = $1',
        [email],
      );
      return rows[0];
    }, 'the invitee in the directory');
    invitee = { email, userId: person.user_id, token: accepted.json().access_token };

    const [row] = await rowsFor(await invitationEventId(p, invited.json().id));
    assert.equal(row?.status, 'sent');
    assert.equal(row?.provider_message_id, message.ID);
    const attempts = await p.h.admin.query(
      'select outcome, provider_message_id from delivery_attempts where notification_id = $1',
      [row.id],
    );
    assert.deepEqual(attempts.rows, [{ outcome: 'sent', provider_message_id: message.ID }]);
  });

  test('a redelivered invitation event sends nothing more', async () => {
    const invitations = await identityOutbox(p, 'portfolioos.identity.InvitationCreated');
    const first = invitations[0]!;
    await p.send(
      'portfolioos.identity.InvitationCreated',
      first.key,
      owner.orgId,
      first.payload as never,
      first.event_id,
    );
    await p.awaitConsumed('identity.invitation');
    await queueEmpty();
    assert.equal(await countMessagesTo(invitee.email), 1);
    assert.equal((await rowsFor(first.event_id)).length, 1);
  });

  test('a lease out for signature: e-mail to each signer, SMS through Prism with the twilio SDK, in-app for members', async () => {
    const occurred_at = Date.now();
    await p.send('portfolioos.identity.UserProfileUpdated', invitee.userId, owner.orgId, {
      user_id: invitee.userId,
      organization_id: owner.orgId,
      occurred_at,
      email: invitee.email,
      display_name: 'Tess Tenant',
      phone: '+15005550006',
      locale: 'en-US',
    });
    const outsider = newEmail('cosigner');
    const leaseId = crypto.randomUUID();
    const eventId = await p.send('portfolioos.leasing.LeaseOutForSignature', leaseId, owner.orgId, {
      lease_id: leaseId,
      organization_id: owner.orgId,
      occurred_at,
      unit_id: crypto.randomUUID(),
      signing_method: 'E_SIGNATURE',
      envelope_id: 'env-1',
      signer_emails: [invitee.email, outsider],
    });
    await p.awaitConsumed('leasing.lease');
    await queueEmpty();
    const rows = await rowsFor(eventId);
    assert.deepEqual(
      rows.map((r) => [r.channel, r.address, r.recipient_user_id, r.status]),
      [
        ['email', outsider, null, 'sent'],
        ['email', invitee.email, invitee.userId, 'sent'],
        ['in_app', null, invitee.userId, 'sent'],
        ['sms', '+15005550006', invitee.userId, 'sent'],
      ],
    );
    assert.match(rows.find((r) => r.channel === 'sms')?.provider_message_id ?? '', /^(SM|MM)[0-9a-f]{32}$/);
    const mail = await awaitMessageTo(outsider);
    assert.equal(mail.Subject, `${orgName}: your lease is ready to sign`);
    assert.match(mail.Text, new RegExp(`/leases/${leaseId}`));
    // realtime's feed: one NotificationRequested per notification, the in-app one naming its user.
    const requested = await p.h.admin.query<{
      payload: { channels: string[]; recipient_user_id: string | null };
    }>(
      `select payload from outbox where event_type = 'portfolioos.notifications.NotificationRequested'
       and payload->>'cause_event_id' = $1`,
      [eventId],
    );
    assert.equal(requested.rows.length, 4);
    const inApp = requested.rows.find((r) => r.payload.channels[0] === 'IN_APP');
    assert.equal(inApp?.payload.recipient_user_id, invitee.userId);
  });

  test('a provider outage delays e-mail, never loses it: delivered once the SendGrid stand-in is reachable again', async () => {
    await p.sendgridProxy.cut();
    const email = newEmail('outage');
    const invited = await p.identityApp.inject({
      method: 'POST',
      url: `/v1/orgs/${owner.orgId}/invitations`,
      headers: bearer(owner.tokens.access_token),
      payload: { email, role: 'vendor' },
    });
    assert.equal(invited.statusCode, 201, invited.body);
    await p.forwardIdentityEvents();
    const eventId = await invitationEventId(p, invited.json().id);
    const unreachable = await eventually(async () => {
      const { rows } = await p.h.admin.query(
        `select a.outcome from delivery_attempts a join notifications n on n.id = a.notification_id
         where n.cause_event_id = $1 and a.outcome = 'unreachable'`,
        [eventId],
      );
      return rows.length >= 3 ? rows.length : undefined;
    }, 'three unreachable attempts');
    assert.ok(unreachable >= 3);
    assert.equal((await rowsFor(eventId))[0]?.status, 'pending', 'an outage never fails a notification');
    await p.sendgridProxy.open();
    const mail = await awaitMessageTo(email);
    assert.match(mail.Subject, /invited you/);
    await queueEmpty();
    assert.equal((await rowsFor(eventId))[0]?.status, 'sent');
  });

  test('an address the provider refuses (SendGrid 400) fails that notification once, with NotificationFailed; the event itself was applied', async () => {
    const leaseId = crypto.randomUUID();
    const eventId = await p.send('portfolioos.leasing.LeaseOutForSignature', leaseId, owner.orgId, {
      lease_id: leaseId,
      organization_id: owner.orgId,
      occurred_at: Date.now(),
      unit_id: crypto.randomUUID(),
      signing_method: 'PAPER',
      envelope_id: null,
      signer_emails: ['not-an-address'],
    });
    await p.awaitConsumed('leasing.lease');
    await queueEmpty();
    const [row] = await rowsFor(eventId);
    assert.equal(row?.status, 'failed');
    const attempts = await p.h.admin.query(
      'select outcome, error_code from delivery_attempts where notification_id = $1',
      [row.id],
    );
    assert.deepEqual(attempts.rows, [{ outcome: 'failed', error_code: '400' }]);
    const failed = await p.h.admin.query<{ payload: { permanent: boolean } }>(
      `select payload from outbox where event_type = 'portfolioos.notifications.NotificationFailed' and key = $1`,
      [row.id],
    );
    assert.equal(failed.rows[0]?.payload.permanent, true);
    assert.equal(
      (await p.h.admin.query(`select 1 from inbox where event_id = $1`, [eventId])).rows.length,
      1,
    );
  });

  const leaseSigned = (leaseId: string) =>
    p.send('portfolioos.leasing.LeaseSigned', leaseId, owner.orgId, {
      lease_id: leaseId,
      organization_id: owner.orgId,
      occurred_at: Date.now(),
      application_id: null,
      renewal_of_lease_id: null,
      envelope_id: null,
      terms: leaseTerms(invitee),
    } as never);
  const api = (method: 'GET' | 'PATCH' | 'POST', url: string, token: string, payload?: object) =>
    p.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  test("preferences: staff's switchable lease e-mail carries a working one-click unsubscribe; the party's legal one cannot be switched off", async () => {
    const first = await leaseSigned(crypto.randomUUID());
    await p.awaitConsumed('leasing.lease');
    await queueEmpty();
    const ownerMail = await eventually(async () => {
      const { rows } = await p.h.admin.query<{ provider_message_id: string }>(
        `select provider_message_id from notifications where cause_event_id = $1 and address = $2`,
        [first, owner.email],
      );
      return rows[0]?.provider_message_id;
    }, "the owner's e-mail");
    const message = (await (await fetch(`http://127.0.0.1:8025/api/v1/message/${ownerMail}`)).json()) as {
      Text: string;
    };
    const link = /Unsubscribe from these e-mails: (\S+)/.exec(message.Text)?.[1];
    assert.ok(link, message.Text);
    const token = new URL(link).searchParams.get('token')!;
    const used = await p.app.inject({
      method: 'POST',
      url: '/v1/preferences/unsubscribe',
      payload: { token },
    });
    assert.equal(used.statusCode, 200, used.body);
    assert.equal(
      (await p.app.inject({ method: 'POST', url: '/v1/preferences/unsubscribe', payload: { token } }))
        .statusCode,
      409,
    );
    // The party tries to switch off legal mail: not possible.
    assert.equal(
      (await api('PATCH', '/v1/preferences', invitee.token, { categories: { legal: { email: false } } }))
        .statusCode,
      400,
    );

    const second = await leaseSigned(crypto.randomUUID());
    await p.awaitConsumed('leasing.lease');
    await queueEmpty();
    const rows = await rowsFor(second);
    const status = (address: string | null, channel: string, userId: string) =>
      rows.find(
        (r) =>
          r.channel === channel &&
          r.recipient_user_id === userId &&
          (address === null || r.address === address),
      )?.status;
    assert.equal(status(owner.email, 'email', owner.userId), 'suppressed');
    assert.equal(status(null, 'in_app', owner.userId), 'sent');
    assert.equal(status(invitee.email, 'email', invitee.userId), 'sent');
  });

  test("quiet hours delay an SMS to their end in the user's zone (never drop it); STOP silences SMS", async () => {
    const zone = 'Asia/Tokyo';
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const hhmm = (offsetMinutes: number) => local.format(new Date(Date.now() + offsetMinutes * 60_000));
    const set = await api('PATCH', '/v1/preferences', invitee.token, {
      quiet_hours: { start: hhmm(-60), end: hhmm(120), time_zone: zone },
    });
    assert.equal(set.statusCode, 200, set.body);
    const leaseId = crypto.randomUUID();
    const eventId = await p.send('portfolioos.leasing.LeaseOutForSignature', leaseId, owner.orgId, {
      lease_id: leaseId,
      organization_id: owner.orgId,
      occurred_at: Date.now(),
      unit_id: crypto.randomUUID(),
      signing_method: 'PAPER',
      envelope_id: null,
      signer_emails: [invitee.email],
    });
    await p.awaitConsumed('leasing.lease');
    const sms = (await rowsFor(eventId)).find((r) => r.channel === 'sms')!;
    assert.equal(sms.status, 'pending');
    const { rows } = await p.h.admin.query<{ minutes: number }>(
      `select extract(epoch from due_at - now()) / 60 as minutes from delivery_queue where notification_id = $1`,
      [sms.id],
    );
    assert.ok(rows[0]!.minutes > 115 && rows[0]!.minutes <= 120, `due in ${rows[0]?.minutes} min`);
    // Time passes: the window ends and the SMS goes.
    await p.h.admin.query(`update delivery_queue set due_at = now() where notification_id = $1`, [sms.id]);
    await queueEmpty();
    assert.equal((await rowsFor(eventId)).find((r) => r.channel === 'sms')?.status, 'sent');

    await p.h.admin.query(`insert into sms_opt_outs (phone, opted_out_at) values ('+15005550006', now())`);
    const again = crypto.randomUUID();
    const stopped = await p.send('portfolioos.leasing.LeaseOutForSignature', again, owner.orgId, {
      lease_id: again,
      organization_id: owner.orgId,
      occurred_at: Date.now(),
      unit_id: crypto.randomUUID(),
      signing_method: 'PAPER',
      envelope_id: null,
      signer_emails: [invitee.email],
    });
    await p.awaitConsumed('leasing.lease');
    const after = await rowsFor(stopped);
    assert.equal(
      after.find((r) => r.channel === 'sms')?.status,
      'suppressed',
      'STOP holds even for legal messages',
    );
    assert.equal(after.find((r) => r.channel === 'email')?.status !== 'suppressed', true);
  });
});

async function identityOutbox(p: Pipeline, type: string) {
  const pool = p.identity.admin;
  const { rows } = await pool.query<{ event_id: string; key: string; payload: unknown }>(
    'select event_id, key, payload from outbox where event_type = $1 order by id',
    [type],
  );
  return rows;
}

async function invitationEventId(p: Pipeline, invitationId: string): Promise<string> {
  const rows = await identityOutbox(p, 'portfolioos.identity.InvitationCreated');
  const row = rows.find((r) => (r.payload as { invitation_id: string }).invitation_id === invitationId);
  assert.ok(row);
  return row.event_id;
}

/** Terms of a one-party lease (the invitee), as leasing's LeaseSigned carries them. */
function leaseTerms(party: { email: string; userId: string }) {
  return {
    property_id: crypto.randomUUID(),
    unit_id: crypto.randomUUID(),
    parties: [
      {
        tenant_id: crypto.randomUUID(),
        user_id: party.userId,
        role: 'PRIMARY_TENANT',
        full_name: 'Tess Tenant',
        email: party.email,
      },
    ],
    start_date: 20_820,
    end_date: null,
    currency: 'USD',
    rent_amount_minor: 150_000,
    rent_due_day: 1,
    rent_schedule: [],
    deposit_amount_minor: 0,
    recurring_charges: [],
    time_zone: null,
    move_in_date: null,
    first_month_proration: null,
    late_fee_policy: null,
  };
}
