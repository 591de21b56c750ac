import assert from 'node:assert/strict';
import { test } from 'node:test';
import kafkajs from 'kafkajs';
import pg from 'pg';

import {
  classifyFailure,
  DependencyUnavailableError,
  EventValidationError,
  MalformedEventError,
  SchemaRegistryError,
} from '../src/index.js';
import { freePort } from '@portfolioos/testing';

// kafkajs is CommonJS: its error classes are properties of the default export.
const { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded } = kafkajs;

function sqlState(code: string): pg.DatabaseError {
  const error = new pg.DatabaseError(`server said ${code}`, 0, 'error');
  error.code = code;
  return error;
}

test('a PostgreSQL that cannot be reached is an outage', async () => {
  const pool = new pg.Pool({ host: '127.0.0.1', port: await freePort(), connectionTimeoutMillis: 2000 });
  const refused = await pool.query('select 1').catch((error: unknown) => error);
  await pool.end();
  assert.equal(classifyFailure(refused), 'infrastructure');
  assert.equal(classifyFailure(new Error('Connection terminated unexpectedly')), 'infrastructure');
  assert.equal(classifyFailure(new Error('timeout exceeded when trying to connect')), 'infrastructure');
});

test('SQLSTATEs of the server (shutdown, connection, resources, serialization) are outages; others are the event', () => {
  for (const code of [
    '57P01',
    '57P03',
    '08006',
    '08001',
    '53300',
    '53100',
    '40001',
    '40P01',
    '55P03',
    '25006',
  ])
    assert.equal(classifyFailure(sqlState(code)), 'infrastructure', code);
  for (const code of ['23505', '23503', '22P02', '42P01', '42703', 'P0001'])
    assert.equal(classifyFailure(sqlState(code)), 'event', code);
});

test('a registry that is down or broken is an outage; an unknown schema id is the event', async () => {
  const unreachable = await fetch(`http://127.0.0.1:${await freePort()}/schemas/ids/1`).catch(
    (error: unknown) => error,
  );
  assert.equal(classifyFailure(unreachable), 'infrastructure', 'fetch failed (ECONNREFUSED cause)');
  assert.equal(classifyFailure(new SchemaRegistryError(503, 1)), 'infrastructure');
  assert.equal(classifyFailure(new SchemaRegistryError(404, 1)), 'event');
});

test('Kafka errors kafkajs can recover from are outages, also once its retries are exhausted', () => {
  const lost = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED');
  assert.equal(classifyFailure(lost), 'infrastructure');
  assert.equal(
    classifyFailure(new KafkaJSNumberOfRetriesExceeded(lost, { retryCount: 5, retryTime: 100 })),
    'infrastructure',
  );
  assert.equal(classifyFailure(new KafkaJSNonRetriableError('message too large')), 'event');
});

test("HTTP dependencies answering 429/5xx are outages; the event's own faults are never", () => {
  const http = (status: number) => Object.assign(new Error(`answered ${status}`), { statusCode: status });
  assert.equal(classifyFailure(http(503)), 'infrastructure');
  assert.equal(classifyFailure(http(429)), 'infrastructure');
  assert.equal(classifyFailure(http(400)), 'event');
  assert.equal(classifyFailure(new Error('step 5 refused')), 'event');
  assert.equal(classifyFailure('a thrown string'), 'event');
  assert.equal(classifyFailure(new MalformedEventError('not avro')), 'event');
  assert.equal(classifyFailure(new EventValidationError('T', ['seq'])), 'event');
  // A decoding fault stays the event's even if some cause inside mentions a socket.
  const wrapped = new MalformedEventError('bad', {
    cause: Object.assign(new Error(), { code: 'ECONNRESET' }),
  });
  assert.equal(classifyFailure(wrapped), 'event');
});

test('causes and aggregate errors classify like what they wrap; handlers can say so explicitly', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  assert.equal(classifyFailure(new Error('indexing failed', { cause: refused })), 'infrastructure');
  assert.equal(classifyFailure(new AggregateError([new Error('x'), refused])), 'infrastructure');
  assert.equal(classifyFailure(new DependencyUnavailableError('geocoder down')), 'infrastructure');
  assert.equal(
    classifyFailure(new Error('x', { cause: new DependencyUnavailableError('y') })),
    'infrastructure',
  );
});
