/** The services of PortfolioOS (producers and consumers in the catalog). */
export type ServiceName =
  | 'identity'
  | 'listings'
  | 'search'
  | 'leasing'
  | 'payments'
  | 'maintenance'
  | 'notifications'
  | 'realtime'
  | 'analytics';

export const serviceNames: readonly ServiceName[] = [
  'identity',
  'listings',
  'search',
  'leasing',
  'payments',
  'maintenance',
  'notifications',
  'realtime',
  'analytics',
];

export type CleanupPolicy = 'delete' | 'compact';

/** One Kafka topic of the catalog. */
export interface TopicSpec {
  readonly description: string;
  /** Field present in every event of the topic whose value (a UUID string) is the Kafka record key. */
  readonly key: string;
  readonly partitions: number;
  readonly cleanup_policy: CleanupPolicy;
  /** `retention.ms`; -1 keeps events forever (projections are rebuilt by replay). */
  readonly retention_ms: number;
  readonly producer: ServiceName;
  readonly consumers: readonly ServiceName[];
  /** Full names of the event types published on the topic. */
  readonly events: readonly string[];
}

/** The machine-readable event catalog (schemas/catalog.json). */
export interface EventCatalog {
  readonly $comment?: string;
  readonly topics: { readonly [topic: string]: TopicSpec };
}
