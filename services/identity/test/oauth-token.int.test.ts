import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { createApiKey, signUp } from './support/flows.js';

describe('POST /v1/oauth/token: client authentication and audit', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('a Basic header with a malformed escape is a failed client authentication, not a 500', async (t) => {
    const app = await h.app(t);
    const basic = Buffer.from('pk_abc:%E0%A4%A').toString('base64');
    const response = await app.inject({
      method: 'POST',
      url: '/v1/oauth/token',
      headers: { authorization: `Basic ${basic}` },
      payload: { grant_type: 'client_credentials' },
    });
    assert.equal(response.statusCode, 401, response.body);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(response.json().error, 'invalid_client');
  });

  test('every issued client token is in the organization audit log', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const { key, id, prefix } = await createApiKey(app, owner.tokens.access_token);
    const issued = await app.inject({
      method: 'POST',
      url: '/v1/oauth/token',
      payload: { grant_type: 'client_credentials', client_secret: key },
    });
    assert.equal(issued.statusCode, 200, issued.body);
    const { rows } = await h.admin.query(
      `select actor_kind, subject, details from audit_events where org_id = $1 and action = 'oauth.token_issued'`,
      [owner.orgId],
    );
    assert.deepEqual(rows, [
      { actor_kind: 'api_key', subject: id, details: { prefix, scope: 'leases:read' } },
    ]);
  });
});
