import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envelopeFromHeaders, envelopeToHeaders, MalformedEventError } from '../src/index.js';

test('envelope survives the trip through Kafka headers', () => {
  const envelope = {
    eventId: '4c6f2d0e-9a51-4c1e-9f36-0d3f5f1c2b11',
    eventType: 'portfolioos.leasing.LeaseSigned',
    source: 'leasing',
    occurredAt: new Date('2026-11-22T10:00:00.000Z'),
    organizationId: '0b7c4b43-5c55-4c8b-8f3e-2c6e0f0d9a01',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    tracestate: null,
    aggregateVersion: 7,
  };
  const asKafka = Object.fromEntries(
    Object.entries(envelopeToHeaders(envelope)).map(([k, v]) => [k, Buffer.from(v)]),
  );
  assert.deepEqual(envelopeFromHeaders(asKafka), envelope);
});

test('a record without event id or type is malformed', () => {
  assert.throws(() => envelopeFromHeaders({ 'event-type': Buffer.from('x') }), MalformedEventError);
  assert.throws(() => envelopeFromHeaders(undefined), MalformedEventError);
});
