/**
 * Where the local stack (deploy/local) listens. Tests read these instead of hard-coding addresses;
 * each can be overridden by environment for a stack elsewhere (e.g. testcontainers on a host with an engine).
 */
export const stack = {
  postgresAdminUrl:
    process.env.PORTFOLIOOS_TEST_PG_ADMIN_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.PORTFOLIOOS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  kafkaBrokers: (process.env.PORTFOLIOOS_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  schemaRegistryUrl: process.env.PORTFOLIOOS_TEST_REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7',
  elasticsearchUrl: process.env.PORTFOLIOOS_TEST_ES_URL ?? 'http://127.0.0.1:9200',
  /** versitygw's S3 API and the root credentials deploy/local/components/versitygw.sh starts it with. */
  s3: {
    endpoint: process.env.PORTFOLIOOS_TEST_S3_ENDPOINT ?? 'http://127.0.0.1:7070',
    region: process.env.PORTFOLIOOS_TEST_S3_REGION ?? 'us-east-1',
    accessKeyId: process.env.PORTFOLIOOS_TEST_S3_ACCESS_KEY_ID ?? 'portfolioos',
    secretAccessKey: process.env.PORTFOLIOOS_TEST_S3_SECRET_ACCESS_KEY ?? 'portfolioos-local-secret',
  },
  stripeMockUrl: process.env.PORTFOLIOOS_TEST_STRIPE_MOCK_URL ?? 'http://127.0.0.1:12111',
  mailpitUrl: process.env.PORTFOLIOOS_TEST_MAILPIT_URL ?? 'http://127.0.0.1:8025',
  zipkinUrl: process.env.PORTFOLIOOS_TEST_ZIPKIN_URL ?? 'http://127.0.0.1:9411',
  sendgridUrl: process.env.PORTFOLIOOS_TEST_SENDGRID_URL ?? 'http://127.0.0.1:3025',
  twilioUrl: process.env.PORTFOLIOOS_TEST_TWILIO_URL ?? 'http://127.0.0.1:4010',
  docusignUrl: process.env.PORTFOLIOOS_TEST_DOCUSIGN_URL ?? 'http://127.0.0.1:4011/restapi',
} as const;
