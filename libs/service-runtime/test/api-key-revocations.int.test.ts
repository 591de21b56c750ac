import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Producer } from 'kafkajs';
import { createKafka, ensureTopics, envelopeHeaders, type EventsLogger } from '@portfolioos/events';
import { ApiKeyCache, type Principal } from '@portfolioos/service-kit';
import { stack, uniqueName } from '@portfolioos/testing';
import { apiKeyRevocations } from '../src/api-key-revocations.js';

const silent: EventsLogger = { info() {}, warn() {}, error() {} };
const ORG = '0b7e3f2a-6f4c-4b8e-9a51-2f6d3c1e9a10';
const principal = (keyId: string): Principal => ({
  kind: 'api_key',
  subject: keyId,
  userId: null,
  orgId: ORG,
  roles: [],
  scopes: ['listings:read'],
  sessionId: null,
});

const topics = ['api-key', 'membership', 'user'].map((name) => uniqueName(`test.identity.${name}`));
const kafka = createKafka({
  clientId: 'api-key-revocations-test',
  brokers: [...stack.kafkaBrokers],
  logger: silent,
});
let producer: Producer;

before(async () => {
  await ensureTopics(
    kafka,
    topics.map((topic) => ({ topic, numPartitions: 3 })),
  );
  producer = kafka.producer();
  await producer.connect();
});
after(() => producer.disconnect());

const publish = (topic: string, eventType: string, key: string, organizationId?: string) =>
  producer.send({
    topic,
    messages: [
      {
        key,
        value: null,
        headers: {
          [envelopeHeaders.eventType]: eventType,
          ...(organizationId ? { [envelopeHeaders.organizationId]: organizationId } : {}),
        },
      },
    ],
  });

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('each replica hears identity revocations, and its cache answers only while it does', async () => {
  // Two replicas of one service: each must see every event (a broadcast, not one shared group).
  const caches = [new ApiKeyCache(), new ApiKeyCache()];
  const workers = caches.map((cache) =>
    apiKeyRevocations({
      service: 'listings',
      brokers: [...stack.kafkaBrokers],
      logger: silent,
      cache,
      topics,
    }),
  );
  const live = (cache: ApiKeyCache) => cache.ticket().epoch >= 0;
  try {
    await Promise.all(workers.map((worker) => worker.start()));
    await until(() => caches.every(live), 'both replicas joined their groups');
    const remember = (key: string, keyId: string) =>
      caches.forEach((cache) => cache.remember(key, principal(keyId), cache.ticket(), null));

    // Joined is not yet reading: an event sent in the first moments can precede the fetch position (the
    // cache's TTL bounds what such a miss costs). A probe key is revoked until both have seen it.
    remember('pk_probe', 'key-probe');
    await until(() => {
      void publish(topics[0]!, 'portfolioos.identity.ApiKeyRevoked', 'key-probe', ORG);
      return caches.every((cache) => !cache.get('pk_probe'));
    }, 'both replicas read the revocations');

    remember('pk_one', 'key-one');
    remember('pk_two', 'key-two');
    await publish(topics[0]!, 'portfolioos.identity.ApiKeyCreated', 'key-new', ORG);
    await publish(topics[0]!, 'portfolioos.identity.ApiKeyRevoked', 'key-one', ORG);
    await until(() => caches.every((cache) => !cache.get('pk_one')), 'key-one forgotten everywhere');
    assert.ok(
      caches.every((cache) => cache.get('pk_two')),
      'other keys stay',
    );

    await publish(topics[1]!, 'portfolioos.identity.MembershipRoleChanged', 'membership-1', ORG);
    await until(() => caches.every((cache) => !cache.get('pk_two')), "the organization's keys forgotten");

    remember('pk_three', 'key-three');
    await publish(topics[2]!, 'portfolioos.identity.UserDeactivated', 'user-1');
    await until(() => caches.every((cache) => !cache.get('pk_three')), 'everything forgotten');

    await workers[0]!.stop();
    remember('pk_four', 'key-four');
    assert.equal(caches[0]!.get('pk_four'), undefined, 'a stopped listener: the cache answers nothing');
    assert.ok(caches[1]!.get('pk_four'), 'the other replica still answers');
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
});
