import { Type } from '@sinclair/typebox';

/** Log levels pino understands, most to least verbose. */
export const LogLevel = Type.Union(
  ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].map((level) => Type.Literal(level)),
  { default: 'info' },
);

/** Variables every service reads; spread into the service's own `Type.Object({...baseConfigFields, ...})`. */
export const baseConfigFields = {
  HTTP_HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3000 }),
  LOG_LEVEL: LogLevel,
  DATABASE_URL: Type.String({ pattern: '^postgres(ql)?://' }),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, default: 10 }),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Hard limit for a graceful shutdown before the process is killed. */
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, default: 10_000 }),
  /** Time /readyz reports 503 before the server stops accepting, so load balancers stop routing first. */
  SHUTDOWN_DRAIN_DELAY_MS: Type.Integer({ minimum: 0, default: 0 }),
};

/** The base config schema on its own, for services with nothing to add. */
export const baseConfigSchema = Type.Object(baseConfigFields);
