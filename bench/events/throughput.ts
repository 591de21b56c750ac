// bench:events' throughput figures: each stage alone, then relay and consumer together.
import { performance } from 'node:perf_hooks';
import {
  counterBatchHandler,
  counterStatementHandler,
  eventually,
  type Harness,
} from '@portfolioos/events/testing';
import { consumerOf, type ConsumerShape } from './consumers.js';
import { fillOutbox } from './fill-outbox.js';

/**
 * Each stage alone (relay draining a backlog to Kafka; consumer groups applying the full topic with
 * their inbox: statement handler, batch handler, per-event handlers), then relay and the statement
 * consumer at once on a fresh backlog: the pipeline rate is what a producer service → consumer service
 * path sustains, the stage rates show which side limits it.
 */
export async function measureThroughput(harness: Harness, events: number, relayBatchSize: number) {
  const relay = harness.relay({ batchSize: relayBatchSize });
  await fillOutbox(harness, 1, events);
  let started = performance.now();
  while ((await relay.relayBatch()) > 0);
  const relayRate = events / ((performance.now() - started) / 1000);

  let applied = 0;
  // Runs a consumer over the whole topic; each adds one effect row per event.
  const consumerAlone = async (shape: ConsumerShape, keepRunning = false) => {
    const consumer = consumerOf(harness, shape);
    await consumer.start();
    await consumer.joinedGroup();
    const t = performance.now();
    applied += events;
    await effectsReach(harness, applied);
    const rate = events / ((performance.now() - t) / 1000);
    if (!keepRunning) await consumer.stop();
    return { rate, consumer };
  };
  const statement = await consumerAlone({ statementHandler: counterStatementHandler() }, true);
  const batch = await consumerAlone({ batchHandler: counterBatchHandler() });
  const perEvent = await consumerAlone({});

  await fillOutbox(harness, events + 1, events);
  started = performance.now();
  await relay.start();
  await effectsReach(harness, applied + events);
  const pipelineRate = events / ((performance.now() - started) / 1000);
  await statement.consumer.stop();
  await relay.stop();
  return {
    relayRate,
    consumerRate: statement.rate,
    batchConsumerRate: batch.rate,
    perEventConsumerRate: perEvent.rate,
    pipelineRate,
  };
}

function effectsReach(harness: Harness, count: number) {
  return eventually(
    `${count} effects`,
    async () => {
      const { rows } = await harness.pool.query('select count(*)::int as n from counter_effects');
      return rows[0].n >= count;
    },
    300_000,
  );
}
