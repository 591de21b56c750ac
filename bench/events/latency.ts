// bench:events' latency figure: commit → applied at a paced offered rate, relay and consumer running.
import { performance } from 'node:perf_hooks';
import { eventually, type Harness } from '@portfolioos/events/testing';
import { benchAppliedDdl, consumerOf, timedStatementHandler } from './consumers.js';

/**
 * Commit → applied, with `events` offered at `rate` per second by a few concurrent writers while relay
 * and consumer run. The relay is nudged after each commit (`nudge`) or finds the row on its 50 ms poll.
 * "Applied" is when the consumer's statement wrote the effect (clock_timestamp() in that statement).
 */
export async function measureLatency(harness: Harness, events: number, rate: number, nudge: boolean) {
  await harness.pool.query(benchAppliedDdl);
  const consumer = consumerOf(harness, { statementHandler: timedStatementHandler(), fromBeginning: false });
  await consumer.start();
  await consumer.joinedGroup();
  const relay = harness.relay();
  await relay.start();
  const writers = 4;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = w; i < events; i += writers) {
        // Paced: event i is due at i / rate seconds; a writer that falls behind writes at once.
        const due = started + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await harness.enqueueCounter(`lat-${i % 10}`, [i]);
        // As a service does after a committed write; without it the relay finds the row on its next poll.
        if (nudge) relay.nudge();
      }
    }),
  );
  const offered = events / ((performance.now() - started) / 1000);
  const applied = async () =>
    (await harness.pool.query('select count(*)::int as n from bench_applied')).rows[0].n as number;
  await eventually('latency events applied', async () => (await applied()) >= events, 120_000);
  await consumer.stop();
  await relay.stop();
  const { rows } = await harness.pool.query<{ p50: number; p99: number }>(
    `select percentile_disc(0.5) within group (order by ms) as p50,
            percentile_disc(0.99) within group (order by ms) as p99
       from (select extract(epoch from applied_at - occurred_at) * 1000 as ms from bench_applied) as l`,
  );
  return { p50: Number(rows[0]!.p50), p99: Number(rows[0]!.p99), rate: offered };
}
