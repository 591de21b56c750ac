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
  zipkinUrl: process.env.PORTFOLIOOS_TEST_ZIPKIN_URL ?? 'http://127.0.0.1:9411',
  mailpitUrl: process.env.PORTFOLIOOS_TEST_MAILPIT_URL ?? 'http://127.0.0.1:8025',
  sendgridUrl: process.env.PORTFOLIOOS_TEST_SENDGRID_URL ?? 'http://127.0.0.1:3025',
  twilioUrl: process.env.PORTFOLIOOS_TEST_TWILIO_URL ?? 'http://127.0.0.1:4010',
  docusignUrl: process.env.PORTFOLIOOS_TEST_DOCUSIGN_URL ?? 'http://127.0.0.1:4011/restapi',
} as const;
