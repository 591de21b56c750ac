import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AvroSerde,
  createKafka,
  deadLetterTopicOf,
  envelopeToHeaders,
  ensureTopics,
} from '@portfolioos/events';
import type { OrganizationCreated } from '@portfolioos/schemas';
import { stack, uniqueName } from '@portfolioos/testing';
import { organizationEventsReading } from '../src/events.js';
import { createOrganizationsConsumer } from '../src/organizations/organizations-consumer.js';
import { createPaymentsHarness, type PaymentsHarness } from './support/harness.js';

const ORGANIZATION_CREATED = 'portfolioos.identity.OrganizationCreated';
const silent = { info() {}, warn() {}, error() {} };

describe('the organizations consumer on the real Kafka and registry', () => {
  let h: PaymentsHarness;
  const topic = uniqueName('test.identity.organization');
  const groupId = uniqueName('payments-organizations-test');
  const kafka = createKafka({ clientId: 'payments-test', brokers: [...stack.kafkaBrokers], logger: silent });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const serde = new AvroSerde(stack.schemaRegistryUrl, organizationEventsReading(topic));
  before(async () => {
    h = await createPaymentsHarness();
    await ensureTopics(kafka, [{ topic }]);
    await serde.register(ORGANIZATION_CREATED);
    await producer.connect();
  });
  after(async () => {
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic, deadLetterTopicOf(groupId)] }).catch(() => undefined);
    await admin.disconnect();
    await h.close();
  });

  test('an OrganizationCreated is applied once, however often it is delivered', async () => {
    const consumer = createOrganizationsConsumer({
      brokers: [...stack.kafkaBrokers],
      schemaRegistryUrl: stack.schemaRegistryUrl,
      topic,
      groupId,
      db: h.handle.db,
      logger: silent,
    });
    await consumer.worker.start();
    after(() => consumer.worker.stop());
    await consumer.joined();

    const orgId = crypto.randomUUID();
    const event: OrganizationCreated = {
      organization_id: orgId,
      occurred_at: Date.now(),
      name: 'Maple Street Rentals',
      slug: 'maple-street-rentals',
      default_currency: 'USD',
      timezone: 'America/Chicago',
      country: 'US',
      created_by_user_id: crypto.randomUUID(),
    };
    const headers = envelopeToHeaders({
      eventId: crypto.randomUUID(),
      eventType: ORGANIZATION_CREATED,
      source: 'identity',
      occurredAt: new Date(event.occurred_at),
      organizationId: orgId,
      traceparent: null,
      tracestate: null,
    });
    const value = await serde.encode(ORGANIZATION_CREATED, event);
    // The same event twice: a redelivery.
    const message = { key: orgId, value, headers };
    await producer.send({ topic, acks: -1, messages: [message, message] });

    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await h.admin.query(
        `select (select count(*)::int from organizations where id = $1) as orgs,
                (select count(*)::int from inbox where consumer = $2) as applied`,
        [orgId, groupId],
      );
      if (rows[0]?.orgs === 1 && rows[0]?.applied === 1) break;
      assert.ok(Date.now() < deadline, `not applied: ${JSON.stringify(rows[0])}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { rows } = await h.admin.query('select name from organizations where id = $1', [orgId]);
    assert.deepEqual(rows, [{ name: 'Maple Street Rentals' }]);
  });
});
