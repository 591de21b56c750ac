// The stand-in in-process on SendGrid's real spec and the stack's real mailpit.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { stack } from '@portfolioos/testing';
import { buildStandin } from '../src/app.js';
import { loadMailSendValidator } from '../src/validation.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const specPath = join(
  process.env.PORTFOLIOOS_SHARED_DIR ?? join(repoRoot, '../shared'),
  'vendor-specs/sendgrid_v3.json',
);
let app: FastifyInstance;

before(async () => {
  app = await buildStandin({
    validator: await loadMailSendValidator(specPath),
    mailpitUrl: stack.mailpitUrl,
    logger: false,
  });
});
after(() => app?.close());

const send = (body: unknown, authorization = 'Bearer SG.test') =>
  app.inject({
    method: 'POST',
    url: '/v3/mail/send',
    headers: { authorization, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

const mail = (to: string) => ({
  personalizations: [{ to: [{ email: to }] }],
  from: { email: 'from@example.com' },
  subject: 'Hello',
  content: [{ type: 'text/plain', value: 'Hi' }],
});

async function mailpitCount(to: string): Promise<number> {
  const response = await fetch(`${stack.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`);
  return ((await response.json()) as { messages_count: number }).messages_count;
}

test('each violation of the spec is reported with its field, as SendGrid does', async () => {
  const response = await send({ personalizations: [{ cc: [{ email: 'x' }] }], from: {}, subject: '' });
  assert.equal(response.statusCode, 400);
  const fields = (response.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
  assert.deepEqual(fields, [
    'content',
    'from.email',
    'personalizations.0.cc.0.email',
    'personalizations.0.to',
    'subject',
  ]);
});

test('a body that is not JSON is a 400 in SendGrid shape', async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/v3/mail/send',
    headers: { authorization: 'Bearer SG.test', 'content-type': 'application/json' },
    payload: '{"personalizations":',
  });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(response.json(), { errors: [{ message: 'Bad Request', field: null, help: null }] });
});

test('sandbox mode validates and answers 200 without delivering', async () => {
  const to = `sandbox-${randomUUID()}@example.com`;
  const response = await send({ ...mail(to), mail_settings: { sandbox_mode: { enable: true } } });
  assert.equal(response.statusCode, 200);
  assert.equal(await mailpitCount(to), 0);
});

test('a valid mail is delivered to mailpit and answered 202 with its message id', async () => {
  const to = `valid-${randomUUID()}@example.com`;
  const response = await send(mail(to));
  assert.equal(response.statusCode, 202);
  assert.ok(response.headers['x-message-id']);
  assert.equal(await mailpitCount(to), 1);
});

test('a basic or missing Authorization header is 401', async () => {
  assert.equal((await send(mail('a@example.com'), 'Basic abc')).statusCode, 401);
});
