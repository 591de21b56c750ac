import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { isUnreachable, kindOfStatus, ProviderError } from './provider-error.js';

/** One e-mail to one person. */
export interface OutgoingEmail {
  to: { email: string; name: string | null };
  fromName: string;
  subject: string;
  html: string;
  text: string;
  /** Provider-side tags (the template key), for the provider's own statistics. */
  category: string;
  /** RFC 8058 one-click unsubscribe (List-Unsubscribe + List-Unsubscribe-Post), when it applies. */
  unsubscribeUrl?: string;
}

/** The e-mail port: SendGrid in production, the SendGrid stand-in (→ mailpit) locally. */
export interface EmailProvider {
  send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }>;
}

export interface SendgridSettings {
  baseUrl: string;
  apiKey: string;
  fromEmail: string;
  timeoutMs?: number;
}

/** @sendgrid/mail on its own client (not the module singleton), pointed at `baseUrl`. */
export function sendgridEmailProvider(settings: SendgridSettings): EmailProvider {
  const client = new Client();
  client.setApiKey(settings.apiKey);
  client.setDefaultRequest('baseUrl', settings.baseUrl);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(settings.timeoutMs ?? 10_000);
  return {
    async send(email) {
      try {
        const [response] = await mail.send({
          to: { email: email.to.email, ...(email.to.name ? { name: email.to.name } : {}) },
          from: { email: settings.fromEmail, name: email.fromName },
          subject: email.subject,
          text: email.text,
          html: email.html,
          categories: [email.category],
          ...(email.unsubscribeUrl
            ? {
                headers: {
                  'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
                  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
                },
              }
            : {}),
        });
        const id = response.headers['x-message-id'];
        return { providerMessageId: typeof id === 'string' ? id : null };
      } catch (error) {
        throw asProviderError(error);
      }
    },
  };
}

function asProviderError(error: unknown): ProviderError {
  const status = (error as { code?: unknown }).code;
  if (typeof status === 'number') {
    const body = (error as { response?: { body?: { errors?: { message?: string }[] } } }).response?.body;
    const detail = body?.errors?.map((e) => e.message).join('; ') ?? String(error);
    return new ProviderError(kindOfStatus(status), `SendGrid answered ${status}: ${detail}`, String(status));
  }
  return new ProviderError(isUnreachable(error) ? 'unreachable' : 'retryable', String(error));
}
