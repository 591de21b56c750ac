import { Counter, Gauge, type Registry } from 'prom-client';

/** The gateway's Prometheus metrics, on the app's registry (GET /metrics). */
export interface GatewayMetrics {
  sockets: Gauge<'kind'>;
  refusedHandshakes: Counter<'status'>;
  slowConsumerDrops: Counter;
  pushed: Counter<'event'>;
}

/** Creates the gateway's metrics on `registry`, or returns those already there (the consumers share them). */
export function gatewayMetrics(registry: Registry): GatewayMetrics {
  const registers = [registry];
  const reuse = <M>(name: string, create: () => M): M =>
    (registry.getSingleMetric(name) as M | undefined) ?? create();
  return {
    sockets: reuse(
      'realtime_sockets',
      () =>
        new Gauge({
          name: 'realtime_sockets',
          help: 'Sockets connected to this replica, by kind (user, anonymous).',
          labelNames: ['kind'],
          registers,
        }),
    ),
    refusedHandshakes: reuse(
      'realtime_handshakes_refused_total',
      () =>
        new Counter({
          name: 'realtime_handshakes_refused_total',
          help: 'Handshakes refused, by problem status (401 bad or expired token, 403 wrong kind, 503 JWKS).',
          labelNames: ['status'],
          registers,
        }),
    ),
    slowConsumerDrops: reuse(
      'realtime_slow_consumer_disconnects_total',
      () =>
        new Counter({
          name: 'realtime_slow_consumer_disconnects_total',
          help: 'Sockets dropped because more was queued for them than SOCKET_MAX_BUFFERED_BYTES/PACKETS.',
          registers,
        }),
    ),
    pushed: reuse(
      'realtime_events_pushed_total',
      () =>
        new Counter({
          name: 'realtime_events_pushed_total',
          help: 'Events this replica consumed and broadcast, by pushed event name.',
          labelNames: ['event'],
          registers,
        }),
    ),
  };
}
