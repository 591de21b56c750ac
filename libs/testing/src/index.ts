export {
  serviceAnswers,
  startServiceProcesses,
  type ServiceProcessOptions,
  type StopServices,
} from './service-processes.js';
export { stack } from './stack.js';
export { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-database.js';
export { uniqueName } from './unique-name.js';
export {
  createTestTokenSigner,
  type TestTokenSigner,
  type TestTokenSignerOptions,
} from './test-token-signer.js';
export { KAFKA_DOWN_BROKERS, readinessOf, type Readiness } from './readiness.js';
export { freePort } from './free-port.js';
export { createTcpProxy, type TcpProxy } from './tcp-proxy.js';
export {
  assertRefusedCheaply,
  costlyMultiPolygon,
  COSTLY_AREAS,
  fastestMs,
  type Injector,
} from './costly-requests.js';
export { assertCursorsRefused, tamperedCursors, type GetInjector } from './tampered-cursors.js';
