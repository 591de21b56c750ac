import {
  createServiceConsumer,
  type EventHandlers,
  type EventRegistry,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventBackbone } from '@portfolioos/service-runtime';
import type { EventPayloads } from '@portfolioos/schemas';
import type { RealtimeDb, RealtimeTx } from './db/database.js';

export interface PushConsumerOptions {
  backbone: EventBackbone;
  db: RealtimeDb;
  events: EventRegistry<EventPayloads>;
  topic: string;
  groupId: string;
  handlers: EventHandlers<EventPayloads, RealtimeTx>;
}

/**
 * One consumer group of the gateway. All replicas share it: each event is consumed by one of them and
 * broadcast through the Redis adapter to the sockets on all of them. A new group starts at the newest
 * event: a live channel has nothing to say about the past (clients load current state over HTTP).
 */
export function createPushConsumer(options: PushConsumerOptions): ServiceConsumer {
  return createServiceConsumer<EventPayloads, RealtimeTx>({
    clientId: options.groupId,
    ...options.backbone,
    groupId: options.groupId,
    db: options.db,
    events: options.events,
    handlers: options.handlers,
    topics: [options.topic],
    fromBeginning: false,
  });
}
