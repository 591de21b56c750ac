// The __name__ process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: '__name__',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const { runServiceRuntime } = await import('@portfolioos/service-runtime');
const { __camel__Service } = await import('./runtime.js');
await runServiceRuntime(__camel__Service(config), telemetry);
