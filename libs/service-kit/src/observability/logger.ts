import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { traceContextMixin } from './log-trace-context.js';

export interface LoggerOptions {
  /** pino level; services pass config.LOG_LEVEL. */
  level?: string;
  /** Where JSON lines go; stdout when omitted. Tests pass a stream to read them. */
  stream?: DestinationStream;
}

/** What an app logs through: a logger made once per process, options to make one, or false for silence. */
export type AppLogger = false | LoggerOptions | Logger;

/** Whether `logger` is a made logger rather than options for one. */
export function isLogger(logger: LoggerOptions | Logger | undefined): logger is Logger {
  return typeof (logger as Logger | undefined)?.child === 'function';
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
