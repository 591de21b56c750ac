// Environment for services started by `npm start` on the local stack.

// The local stack's key-encryption key for identity's signing keys: fixed so that keys sealed by one run
// (`npm start`, or the e2e tests, which start the services with this environment) open in the next. Development only; the
// Helm chart takes the real one from a Secret.
const LOCAL_DEV_KEK = Buffer.from('portfolioos-local-dev-kek-32byte').toString('base64');

// The local stack's key-encryption key for leasing's screening reports: fixed, like the one above, so
// reports sealed by one run open in the next. Development only.
const LOCAL_DEV_SCREENING_KEK = Buffer.from('portfolioos-local-screening-kek!').toString('base64');

// The HMAC key of the local DocuSign Connect configuration (a test signs its notifications with it).
const LOCAL_DEV_CONNECT_HMAC_KEY = 'portfolioos-local-docusign-connect-hmac-key';

// Service-to-service token (identity's API-key introspection); development only, like the KEK above.
const LOCAL_DEV_INTERNAL_TOKEN = 'portfolioos-local-dev-internal-token-0123456789';

// Signs notifications' one-click unsubscribe links; development only, like the KEK above.
const LOCAL_DEV_UNSUBSCRIBE_SECRET = 'portfolioos-local-dev-unsubscribe-secret-0123456789';

// The local versitygw's root credentials (deploy/local/components/versitygw.sh); development only.
const LOCAL_S3_CREDENTIALS = {
  S3_ACCESS_KEY_ID: 'portfolioos',
  S3_SECRET_ACCESS_KEY: 'portfolioos-local-secret',
};

/** The variables a service needs locally: its own database and the development secrets. */
export function devEnvironment(service) {
  return {
    ...process.env,
    DATABASE_URL: `postgres://${service}:${service}@127.0.0.1:5432/${service}`,
    SIGNING_KEY_ENCRYPTION_KEY: LOCAL_DEV_KEK,
    INTERNAL_API_TOKEN: LOCAL_DEV_INTERNAL_TOKEN,
    ...LOCAL_S3_CREDENTIALS,
    // The stack's trace viewer (component zipkin); it takes Zipkin's format, not OTLP.
    OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://127.0.0.1:9411/api/v2/spans',
    // Until notifications mails invitation links, the link an inviter mints may create the invitee's account
    // (identity only; never set in production, see services/identity/src/config.ts).
    ...(service === 'identity' ? { DEV_INVITER_LINKS_CREATE_ACCOUNTS: 'true' } : {}),
    ...(service === 'notifications' ? { UNSUBSCRIBE_SIGNING_SECRET: LOCAL_DEV_UNSUBSCRIBE_SECRET } : {}),

    ...(service === 'leasing'
      ? {
          SCREENING_REPORT_KEK: LOCAL_DEV_SCREENING_KEK,
          DOCUSIGN_CONNECT_HMAC_KEY: LOCAL_DEV_CONNECT_HMAC_KEY,
        }
      : {}),
  };
}
