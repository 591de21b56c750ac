import type { EventsLogger } from '@portfolioos/events';

/** JSON lines on stdout/stderr for the Kafka clients, matching the service's pino output. */
export const consoleEventsLogger: EventsLogger = {
  info: (obj, msg) => console.info(JSON.stringify({ level: 'info', msg, ...obj })),
  warn: (obj, msg) => console.warn(JSON.stringify({ level: 'warn', msg, ...obj })),
  error: (obj, msg) => console.error(JSON.stringify({ level: 'error', msg, ...obj })),
};
