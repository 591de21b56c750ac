// @sendgrid/mail as the services will use it, pointed at the stand-in (component sendgrid-standin) through the
// client's baseUrl; delivered mail is read back from mailpit's API.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import sendgridClient from '@sendgrid/client';
import sgMail from '@sendgrid/mail';
import { stack } from '@portfolioos/testing';
import { awaitMessageTo, countMessagesTo } from './support/mailpit.js';

sendgridClient.setApiKey('SG.local-stand-in-key');
sendgridClient.setDefaultRequest('baseUrl', stack.sendgridUrl);
sgMail.setClient(sendgridClient);

const recipient = () => `tenant-${randomUUID()}@example.com`;

test('a mail sent with @sendgrid/mail is accepted (202) and lands in mailpit as sent', async () => {
  const to = recipient();
  const [response] = await sgMail.send({
    to: { email: to, name: 'Tess Tenant' },
    from: { email: 'leasing@portfolioos.example', name: 'PortfolioOS Leasing' },
    subject: 'Your lease is ready to sign',
    text: 'Open the link to sign your lease.',
    html: '<p>Open the link to sign your lease.</p>',
    categories: ['lease-ready'],
  });
  assert.equal(response.statusCode, 202);

  const message = await awaitMessageTo(to);
  assert.equal(response.headers['x-message-id'], message.ID);
  assert.equal(message.Subject, 'Your lease is ready to sign');
  assert.deepEqual(message.From, { Address: 'leasing@portfolioos.example', Name: 'PortfolioOS Leasing' });
  assert.deepEqual(message.To, [{ Address: to, Name: 'Tess Tenant' }]);
  assert.equal(message.Text.trim(), 'Open the link to sign your lease.');
  assert.equal(message.HTML.trim(), '<p>Open the link to sign your lease.</p>');
});

test("a field that breaks SendGrid's contract is refused with 400 and SendGrid's error body; nothing is sent", async () => {
  const to = recipient();
  const error = await sgMail
    .send({ to, from: { email: 'not-an-address' }, subject: 'x', text: 'x' })
    .then(() => assert.fail('the stand-in accepted an invalid from address'))
    .catch((e: unknown) => e as { code?: number; response?: { body?: unknown } });
  // @sendgrid/mail rejects with its ResponseError: the HTTP status in `code`, the parsed body in `response.body`.
  assert.equal(error.code, 400, String(error));
  const body = error.response?.body as { errors: { field: string; message: string; help: string }[] };
  assert.deepEqual(
    body.errors.map((e) => e.field),
    ['from.email'],
  );
  assert.match(body.errors[0]?.message ?? '', /email/);
  assert.equal(await countMessagesTo(to), 0);
});

test('a request without an API key is refused with 401 as SendGrid does', async () => {
  const response = await fetch(`${stack.sendgridUrl}/v3/mail/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      personalizations: [{ to: [{ email: recipient() }] }],
      from: { email: 'a@example.com' },
    }),
  });
  assert.equal(response.status, 401);
  assert.deepEqual(await response.json(), {
    errors: [{ message: 'authorization required', field: null, help: null }],
  });
});
