import twilio from 'twilio';
import { isUnreachable, kindOfStatus, ProviderError } from './provider-error.js';

/** The SMS port: Twilio in production, Prism on Twilio's OpenAPI document locally. */
export interface SmsProvider {
  send(sms: { to: string; body: string }): Promise<{ providerMessageId: string | null }>;
}

export interface TwilioSettings {
  /** https://api.twilio.com in production; another base (a stand-in) is rewritten to by the client. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  fromNumber: string;
  timeoutMs?: number;
}

const TWILIO_API = 'https://api.twilio.com';

/** Sends every request of the SDK to `baseUrl` instead of api.twilio.com (a stand-in). */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeout: number,
  ) {
    super({ timeout });
  }

  override request<TData>(options: Parameters<twilio.RequestClient['request']>[0] & { data?: TData }) {
    return super.request<TData>({ ...options, uri: options.uri.replace(TWILIO_API, this.baseUrl) });
  }
}

/** The twilio SDK's messages.create. */
export function twilioSmsProvider(settings: TwilioSettings): SmsProvider {
  const timeout = settings.timeoutMs ?? 10_000;
  const client = twilio(settings.accountSid, settings.authToken, {
    ...(settings.baseUrl.replace(/\/$/, '') === TWILIO_API
      ? {}
      : { httpClient: new RebasedRequestClient(settings.baseUrl.replace(/\/$/, ''), timeout) }),
  });
  return {
    async send(sms) {
      try {
        const message = await client.messages.create({
          to: sms.to,
          from: settings.fromNumber,
          body: sms.body,
        });
        return { providerMessageId: message.sid };
      } catch (error) {
        if (error instanceof twilio.RestException)
          throw new ProviderError(
            kindOfStatus(error.status),
            `Twilio answered ${error.status}: ${error.message}`,
            String(error.code ?? error.status),
          );
        throw new ProviderError(isUnreachable(error) ? 'unreachable' : 'retryable', String(error));
      }
    },
  };
}
