import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { traceContextMixin } from './log-trace-context.js';

export interface LoggerOptions {
  /** pino level; services pass config.LOG_LEVEL. */
  level?: string;
  /** Where JSON lines go; stdout when omitted. Tests pass a stream to read them. */
  stream?: DestinationStream;
}

/** The pino JSON logger every service uses: ISO timestamps, service name/version, trace ids when in a span. */
export function createLogger(
  service: { name: string; version: string },
  options: LoggerOptions = {},
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: service.name, version: service.version },
      timestamp: stdTimeFunctions.isoTime,
      mixin: traceContextMixin,
      // Request logs carry headers; tokens and cookies must never reach a log store.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
    },
    options.stream,
  );
}
