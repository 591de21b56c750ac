import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { createThrowawayDatabase, stack, type ThrowawayDatabase } from '@portfolioos/testing';

// A stand-in OTLP/HTTP collector: the exporter's JSON is the observable outcome of startTelemetry.
interface ExportedSpan {
  scope: string;
  name: string;
  traceId: string;
}

const probe = fileURLToPath(new URL('./fixtures/telemetry-probe.ts', import.meta.url));
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
let collector: Server;
let database: ThrowawayDatabase;
const spans: ExportedSpan[] = [];
const serviceNames = new Set<string>();

before(async () => {
  database = await createThrowawayDatabase('service_kit_otel');
  collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      collect(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  collector.listen(0, '127.0.0.1');
  await once(collector, 'listening');
});
after(async () => {
  collector?.close();
  await database?.drop();
});

test(
  'startTelemetry traces http, Fastify and pg (imported as ESM) in the caller trace and exports over OTLP',
  { timeout: 90_000 },
  async () => {
    const { port } = collector.address() as AddressInfo;
    const child = spawn(process.execPath, ['--conditions=@portfolioos/source', '--import', 'tsx', probe], {
      env: { ...process.env, OTLP_ENDPOINT: `http://127.0.0.1:${port}`, DATABASE_URL: database.url },
      stdio: 'inherit',
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);

    const inTrace = spans.filter((s) => s.traceId === TRACE_ID).map((s) => `${s.scope} ${s.name}`);
    assert.ok(inTrace.includes('@opentelemetry/instrumentation-http GET /probe'), inTrace.join('\n'));
    assert.ok(inTrace.includes('@fastify/otel request'), inTrace.join('\n'));
    assert.ok(
      inTrace.some((s) => s.startsWith('@opentelemetry/instrumentation-pg pg.query:SELECT')),
      inTrace.join('\n'),
    );
    assert.deepEqual([...serviceNames], ['telemetry-probe']);
  },
);

test(
  "startTelemetry's Zipkin exporter delivers the trace to the local stack's Zipkin (component zipkin)",
  { timeout: 90_000 },
  async () => {
    const traceId = randomBytes(16).toString('hex');
    const child = spawn(process.execPath, ['--conditions=@portfolioos/source', '--import', 'tsx', probe], {
      env: {
        ...process.env,
        ZIPKIN_ENDPOINT: `${stack.zipkinUrl}/api/v2/spans`,
        PROBE_TRACE_ID: traceId,
        DATABASE_URL: database.url,
      },
      stdio: 'inherit',
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);

    // shutdown() flushed the exporter before exit; Zipkin's collector stores asynchronously, so ask until it has it.
    const spans = await zipkinTrace(traceId);
    const names = spans.map((s) => `${s.localEndpoint?.serviceName} ${s.name}`);
    assert.ok(names.includes('telemetry-probe get /probe'), names.join('\n'));
    assert.ok(
      names.some((n) => n.startsWith('telemetry-probe pg.query:select')),
      names.join('\n'),
    );
  },
);

interface ZipkinSpan {
  name: string;
  localEndpoint?: { serviceName?: string };
}

async function zipkinTrace(traceId: string): Promise<ZipkinSpan[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${stack.zipkinUrl}/api/v2/trace/${traceId}`);
    if (response.ok) return (await response.json()) as ZipkinSpan[];
    if (response.status !== 404 || Date.now() > deadline)
      throw new Error(`zipkin: trace ${traceId}: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface OtlpTraces {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { scope: { name: string }; spans: { name: string; traceId: string }[] }[];
  }[];
}

function collect(payload: OtlpTraces): void {
  for (const resourceSpans of payload.resourceSpans) {
    const name = resourceSpans.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
    if (name) serviceNames.add(name);
    for (const scopeSpans of resourceSpans.scopeSpans) {
      for (const span of scopeSpans.spans)
        spans.push({ scope: scopeSpans.scope.name, name: span.name, traceId: span.traceId });
    }
  }
}
