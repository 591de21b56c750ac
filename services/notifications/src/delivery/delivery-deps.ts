import type { Config } from '../config.js';
import type { NotificationsDb } from '../db/database.js';
import { sendgridEmailProvider } from '../providers/email-provider.js';
import { identityInvitationLinks } from '../providers/identity-links.js';
import { twilioSmsProvider } from '../providers/sms-provider.js';
import { unsubscribeLinkFor, unsubscribeTokensFromConfig } from '../preferences/unsubscribe-links.js';
import type { DeliveryDeps } from './deliver-notification.js';

/** The delivery worker's dependencies as the configuration names them (SendGrid, Twilio, identity). */
export function deliveryDepsFromConfig(config: Config, db: NotificationsDb): DeliveryDeps {
  const tokens = unsubscribeTokensFromConfig(config);
  return {
    db,
    ...(tokens ? { unsubscribeUrl: unsubscribeLinkFor(tokens, config.PUBLIC_BASE_URL) } : {}),
    email: sendgridEmailProvider({
      baseUrl: config.SENDGRID_API_BASE_URL,
      apiKey: config.SENDGRID_API_KEY,
      fromEmail: config.SENDGRID_FROM_EMAIL,
    }),
    sms: twilioSmsProvider({
      baseUrl: config.TWILIO_API_BASE_URL,
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      fromNumber: config.TWILIO_FROM_NUMBER,
    }),
    invitationLinks: identityInvitationLinks(config.IDENTITY_INTERNAL_URL, config.INTERNAL_API_TOKEN),
    settings: {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      fromName: config.SENDGRID_FROM_NAME,
      retryMinMs: config.DELIVERY_RETRY_MIN_MS,
      retryMaxMs: config.DELIVERY_RETRY_MAX_MS,
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    },
  };
}
