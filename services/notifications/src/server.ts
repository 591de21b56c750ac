// The notifications process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'notifications',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const { runServiceRuntime } = await import('@portfolioos/service-runtime');
const { notificationsService } = await import('./runtime.js');
await runServiceRuntime(notificationsService(config), telemetry);
