import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Prometheus metrics of the event backbone, registered on the service's registry. */
export interface EventsMetrics {
  outboxBacklog: Gauge<'source'>;
  outboxPublished: Counter<'source'>;
  consumed: Counter<'group' | 'event_type' | 'outcome'>;
  consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  deadLettered: Counter<'group' | 'topic'>;
  outagePauses: Counter<'group' | 'topic'>;
  handlerSeconds: Histogram<'group' | 'event_type'>;
}

/** Creates (or reuses, when several components share a registry) the event backbone metrics. */
export function createEventsMetrics(registry: Registry): EventsMetrics {
  const reuse = <M>(name: string, create: () => M): M =>
    (registry.getSingleMetric(name) as M | undefined) ?? create();
  const registers = [registry];
  return {
    outboxBacklog: reuse(
      'events_outbox_backlog',
      () =>
        new Gauge({
          name: 'events_outbox_backlog',
          help: 'Outbox rows not yet published',
          labelNames: ['source'],
          registers,
        }),
    ),
    outboxPublished: reuse(
      'events_outbox_published_total',
      () =>
        new Counter({
          name: 'events_outbox_published_total',
          help: 'Outbox rows published to Kafka',
          labelNames: ['source'],
          registers,
        }),
    ),
    consumed: reuse(
      'events_consumed_total',
      () =>
        new Counter({
          name: 'events_consumed_total',
          help: 'Events handled by consumers, by outcome (applied, duplicate, ignored, dead_lettered)',
          labelNames: ['group', 'event_type', 'outcome'],
          registers,
        }),
    ),
    consumerLag: reuse(
      'events_consumer_lag',
      () =>
        new Gauge({
          name: 'events_consumer_lag',
          help: 'Messages between the consumer position and the partition end',
          labelNames: ['group', 'topic', 'partition'],
          registers,
        }),
    ),
    deadLettered: reuse(
      'events_dead_lettered_total',
      () =>
        new Counter({
          name: 'events_dead_lettered_total',
          help: 'Records sent to a dead-letter topic',
          labelNames: ['group', 'topic'],
          registers,
        }),
    ),
    outagePauses: reuse(
      'events_consumer_outage_pauses_total',
      () =>
        new Counter({
          name: 'events_consumer_outage_pauses_total',
          help: 'Partitions paused because a dependency (database, Elasticsearch, registry, Kafka) was down',
          labelNames: ['group', 'topic'],
          registers,
        }),
    ),
    handlerSeconds: reuse(
      'events_handler_seconds',
      () =>
        new Histogram({
          name: 'events_handler_seconds',
          help: 'Event handler duration',
          labelNames: ['group', 'event_type'],
          buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
          registers,
        }),
    ),
  };
}
