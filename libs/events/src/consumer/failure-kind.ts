import { MalformedEventError } from '../envelope.js';
import { EventValidationError } from '../event-registry.js';

/**
 * Why applying a record failed. `infrastructure`: a dependency (PostgreSQL, Elasticsearch, the schema
 * registry, Kafka) is unreachable or overloaded; the event is fine and will apply once it is back, so
 * it must never be dead-lettered for it. `event`: the record itself cannot be applied (it does not
 * decode, does not validate, or the handler refused it); it counts toward the dead-letter limit.
 */
export type FailureKind = 'infrastructure' | 'event';

/** Thrown (or used as a `cause`) by a handler to say "a dependency is down, retry me later". */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
}

// Node socket/DNS errors: the dependency could not be reached at all.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

// SQLSTATE classes/codes that describe the server, not the statement: 08 connection exception, 53
// insufficient resources, 57 operator intervention (57P01 admin shutdown, 57014 statement cancelled),
// 58 system error; 40001/40P01 serialization failure/deadlock (retrying is the documented cure);
// 55P03 lock timeout; 25006 read-only transaction (a failover left us on a standby).
const SQLSTATE_CLASSES = ['08', '53', '57', '58'];
const SQLSTATE_CODES = new Set(['40001', '40P01', '55P03', '25006']);

// node-postgres reports a lost or never-established connection with these messages and no code.
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Query read timeout',
];

// @elastic/transport error names for requests that never got an answer.
const TRANSPORT_ERROR_NAMES = new Set([
  'ConnectionError',
  'TimeoutError',
  'NoLivingConnectionsError',
  'RequestAbortedError',
]);

/**
 * The one place that decides whether a failure is the infrastructure's or the event's. Looks through
 * `cause` chains and AggregateErrors (a connect to several addresses), so wrapped errors classify like
 * what they wrap. Anything not recognised as infrastructure is the event's.
 */
export function classifyFailure(error: unknown): FailureKind {
  return isInfrastructure(error, 0) ? 'infrastructure' : 'event';
}

function isInfrastructure(error: unknown, depth: number): boolean {
  if (depth > 8 || typeof error !== 'object' || error === null) return false;
  // The event's own faults are final, whatever they wrap.
  if (error instanceof MalformedEventError || error instanceof EventValidationError) return false;
  if (error instanceof DependencyUnavailableError) return true;
  const { code, name, message, statusCode, status, retriable, cause, errors } = error as Record<
    string,
    unknown
  >;
  if (typeof code === 'string' && isInfrastructureCode(code)) return true;
  if (typeof name === 'string' && TRANSPORT_ERROR_NAMES.has(name)) return true;
  // kafkajs marks what a reconnect can cure; "retries exceeded" is not retriable itself, but its cause is.
  if (typeof name === 'string' && name.startsWith('KafkaJS') && retriable === true) return true;
  if (typeof message === 'string' && PG_CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
  // An HTTP dependency that answered "overloaded" or "broken" (Elasticsearch, the registry).
  if (isUnavailableStatus(statusCode) || isUnavailableStatus(status)) return true;
  if (Array.isArray(errors) && errors.some((e) => isInfrastructure(e, depth + 1))) return true;
  return isInfrastructure(cause, depth + 1);
}

function isInfrastructureCode(code: string): boolean {
  if (NETWORK_CODES.has(code)) return true;
  if (!/^[0-9A-Z]{5}$/.test(code)) return false;
  return SQLSTATE_CODES.has(code) || SQLSTATE_CLASSES.includes(code.slice(0, 2));
}

function isUnavailableStatus(status: unknown): boolean {
  return typeof status === 'number' && (status === 429 || status >= 500);
}
