// The listings process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'listings',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  zipkinEndpoint: config.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
});
const { runServiceRuntime } = await import('@portfolioos/service-runtime');
const { listingsService } = await import('./runtime.js');
await runServiceRuntime(listingsService(config), telemetry);
