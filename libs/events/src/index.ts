export {
  envelopeHeaders,
  envelopeFromHeaders,
  envelopeToHeaders,
  headerString,
  MalformedEventError,
  type EventEnvelope,
} from './envelope.js';
export { EventRegistry, EventValidationError, type AvroSchemaJson } from './event-registry.js';
export { createEventsMetrics, type EventsMetrics } from './events-metrics.js';
export { AvroSerde, SchemaRegistryError } from './serde/avro-serde.js';
export { outbox, inbox } from './outbox/outbox-schema.js';
export {
  enqueueEvent,
  enqueueEvents,
  enqueueTombstone,
  type NewEvent,
  type NewTombstone,
  type SqlExecutor,
} from './outbox/enqueue-event.js';
export { enqueueEventAlong } from './outbox/enqueue-along.js';
export { createServiceRelay, type ServiceRelay, type ServiceRelayOptions } from './outbox/service-relay.js';
export {
  createServiceConsumer,
  type ServiceConsumer,
  type ServiceConsumerOptions,
} from './consumer/service-consumer.js';
export { OutboxRelay, type OutboxRelayOptions, type EventsLogger } from './outbox/outbox-relay.js';
export { EventConsumer, type EventConsumerOptions } from './consumer/event-consumer.js';
export type {
  BatchHandler,
  BatchOutcome,
  ConsumedEvent,
  ConsumedRecord,
  ConsumedTombstone,
  TombstoneHandler,
  EventHandler,
  EventHandlers,
  HandlerTransaction,
  StatementHandler,
  TransactionalDatabase,
} from './consumer/consumed-event.js';
export { deadLetterHeaders, deadLetterTopicOf } from './dead-letters/dead-letter.js';
export {
  replayDeadLetters,
  type ReplayOptions,
  type ReplayResult,
} from './dead-letters/replay-dead-letters.js';
export { classifyFailure, DependencyUnavailableError, type FailureKind } from './consumer/failure-kind.js';
export { createKafka, checkKafka, createOrderedProducer } from './kafka/create-kafka.js';
export { createTopicsAndAwaitLeaders, ensureTopics } from './kafka/ensure-topics.js';
export { backoffDelay, pause } from './backoff.js';
