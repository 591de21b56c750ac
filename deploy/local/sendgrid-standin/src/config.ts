import { Type, type Static } from '@sinclair/typebox';
import { LogLevel, loadConfig } from '@portfolioos/service-kit/config';

export const configSchema = Type.Object({
  HTTP_HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3025 }),
  LOG_LEVEL: LogLevel,
  /** SendGrid's own OpenAPI document (../shared/vendor-specs/sendgrid_v3.json); requests are checked against it. */
  SENDGRID_SPEC_PATH: Type.String({ minLength: 1 }),
  /** Mailpit's HTTP address; accepted messages are delivered through its send API. */
  MAILPIT_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:8025' }),
});

export type StandinConfig = Static<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): StandinConfig {
  return loadConfig(configSchema, env);
}
