// The realtime process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'realtime',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const { runServiceRuntime } = await import('@portfolioos/service-runtime');
const { realtimeService } = await import('./runtime.js');
await runServiceRuntime(realtimeService(config), telemetry);
