import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { sql } from 'drizzle-orm';
import { buildApp, strictObject, type ServicePlugin } from '@portfolioos/service-kit';
import { uniqueName } from '@portfolioos/testing';
import { enqueueEvent, EventConsumer, OutboxRelay } from '../src/index.js';
import { counterHandlers } from './support/counter-handler.js';
import { createHarness, eventually, silentLogger, type Harness } from './support/harness.js';
import { COUNTER_INCREMENTED } from './support/test-events.js';

// The global SDK pieces startTelemetry installs: AsyncLocalStorage context, W3C propagation, a provider.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';

let h: Harness;
before(async () => {
  h = await createHarness(1);
});
after(async () => {
  await h.close();
  await provider.shutdown();
});

/** A route that changes state and enqueues the event in the same transaction, as services do. */
function counterRoutes(harness: Harness): ServicePlugin {
  return async (app) => {
    app.post(
      '/v1/counters/:id/increments',
      { schema: { params: Type.Object({ id: Type.String() }), body: strictObject({ seq: Type.Integer() }) } },
      async (request, reply) => {
        const { id } = request.params;
        await harness.db.transaction(async (tx) => {
          await tx.execute(sql`insert into counters values (${id}, ${request.body.seq})
                               on conflict (counter_id) do update set value = excluded.value`);
          await enqueueEvent(tx, harness.events, {
            type: COUNTER_INCREMENTED,
            key: id,
            organizationId: null,
            payload: { counter_id: id, seq: request.body.seq, fail: false, note: null },
          });
        });
        return reply.code(202).send();
      },
    );
  };
}

test('the trace id of an HTTP request survives the outbox, Kafka and the consumer', async () => {
  const app = await buildApp({
    name: 'trace-test',
    version: '0.0.0',
    logger: false,
    plugins: { routes: [counterRoutes(h)] },
  });
  const response = await app.inject({
    method: 'POST',
    url: '/v1/counters/traced/increments',
    headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    payload: { seq: 1 },
  });
  assert.equal(response.statusCode, 202);
  await app.close();
  const { rows } = await h.pool.query('select traceparent from outbox');
  assert.match(
    rows[0].traceparent,
    new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`),
    'outbox row carries the trace',
  );

  const relay = new OutboxRelay({
    pool: h.pool,
    producer: h.producer,
    serde: h.serde,
    source: 'trace-test',
    logger: silentLogger,
  });
  await relay.relayBatch();
  const consumer = new EventConsumer({
    kafka: h.kafka,
    groupId: uniqueName('traced'),
    db: h.db,
    events: h.events,
    serde: h.serde,
    handlers: counterHandlers,
    logger: silentLogger,
  });
  await consumer.start();
  try {
    await eventually('the traced effect', async () => (await h.effects()).length === 1);
    const [effect] = await h.effects();
    assert.equal(effect!.trace_id, TRACE_ID, 'the handler ran inside the request trace');
    const processSpan = exporter.getFinishedSpans().find((s) => s.name === `${h.topic} process`);
    assert.equal(processSpan?.spanContext().traceId, TRACE_ID);
    const producerSideSpanId = rows[0].traceparent.split('-')[2];
    assert.equal(
      processSpan?.parentSpanContext?.spanId,
      producerSideSpanId,
      'consumer span is a child of the request span',
    );
  } finally {
    await consumer.stop();
  }
});
