// A consumer in its own process, so a test can kill it with SIGKILL mid-batch.
// argv: databaseUrl topic groupId; each effect is slowed down so the kill lands mid-stream.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { stack } from '@portfolioos/testing';
import {
  AvroSerde,
  createKafka,
  EventConsumer,
  EventRegistry,
  type HandlerTransaction,
} from '../../src/index.js';
import { recordCounterEffect } from './counter-handler.js';
import { silentLogger } from './harness.js';
import { COUNTER_INCREMENTED, counterIncrementedSchema, type TestEvents } from './test-events.js';

const [databaseUrl, topic, groupId] = process.argv.slice(2) as [string, string, string];
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const events = new EventRegistry<TestEvents>(
  { [COUNTER_INCREMENTED]: counterIncrementedSchema },
  { [COUNTER_INCREMENTED]: topic },
);
const consumer = new EventConsumer<TestEvents, HandlerTransaction>({
  kafka: createKafka({
    clientId: 'crash-test-child',
    brokers: [...stack.kafkaBrokers],
    logger: silentLogger,
  }),
  groupId,
  db: drizzle(pool),
  events,
  serde: new AvroSerde(stack.schemaRegistryUrl, events),
  handlers: {
    [COUNTER_INCREMENTED]: async (event, tx) => {
      await new Promise((r) => setTimeout(r, 5));
      await recordCounterEffect(event, tx);
    },
  },
  logger: silentLogger,
  sessionTimeoutMs: 6000,
  chunkSize: 20,
});
await consumer.start();
process.stdout.write('started\n');
