// The twilio SDK as the services will use it, its RequestClient rewriting https://api.twilio.com to Prism
// (component prism-twilio, Twilio's own 2010-04-01 OpenAPI document).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import twilio from 'twilio';
import { stack } from '@portfolioos/testing';

/** What a service passes as `httpClient` when TWILIO_BASE_URL names a stand-in. */
class StandInRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<TData>(options: Parameters<twilio.RequestClient['request']>[0] & { data?: TData }) {
    return super.request<TData>({
      ...options,
      uri: options.uri.replace(/^https:\/\/api\.twilio\.com/, this.baseUrl),
    });
  }
}

const ACCOUNT_SID = `AC${'0'.repeat(32)}`;
const client = twilio(ACCOUNT_SID, 'local-stand-in-token', {
  httpClient: new StandInRequestClient(stack.twilioUrl),
});

test('messages.create sends an SMS through Prism and returns a Message', async () => {
  const message = await client.messages.create({
    to: '+15005550006',
    from: '+15005550001',
    body: 'Your maintenance visit is confirmed for 9:00.',
  });
  assert.match(message.sid, /^(SM|MM)[0-9a-f]{32}$/);
  assert.match(message.accountSid, /^AC[0-9a-f]{32}$/);
  assert.equal(typeof message.status, 'string');
  assert.ok(message.dateCreated instanceof Date && !Number.isNaN(message.dateCreated.getTime()));
});

test("a request that breaks Twilio's contract is refused (malformed Message SID)", async () => {
  const error = await client
    .messages('not-a-message-sid')
    .fetch()
    .then(() => assert.fail('Prism accepted a malformed SID'))
    .catch((e: unknown) => e);
  assert.ok(error instanceof twilio.RestException, String(error));
  assert.equal(error.status, 422);
});
