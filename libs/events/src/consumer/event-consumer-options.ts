import type { Kafka } from 'kafkajs';
import type { EventRegistry } from '../event-registry.js';
import type { EventsMetrics } from '../events-metrics.js';
import type { EventsLogger } from '../outbox/outbox-relay.js';
import type { AvroSerde } from '../serde/avro-serde.js';
import type {
  BatchHandler,
  EventHandlers,
  HandlerTransaction,
  StatementHandler,
  TombstoneHandler,
  TransactionalDatabase,
} from './consumed-event.js';

export interface EventConsumerOptions<P extends object, TTx extends HandlerTransaction> {
  kafka: Kafka;
  /** Consumer group id; also the inbox's consumer name and the dead-letter topic's prefix. */
  groupId: string;
  db: TransactionalDatabase<TTx>;
  events: EventRegistry<P>;
  serde: AvroSerde;
  handlers: EventHandlers<P, TTx>;
  /** Applies tombstones (null values, e.g. a deleted aggregate on a compacted topic); without it they are skipped. */
  onTombstone?: TombstoneHandler<TTx>;
  /**
   * Applies each chunk's fresh records at once (see BatchHandler); `handlers` and `onTombstone` still say
   * what is consumed and apply the records it reports failed, one by one with retries.
   */
  batchHandler?: BatchHandler<P, TTx>;
  /**
   * Applies each chunk as one statement with its inbox insert (see StatementHandler); the fastest path
   * for effects in the consumer's own database. Like `batchHandler` (and exclusive with it), `handlers`
   * still say what is consumed and apply the chunk one record at a time if the statement fails.
   */
  statementHandler?: StatementHandler<P>;
  logger: EventsLogger;
  metrics?: EventsMetrics;
  /** Topics to read; defaults to the topics of the handled event types. */
  topics?: string[];
  /** Attempts per event before it is dead-lettered (default 5); infrastructure failures never count. */
  maxAttempts?: number;
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Events applied per transaction on the happy path (default 200). */
  chunkSize?: number;
  deadLetterTopic?: string;
  /** Where a new group starts: the beginning of its topics (default) or only new records. */
  fromBeginning?: boolean;
  /** Partitions applied in parallel, each in its own transactions (order holds within a partition; default 3). */
  partitionsConsumedConcurrently?: number;
  /** Group session timeout: how soon a dead member's partitions move to the others (default 30 s). */
  sessionTimeoutMs?: number;
  /**
   * Backoff while a dependency is down (PostgreSQL, Elasticsearch, the registry, Kafka): the partition
   * is paused this long, doubling per consecutive outage, from min (default 1 s) to max (default 30 s).
   */
  outageMinDelayMs?: number;
  outageMaxDelayMs?: number;
}
