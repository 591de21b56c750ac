import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectSignature } from '../src/esign/connect-signature.js';
import { createLeasingHarness, bearer, type LeasingHarness } from './support/harness.js';
import { createTenant, leaseBody, post } from './support/flows.js';

describe('e-signature: DocuSign envelopes (SDK against Prism) and Connect notifications', () => {
  let h: LeasingHarness;
  before(async () => {
    h = await createLeasingHarness();
  });
  after(() => h.close());

  const notification = (leaseId: string, orgId: string, envelopeId: string, event: string) =>
    JSON.stringify({
      event,
      apiVersion: 'v2.1',
      generatedDateTime: new Date().toISOString(),
      data: {
        accountId: 'portfolioos-local',
        envelopeId,
        envelopeSummary: {
          status: event.replace('envelope-', ''),
          customFields: {
            textCustomFields: [
              { name: 'lease_id', value: leaseId },
              { name: 'organization_id', value: orgId },
            ],
          },
        },
      },
    });

  test('sending creates an envelope to the adult parties; Connect moves the lease to signed once', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId, ['manager']);
    const { unitId } = await h.seedUnit(orgId);
    const primary = await createTenant(app, token);
    const kid = await createTenant(app, token, { full_name: 'Kit Whitfield', email: null });
    const lease = (
      await post(app, token, '/v1/leases', leaseBody(unitId, primary, { occupant_ids: [kid] }))
    ).json();

    const sent = await post(app, token, `/v1/leases/${lease.id}/send`, {});
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().status, 'out_for_signature');
    const envelopeId: string = sent.json().signing.envelope_id;
    assert.equal(sent.json().signing.method, 'e_signature');
    assert.equal(typeof envelopeId, 'string');
    const { rows: out } = await h.admin.query(
      `select payload from outbox where key = $1 and event_type = 'portfolioos.leasing.LeaseOutForSignature'`,
      [lease.id],
    );
    assert.equal(out[0].payload.signing_method, 'E_SIGNATURE');
    assert.equal(out[0].payload.envelope_id, envelopeId);
    assert.equal(out[0].payload.signer_emails.length, 1, 'the occupant does not sign');

    const deliver = (
      body: string,
      signature = connectSignature(h.config.DOCUSIGN_CONNECT_HMAC_KEY, Buffer.from(body)),
    ) =>
      app.inject({
        method: 'POST',
        url: '/v1/leases/docusign-connect',
        headers: { 'content-type': 'application/json', 'x-docusign-signature-1': signature },
        payload: body,
      });
    const completed = notification(lease.id, orgId, envelopeId, 'envelope-completed');

    // Forged: another key, a changed body, no signature.
    const forged = await deliver(
      completed,
      connectSignature('not-the-connect-key-not-the-connect-key', Buffer.from(completed)),
    );
    assert.equal(forged.statusCode, 401, forged.body);
    const tampered = await deliver(
      completed.replace('envelope-completed', 'envelope-completed '),
      connectSignature(h.config.DOCUSIGN_CONNECT_HMAC_KEY, Buffer.from(completed)),
    );
    assert.equal(tampered.statusCode, 401);
    const unsigned = await app.inject({
      method: 'POST',
      url: '/v1/leases/docusign-connect',
      headers: { 'content-type': 'application/json' },
      payload: completed,
    });
    assert.equal(unsigned.statusCode, 401);
    const bodyless = await app.inject({ method: 'POST', url: '/v1/leases/docusign-connect' });
    assert.equal(bodyless.statusCode, 401, bodyless.body);
    const still = await app.inject({ method: 'GET', url: `/v1/leases/${lease.id}`, headers: bearer(token) });
    assert.equal(still.json().status, 'out_for_signature', 'nothing forged was applied');

    const applied = await deliver(completed);
    assert.equal(applied.statusCode, 200, applied.body);
    assert.deepEqual(applied.json(), { applied: true });
    const replayed = await deliver(completed);
    assert.deepEqual(replayed.json(), { applied: false, reason: 'duplicate' });
    // Out of order: "sent" arriving after "completed" moves nothing back.
    const late = await deliver(notification(lease.id, orgId, envelopeId, 'envelope-sent'));
    assert.deepEqual(late.json(), { applied: false, reason: 'no-change' });
    // Another lease's id with this envelope: not applied.
    const mismatched = await deliver(notification(lease.id, orgId, 'another-envelope', 'envelope-completed'));
    assert.deepEqual(mismatched.json(), { applied: false, reason: 'unknown-envelope' });

    const signed = await app.inject({ method: 'GET', url: `/v1/leases/${lease.id}`, headers: bearer(token) });
    assert.equal(signed.json().status, 'signed');
    assert.ok(signed.json().signing.signed_at);
    const { rows } = await h.admin.query(
      `select payload from outbox where key = $1 and event_type = 'portfolioos.leasing.LeaseSigned'`,
      [lease.id],
    );
    assert.equal(rows.length, 1, 'LeaseSigned once');
    assert.equal(rows[0].payload.envelope_id, envelopeId);
  });

  test('paper signing stays possible; a signer without e-mail cannot get an envelope (422)', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId, ['manager']);
    const { unitId } = await h.seedUnit(orgId);
    const noEmail = await createTenant(app, token, { email: null });
    const lease = (await post(app, token, '/v1/leases', leaseBody(unitId, noEmail))).json();
    const refused = await post(app, token, `/v1/leases/${lease.id}/send`, {});
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().type.endsWith('/signer-without-email'), true);
    const paper = await post(app, token, `/v1/leases/${lease.id}/send`, { signing_method: 'paper' });
    assert.equal(paper.statusCode, 200, paper.body);
    assert.deepEqual(paper.json().signing, { method: 'paper', envelope_id: null, signed_at: null });
    assert.equal((await post(app, token, `/v1/leases/${lease.id}/sign`)).json().status, 'signed');
  });
});
