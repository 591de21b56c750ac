import { randomUUID } from 'node:crypto';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { createKafka, envelopeHeaders, headerString, type EventsLogger } from '@portfolioos/events';
import type { ApiKeyCache, BackgroundWorker } from '@portfolioos/service-kit';

/** identity's topics whose events can end an API key, as the catalog names them. */
export const REVOCATION_TOPICS = ['identity.api-key', 'identity.membership', 'identity.user'] as const;

export interface ApiKeyRevocationsOptions {
  service: string;
  brokers: string[];
  logger: EventsLogger;
  cache: ApiKeyCache;
  /** The catalog's topic names unless a test gives its own. */
  topics?: readonly string[];
}

/**
 * Keeps an ApiKeyCache true to identity: every replica reads identity's key, membership and user topics
 * in a consumer group of its own (a broadcast: each process must see every event), from the latest offset
 * (what happened before is already in identity's answers), and removes what each event can make stale.
 * Only the envelope is read (event type and organization headers, the key), so no schema is needed.
 * The cache answers only between joining the group and a crash, disconnect or stop of the consumer.
 */
export function apiKeyRevocations(options: ApiKeyRevocationsOptions): BackgroundWorker {
  const { cache, logger } = options;
  const kafka = createKafka({
    clientId: `${options.service}-api-key-revocations`,
    brokers: options.brokers,
    logger,
  });
  let consumer: Consumer | undefined;
  return {
    name: 'api-key revocations',
    async start() {
      const current = kafka.consumer({
        groupId: `${options.service}-api-key-revocations-${randomUUID()}`,
        // Nothing to resume: an empty group left behind expires with Kafka's offsets retention.
        retry: { retries: 5 },
      });
      consumer = current;
      current.on(current.events.GROUP_JOIN, () => cache.setLive(true));
      for (const down of [current.events.CRASH, current.events.DISCONNECT, current.events.STOP])
        current.on(down, () => cache.setLive(false));
      await current.connect();
      await current.subscribe({ topics: [...(options.topics ?? REVOCATION_TOPICS)], fromBeginning: false });
      await current.run({ eachMessage: async ({ message }) => apply(cache, message, logger) });
    },
    async stop() {
      cache.setLive(false);
      await consumer?.disconnect();
    },
  };
}

function apply(cache: ApiKeyCache, message: KafkaMessage, logger: EventsLogger): void {
  const type = headerString(message.headers?.[envelopeHeaders.eventType]);
  const orgId = headerString(message.headers?.[envelopeHeaders.organizationId]);
  switch (type) {
    case 'portfolioos.identity.ApiKeyRevoked':
      if (message.key) return cache.revokeKey(message.key.toString());
      break;
    case 'portfolioos.identity.MembershipRevoked':
    case 'portfolioos.identity.MembershipRoleChanged':
      if (orgId) return cache.forgetOrganization(orgId);
      break;
    case 'portfolioos.identity.UserDeactivated':
      return cache.forgetAll();
    default:
      return;
  }
  // An event that can end keys but does not say which: forget them all rather than guess.
  logger.warn({ eventType: type }, 'api-key revocation event without its key or organization');
  cache.forgetAll();
}
