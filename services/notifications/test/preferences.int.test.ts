import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import twilio from 'twilio';
import type { ServiceApp } from '@portfolioos/service-kit';
import { UnsubscribeTokens } from '../src/preferences/unsubscribe-token.js';
import {
  createNotificationsHarness,
  TEST_UNSUBSCRIBE_SECRET,
  type NotificationsHarness,
} from './support/harness.js';

describe('/v1/preferences, one-click unsubscribe and SMS STOP', () => {
  let h: NotificationsHarness;
  let app: ServiceApp;
  const orgId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  let auth: { authorization: string };
  const tokens = new UnsubscribeTokens(TEST_UNSUBSCRIBE_SECRET, 30);

  before(async () => {
    h = await createNotificationsHarness();
    app = await h.app({ after: () => undefined });
    auth = {
      authorization: `Bearer ${await h.signer.userToken({ orgId: orgId, userId: userId, roles: ['tenant'] })}`,
    };
  });
  after(async () => {
    await app.close();
    await h.close();
  });

  const prefs = () => app.inject({ method: 'GET', url: '/v1/preferences', headers: auth });
  const patch = (payload: object) =>
    app.inject({ method: 'PATCH', url: '/v1/preferences', headers: auth, payload });
  const unsubscribe = (token: string) =>
    app.inject({ method: 'POST', url: '/v1/preferences/unsubscribe', payload: { token } });

  test('everything is on until switched off; quiet hours in a zone; security and legal cannot be switched off', async () => {
    const initial = (await prefs()).json();
    assert.deepEqual(initial.categories.payments, { email: true, sms: true, in_app: true });
    assert.equal(initial.quiet_hours, null);
    const changed = await patch({
      categories: { marketing: { email: false, sms: false } },
      quiet_hours: { start: '22:00', end: '07:00', time_zone: 'America/Chicago' },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json().categories.marketing, { email: false, sms: false, in_app: true });
    assert.deepEqual(changed.json().quiet_hours, {
      start: '22:00',
      end: '07:00',
      time_zone: 'America/Chicago',
    });
    assert.deepEqual((await prefs()).json(), changed.json());

    for (const category of ['security', 'legal']) {
      const refused = await patch({ categories: { [category]: { email: false } } });
      assert.equal(refused.statusCode, 400, `${category}: ${refused.body}`);
    }
    assert.equal(
      (await patch({ quiet_hours: { start: '25:00', end: '07:00', time_zone: null } })).statusCode,
      400,
    );
    const zone = await patch({
      quiet_hours: { start: '22:00', end: '07:00', time_zone: 'Mars/Olympus_Mons' },
    });
    assert.equal(zone.statusCode, 422, zone.body);
    assert.deepEqual((await prefs()).json(), changed.json(), 'refused changes changed nothing');
    assert.equal((await app.inject({ method: 'GET', url: '/v1/preferences' })).statusCode, 401);
  });

  test('an unsubscribe link works once without login; forged, expired or foreign tokens are refused', async () => {
    const token = await tokens.sign({ orgId, userId, category: 'payments', channel: 'email' });
    const used = await unsubscribe(token);
    assert.equal(used.statusCode, 200, used.body);
    assert.deepEqual(used.json(), { category: 'payments', channel: 'email' });
    assert.equal((await prefs()).json().categories.payments.email, false);
    assert.equal((await unsubscribe(token)).statusCode, 409, 'reused');

    const forged = await new UnsubscribeTokens('x'.repeat(44), 30).sign({
      orgId,
      userId,
      category: 'leasing',
      channel: 'email',
    });
    const key = new TextEncoder().encode(TEST_UNSUBSCRIBE_SECRET);
    const expired = await new SignJWT({ org: orgId, cat: 'leasing', ch: 'email' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setJti(crypto.randomUUID())
      .setAudience('portfolioos-unsubscribe')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const security = await new SignJWT({ org: orgId, cat: 'security', ch: 'email' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setJti(crypto.randomUUID())
      .setAudience('portfolioos-unsubscribe')
      .setExpirationTime('1h')
      .sign(key);
    for (const [label, bad] of [
      ['forged', forged],
      ['expired', expired],
      ['security', security],
      ['junk', 'junk'],
    ])
      assert.equal((await unsubscribe(bad!)).statusCode, 401, label);
    assert.equal((await prefs()).json().categories.leasing.email, true, 'nothing changed');
  });

  test("Twilio's inbound STOP (signature checked with the twilio SDK) opts the number out; START back in", async () => {
    const url = `${h.config.PUBLIC_BASE_URL}/v1/notifications/sms/inbound`;
    const phone = `+1512555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const inbound = (body: string, signature?: string) => {
      const params = { From: phone, To: '+15005550006', Body: body, MessageSid: `SM${'a'.repeat(32)}` };
      const signed = signature ?? twilio.getExpectedTwilioSignature(h.config.TWILIO_AUTH_TOKEN, url, params);
      return app.inject({
        method: 'POST',
        url: '/v1/notifications/sms/inbound',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signed },
        payload: new URLSearchParams(params).toString(),
      });
    };
    const optedOut = async () =>
      (await h.admin.query('select 1 from sms_opt_outs where phone = $1', [phone])).rows.length === 1;
    assert.equal((await inbound('STOP', 'forged-signature')).statusCode, 401);
    assert.equal(await optedOut(), false);
    const stop = await inbound(' stop ');
    assert.equal(stop.statusCode, 200, stop.body);
    assert.match(stop.body, /<Response><\/Response>/);
    assert.equal(await optedOut(), true);
    assert.equal((await inbound('START')).statusCode, 200);
    assert.equal(await optedOut(), false);
  });
});
