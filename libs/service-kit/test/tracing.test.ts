import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ServicePlugin } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

// Registered globally with the AsyncLocalStorage context manager and W3C propagator, as startTelemetry does.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
after(() => provider.shutdown());

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';

const routes: ServicePlugin = async (app) => {
  app.get('/traced', async (request) => {
    // An await first: the context must survive async hops inside the handler.
    await new Promise((resolve) => setTimeout(resolve, 5));
    request.log.info('inside handler');
    const span = trace.getActiveSpan();
    return { trace_id: span?.spanContext().traceId ?? null, span_id: span?.spanContext().spanId ?? null };
  });
};

test('an incoming traceparent becomes the active trace inside the handler', async (t) => {
  const app = await buildTestApp(t, routes);
  const res = await app.inject({
    url: '/traced',
    headers: { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` },
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().trace_id, TRACE_ID);
  assert.notEqual(res.json().span_id, PARENT_SPAN_ID);

  const requestSpan = exporter
    .getFinishedSpans()
    .find((s) => s.spanContext().traceId === TRACE_ID && s.parentSpanContext?.spanId === PARENT_SPAN_ID);
  assert.ok(requestSpan, 'the request span is a child of the caller span');
});

test('without a traceparent a new trace starts', async (t) => {
  const app = await buildTestApp(t, routes);
  const res = await app.inject({ url: '/traced' });
  assert.match(res.json().trace_id, /^[0-9a-f]{32}$/);
  assert.notEqual(res.json().trace_id, TRACE_ID);
});

test('log lines carry the request id and the trace ids', async (t) => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = await buildTestApp(t, routes, { logger: { level: 'info', stream } });
  await app.inject({
    url: '/traced',
    headers: { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`, 'x-request-id': 'req-7' },
  });

  const inside = lines.find((l) => l.msg === 'inside handler');
  assert.equal(inside?.request_id, 'req-7');
  assert.equal(inside?.trace_id, TRACE_ID);
  assert.match(String(inside?.span_id), /^[0-9a-f]{16}$/);
  assert.equal(inside?.service, 'test-service');
  const completed = lines.find((l) => l.msg === 'request completed');
  assert.equal(completed?.request_id, 'req-7');
  assert.equal(completed?.trace_id, TRACE_ID);
});
