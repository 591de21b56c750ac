// The web process: telemetry first, everything else imported after it (see service-kit README). No
// service-runtime here: that composes a database, its migrations and the outbox relay, none of which the
// web service has; it runs on service-kit's runService (the same listen/drain/shutdown) directly.
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'web',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  zipkinEndpoint: config.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
});
const { runService } = await import('@portfolioos/service-kit');
const { webService } = await import('./web-service.js');
await runService({ ...webService(config), telemetry, graceMs: config.SHUTDOWN_GRACE_MS });
