import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventSubscriptions } from '../src/events.js';
import { ROUTING_TABLE } from '../src/routing/routing-table.js';
import { WIRED_ROUTES } from '../src/routing/wired-routes.js';
import { render, resolveLocale } from '../src/templates/catalog.js';
import { fitSms, fitsOneSegment, gsm7Length } from '../src/templates/gsm7.js';
import { TEMPLATE_KEYS, type RenderContext, type TemplateData } from '../src/templates/template-data.js';

const samples: TemplateData = {
  'invitation.created': {
    invitationId: crypto.randomUUID(),
    role: 'tenant',
    inviterName: 'Olive Owner',
    message: '<b>Welcome</b> & see you',
    expiresAt: Date.UTC(2026, 11, 9),
  },
  'lease.out-for-signature': { leaseId: crypto.randomUUID(), electronic: true },
  'lease.signed': { leaseId: crypto.randomUUID(), startDate: '2027-01-01', forStaff: false },
};
const context = (orgName: string): RenderContext => ({
  orgName,
  recipientName: 'Tess',
  appUrl: (path) => new URL(path, 'https://app.example').toString(),
  acceptUrl: 'https://app.example/accept-invitation?token=inv_x&y=1',
});

describe('templates', () => {
  for (const key of TEMPLATE_KEYS) {
    test(`${key}: the organization's name in subject and bodies; SMS one GSM-7 segment, even for a long name`, () => {
      const message = render(key, 'en', samples[key], context('Maple Street Rentals'));
      assert.match(message.subject, /Maple Street Rentals/);
      assert.match(message.text, /Maple Street Rentals/);
      assert.match(message.html, /Maple Street Rentals/);
      assert.ok(gsm7Length(message.sms)! <= 160, message.sms);
      const long = render(
        key,
        'en',
        samples[key],
        context(
          'The Very Long Name Property Management Company of Greater Springfield and Shelbyville, Limited Liability Partnership',
        ),
      );
      assert.ok(fitsOneSegment(long.sms) && gsm7Length(long.sms) !== undefined, long.sms);
      assert.match(long.sms, /^The Very Long Name/);
    });
  }

  test('HTML escapes what comes from people (a note, a link with &), the text part keeps it as written', () => {
    const message = render(
      'invitation.created',
      'en',
      samples['invitation.created'],
      context('A & B <Homes>'),
    );
    assert.ok(message.html.includes('&lt;b&gt;Welcome&lt;/b&gt; &amp; see you'));
    assert.ok(message.html.includes('href="https://app.example/accept-invitation?token=inv_x&amp;y=1"'));
    assert.ok(!message.html.includes('<Homes>'));
    assert.ok(
      message.text.includes('Accept the invitation: https://app.example/accept-invitation?token=inv_x&y=1'),
    );
  });

  test('locales: a known one or its language, else English', () => {
    assert.equal(resolveLocale('en-GB'), 'en');
    assert.equal(resolveLocale('fr-CA'), 'en');
    assert.equal(resolveLocale(null), 'en');
  });

  test('SMS: a name outside GSM-7 is shortened to fit one UCS-2 segment (70)', () => {
    const sms = fitSms(
      (org) => `${org}: your lease is ready to sign.`,
      'Żółć Nieruchomości Spółka z ograniczoną odpowiedzialnością',
    );
    assert.equal(gsm7Length(sms), undefined);
    assert.ok([...sms].length <= 70, sms);
  });
});

describe('the routing table', () => {
  test('its wired lines are exactly WIRED_ROUTES, and every wired event is subscribed in events.ts', () => {
    const wired = ROUTING_TABLE.filter((line) => line.wired);
    const fromRoutes = Object.entries(WIRED_ROUTES).flatMap(([event, audiences]) =>
      (audiences ?? []).map(
        (a) => `${event} ${a.template} ${a.category} ${[...a.channels].sort().join(',')}`,
      ),
    );
    assert.deepEqual(
      wired.map((l) => `${l.event} ${l.template} ${l.category} ${[...l.channels].sort().join(',')}`).sort(),
      fromRoutes.sort(),
    );
    const subscribed = Object.keys(eventSubscriptions({ publicBaseUrl: 'http://x', maxEventAgeMs: 1 }));
    for (const event of Object.keys(WIRED_ROUTES)) assert.ok(subscribed.includes(event), event);
  });
});
