export { composeService, type ComposedService } from './compose-service.js';
export { kafkaReadiness } from './kafka-readiness.js';
export { runServiceRuntime, startServiceRuntime } from './run-service-runtime.js';
export type {
  EventBackbone,
  RuntimeConfig,
  RuntimeContext,
  ServiceDefinition,
  ServiceLogger,
} from './service-definition.js';
