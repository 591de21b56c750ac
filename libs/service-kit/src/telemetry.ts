// Entry point `@portfolioos/service-kit/telemetry`: loads only OpenTelemetry, so server.ts can start tracing
// before Fastify, http or pg are imported (the main entry imports Fastify, and thereby node:http).
export { startTelemetry, type Telemetry, type TelemetryOptions } from './observability/telemetry.js';
