import type { IHeaders } from 'kafkajs';

/** Kafka header names of the event envelope (ARCHITECTURE.md §2). */
export const envelopeHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  source: 'source',
  occurredAt: 'occurred-at',
  organizationId: 'organization-id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  aggregateVersion: 'aggregate-version',
} as const;

/** Metadata that travels with every event, outside the Avro payload. */
export interface EventEnvelope {
  eventId: string;
  eventType: string;
  source: string;
  occurredAt: Date;
  organizationId: string | null;
  traceparent: string | null;
  tracestate: string | null;
  /**
   * The aggregate's version after this event, where the event has no payload to say it: a tombstone
   * carries the deleted aggregate's version so readers can refuse older snapshots replayed after it.
   */
  aggregateVersion?: number | null;
}

/** Kafka headers for an envelope; absent optional values are left out rather than sent empty. */
export function envelopeToHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [envelopeHeaders.eventId]: envelope.eventId,
    [envelopeHeaders.eventType]: envelope.eventType,
    [envelopeHeaders.source]: envelope.source,
    [envelopeHeaders.occurredAt]: envelope.occurredAt.toISOString(),
  };
  if (envelope.organizationId) headers[envelopeHeaders.organizationId] = envelope.organizationId;
  if (envelope.traceparent) headers[envelopeHeaders.traceparent] = envelope.traceparent;
  if (envelope.tracestate) headers[envelopeHeaders.tracestate] = envelope.tracestate;
  if (typeof envelope.aggregateVersion === 'number')
    headers[envelopeHeaders.aggregateVersion] = String(envelope.aggregateVersion);
  return headers;
}

/** Thrown for a record that cannot be an event of ours: retrying it can never succeed. */
export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';
}

/** Reads the envelope back from Kafka headers; a record without id or type is malformed. */
export function envelopeFromHeaders(headers: IHeaders | undefined): EventEnvelope {
  const read = (name: string): string | null => headerString(headers?.[name]);
  const eventId = read(envelopeHeaders.eventId);
  const eventType = read(envelopeHeaders.eventType);
  if (!eventId || !eventType) {
    throw new MalformedEventError(
      `record lacks the ${envelopeHeaders.eventId}/${envelopeHeaders.eventType} headers`,
    );
  }
  const occurredAt = read(envelopeHeaders.occurredAt);
  const version = Number(read(envelopeHeaders.aggregateVersion) ?? Number.NaN);
  return {
    eventId,
    eventType,
    source: read(envelopeHeaders.source) ?? 'unknown',
    occurredAt: occurredAt ? new Date(occurredAt) : new Date(0),
    organizationId: read(envelopeHeaders.organizationId),
    traceparent: read(envelopeHeaders.traceparent),
    tracestate: read(envelopeHeaders.tracestate),
    aggregateVersion: Number.isSafeInteger(version) ? version : null,
  };
}

/** A header value as a string; kafkajs hands them over as Buffers. */
export function headerString(value: IHeaders[string]): string | null {
  if (value === undefined) return null;
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return null;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}
