// The search process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'search',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  zipkinEndpoint: config.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
});
const { runServiceRuntime } = await import('@portfolioos/service-runtime');
const { searchService } = await import('./runtime.js');
await runServiceRuntime(searchService(config), telemetry);
