import { Type } from '@sinclair/typebox';
import twilio from 'twilio';
import { problemSchema, unauthorized, type ServicePlugin } from '@portfolioos/service-kit';
import type { NotificationsDb } from '../db/database.js';
import { applySmsReply } from './opt-out.js';

const FORM = 'application/x-www-form-urlencoded';

/**
 * POST /v1/notifications/sms/inbound: Twilio's inbound-message webhook (form-encoded). Its
 * X-Twilio-Signature is checked with the twilio SDK against the public URL Twilio was given; then STOP
 * opts the sender out (START back in). Answers empty TwiML: Twilio itself sends the carrier's reply.
 */
export function smsReplyRoutes(
  db: NotificationsDb,
  settings: { authToken: string; webhookUrl: string },
): ServicePlugin {
  return async (app) => {
    app.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    app.post(
      '/sms/inbound',
      {
        config: { auth: { public: true } },
        schema: {
          tags: ['webhooks'],
          summary: "Twilio's inbound SMS webhook (X-Twilio-Signature); STOP/START",
          consumes: [FORM],
          headers: Type.Object({ 'x-twilio-signature': Type.Optional(Type.String()) }),
          body: Type.Object(
            { From: Type.String({ minLength: 1, maxLength: 32 }), Body: Type.String({ maxLength: 1600 }) },
            { additionalProperties: Type.String() },
          ),
          response: { 200: Type.String(), 400: problemSchema, 401: problemSchema },
        },
      },
      async (request, reply) => {
        const signature = request.headers['x-twilio-signature'] ?? '';
        const params = request.body as Record<string, string>;
        if (!twilio.validateRequest(settings.authToken, signature, settings.webhookUrl, params))
          throw unauthorized('The X-Twilio-Signature does not match.');
        await applySmsReply(db, params.From!, params.Body ?? '');
        return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      },
    );
  };
}
