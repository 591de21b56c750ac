import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts the shutdown drain: /readyz answers 503 and every response closes its connection. */
    startDraining(): void;
    isDraining(): boolean;
  }
}

/** Adds the draining switch runService flips before closing the server. */
export function installDraining(app: FastifyInstance): void {
  let draining = false;
  app.decorate('startDraining', () => {
    draining = true;
  });
  app.decorate('isDraining', () => draining);
  // app.close() waits for every open connection; keep-alive clients would otherwise hold it open until the
  // grace period kills the process. onSend also covers requests that were already in flight.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
}
