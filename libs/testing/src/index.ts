export {
  serviceAnswers,
  startServiceProcesses,
  type ServiceProcessOptions,
  type StopServices,
} from './service-processes.js';
export { stack } from './stack.js';
export { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-database.js';
export { uniqueName } from './unique-name.js';
export { freePort } from './free-port.js';
export { createTcpProxy, type TcpProxy } from './tcp-proxy.js';
