import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { authorizationRequired, errorBody } from './errors.js';
import { deliverToMailpit, mailpitReady, toMailpitMessages, type MailSendBody } from './mail.js';
import type { MailSendValidator } from './validation.js';

export interface StandinOptions {
  validator: MailSendValidator;
  mailpitUrl: string;
  /** Fastify's logger option: pino options, or false for none (tests). */
  logger: FastifyServerOptions['logger'];
}

/**
 * POST /v3/mail/send as SendGrid answers it: 401 without a bearer key, 400 with SendGrid's error body when the
 * request breaks SendGrid's own OpenAPI contract, else 202 after each personalization is in mailpit
 * (sandbox mode: 200, validated and not delivered, as SendGrid does).
 */
export async function buildStandin(options: StandinOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger });
  // Parse JSON ourselves so a malformed body gets SendGrid's error shape, not Fastify's.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 30 * 1024 * 1024 }, (_request, body, done) =>
    done(null, body),
  );

  // Up even while mailpit is down (requests are still validated); the status line shows mailpit's state.
  app.get('/healthz', { logLevel: 'silent' }, async () => ({
    service: 'sendgrid-standin',
    status: 'ok',
    mailpit: (await mailpitReady(options.mailpitUrl)) ? 'up' : 'down',
  }));

  app.post('/v3/mail/send', async (request, reply) => {
    if (!/^Bearer \S+/.test(request.headers.authorization ?? ''))
      return reply.code(401).send(authorizationRequired);
    let body: unknown;
    try {
      body = JSON.parse(typeof request.body === 'string' ? request.body : '');
    } catch {
      return reply.code(400).send(errorBody({ message: 'Bad Request', field: null, help: null }));
    }
    const errors = options.validator.validate(body);
    if (errors.length) return reply.code(400).send(errorBody(...errors));

    const mail = body as MailSendBody;
    if (mail.mail_settings?.sandbox_mode?.enable) return reply.code(200).send();
    const ids: string[] = [];
    for (const message of toMailpitMessages(mail))
      ids.push(await deliverToMailpit(options.mailpitUrl, message));
    request.log.info({ mailpitIds: ids }, 'mail delivered to mailpit');
    return reply.code(202).header('x-message-id', ids[0]).send();
  });

  app.setNotFoundHandler((_request, reply) =>
    reply
      .code(404)
      .send(
        errorBody({ message: 'not found: this stand-in serves POST /v3/mail/send', field: null, help: null }),
      ),
  );
  app.setErrorHandler((error, request, reply) => {
    request.log.error({ err: error }, 'mail/send failed');
    const message = error instanceof Error ? error.message : String(error);
    return reply.code(500).send(errorBody({ message, field: null, help: null }));
  });
  return app;
}
