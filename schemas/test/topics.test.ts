import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import kafkajs from 'kafkajs';
import { loadCatalog } from '../tooling/load-catalog.js';
import { ensureTopics } from '../tooling/topic-admin.js';

// Kafka is a required part of the stack: this fails (never skips) when it is down.
const kafka = new kafkajs.Kafka({
  clientId: 'schemas-test',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: kafkajs.logLevel.NOTHING,
  retry: { retries: 8 },
});
const admin = kafka.admin();

describe('catalog topics on the real Kafka', () => {
  before(() => admin.connect());
  after(() => admin.disconnect());

  it('are created or left alone, idempotently, with the catalog config', async () => {
    const catalog = loadCatalog();
    await ensureTopics(admin, catalog);
    const second = await ensureTopics(admin, catalog);
    assert.deepEqual(
      second.filter((line) => !line.endsWith(': unchanged')),
      [],
    );
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        {
          type: kafkajs.ConfigResourceTypes.TOPIC,
          name: 'listings.listing',
          configNames: ['cleanup.policy'],
        },
      ],
    });
    assert.equal(described.resources[0]?.configEntries[0]?.configValue, 'compact');
  });
});
