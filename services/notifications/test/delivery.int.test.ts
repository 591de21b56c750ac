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
  let invitee: { email: string; userId: string };
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
    invitee = { email, userId: accepted.json().user_id ?? '' };

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
