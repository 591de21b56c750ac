// The payments process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'payments',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const { runServiceRuntime } = await import('@portfolioos/service-runtime');
const { paymentsService } = await import('./runtime.js');
await runServiceRuntime(paymentsService(config), telemetry);
