import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toMailpitMessages, type MailSendBody } from '../src/mail.js';

const base: MailSendBody = {
  personalizations: [{ to: [{ email: 'a@example.com', name: 'A' }] }],
  from: { email: 'from@example.com', name: 'From' },
  subject: 'Hello -name-',
  content: [
    { type: 'text/plain', value: 'Hi -name-' },
    { type: 'text/html', value: '<p>Hi -name-</p>' },
  ],
};

test('one mailpit message per personalization, with its own recipients, subject and substitutions', () => {
  const messages = toMailpitMessages({
    ...base,
    personalizations: [
      { to: [{ email: 'a@example.com', name: 'A' }], substitutions: { '-name-': 'Ann' } },
      {
        to: [{ email: 'b@example.com' }],
        cc: [{ email: 'c@example.com' }],
        bcc: [{ email: 'd@example.com' }],
        subject: 'Own subject',
        headers: { 'X-Lease': '42' },
      },
    ],
    categories: ['lease'],
    reply_to: { email: 'reply@example.com' },
  });
  assert.equal(messages.length, 2);
  assert.deepEqual(messages[0], {
    From: { Email: 'from@example.com', Name: 'From' },
    To: [{ Email: 'a@example.com', Name: 'A' }],
    ReplyTo: [{ Email: 'reply@example.com' }],
    Subject: 'Hello Ann',
    Text: 'Hi Ann',
    HTML: '<p>Hi Ann</p>',
    Tags: ['lease'],
  });
  assert.deepEqual(messages[1]?.Cc, [{ Email: 'c@example.com' }]);
  assert.deepEqual(messages[1]?.Bcc, ['d@example.com']);
  assert.equal(messages[1]?.Subject, 'Own subject');
  assert.deepEqual(messages[1]?.Headers, { 'X-Lease': '42' });
});

test('a dynamic template is named in a header and its data is the text body', () => {
  const [message] = toMailpitMessages({
    personalizations: [{ to: [{ email: 'a@example.com' }], dynamic_template_data: { rent: 1200 } }],
    from: { email: 'from@example.com' },
    template_id: 'd-0123456789abcdef',
  });
  assert.equal(message?.Headers?.['X-SendGrid-Template-Id'], 'd-0123456789abcdef');
  assert.deepEqual(JSON.parse(message?.Text ?? ''), { rent: 1200 });
});

test('attachments keep content, filename, type and content id', () => {
  const [message] = toMailpitMessages({
    ...base,
    attachments: [
      { content: 'JVBERi0=', filename: 'lease.pdf', type: 'application/pdf', content_id: 'lease' },
    ],
  });
  assert.deepEqual(message?.Attachments, [
    { Content: 'JVBERi0=', Filename: 'lease.pdf', ContentType: 'application/pdf', ContentID: 'lease' },
  ]);
});
