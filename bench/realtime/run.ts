// npm run bench:realtime — the socket.io gateway under N concurrent sockets (BENCH_SOCKETS, default 5,000)
// on loopback: listing change → client latency (Kafka produce → the client's handler, consumed by the
// gateway, fanned out to every socket watching the viewport) with one gateway process, then two behind
// Redis (half the sockets on each, one consuming), and RSS per 1,000 sockets. Run `npm run stack:up` first.
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';

import { createThrowawayDatabase, freePort, stack, uniqueName } from '@portfolioos/testing';
import { report } from '../lib/report.js';
import { quantile } from '../lib/stats.js';
import { startGateway, type GatewayProcess } from './gateways.js';
import { listingEvents, type ListingEvents } from './listing-events.js';
import { openViewers } from './sockets.js';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 5_000);
const EVENTS = Number(process.env.BENCH_REALTIME_EVENTS ?? 40);
const RATE = Number(process.env.BENCH_REALTIME_RATE ?? 10);

interface ScenarioResult {
  p50: number;
  p99: number;
  rssPer1k: number;
  connectMs: number;
}

async function scenario(
  gatewayCount: 1 | 2,
  events: ListingEvents,
  databaseUrl: string,
): Promise<ScenarioResult> {
  const env = {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl,
    LISTINGS_TOPIC: events.topic,
    LISTINGS_GROUP_ID: uniqueName('realtime-bench'),
    NOTIFICATIONS_TOPIC: events.notificationsTopic,
    NOTIFICATIONS_GROUP_ID: uniqueName('realtime-bench-notifications'),
    SOCKET_IO_REDIS_PREFIX: uniqueName('realtime-bench').toLowerCase(),
  };
  const gateways: GatewayProcess[] = [];
  try {
    gateways.push(await startGateway(await freePort(), { ...env, CONSUMERS_ENABLED: 'true' }));
    if (gatewayCount === 2)
      gateways.push(await startGateway(await freePort(), { ...env, CONSUMERS_ENABLED: 'false' }));
    const rssBefore = gateways.reduce((sum, g) => sum + g.rssKb(), 0);
    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    let warmReceipts = 0;
    const connectStarted = performance.now();
    const sockets = await openViewers(
      gateways.map((g) => g.url),
      SOCKETS,
      (version) => {
        const sent = sentAt.get(version);
        if (sent === undefined) warmReceipts += 1;
        else latencies.push(performance.now() - sent);
      },
    );
    const connectMs = performance.now() - connectStarted;
    const rssPer1k = ((gateways.reduce((sum, g) => sum + g.rssKb(), 0) - rssBefore) / SOCKETS) * 1000;
    try {
      // Warm-up (and proof the consumer group has joined: a new group starts at the newest event).
      const deadline = Date.now() + 90_000;
      while (warmReceipts < SOCKETS && Date.now() < deadline) {
        warmReceipts = 0;
        await events.publish(0);
        const settle = Date.now() + 3_000;
        while (warmReceipts < SOCKETS && Date.now() < settle) await new Promise((r) => setTimeout(r, 50));
      }
      if (warmReceipts < SOCKETS) throw new Error(`warm-up reached ${warmReceipts}/${SOCKETS} sockets`);
      for (let version = 1; version <= EVENTS; version += 1) {
        sentAt.set(version, performance.now());
        await events.publish(version);
        await new Promise((r) => setTimeout(r, 1000 / RATE));
      }
      const expected = SOCKETS * EVENTS;
      const end = Date.now() + 60_000;
      while (latencies.length < expected && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      if (latencies.length < expected)
        console.warn(`only ${latencies.length}/${expected} deliveries arrived`);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
    return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), rssPer1k, connectMs };
  } finally {
    for (const gateway of gateways.reverse()) await gateway.stop();
  }
}

const database = await createThrowawayDatabase('realtime_bench');
const events = await listingEvents();
try {
  const one = await scenario(1, events, database.url);
  const two = await scenario(2, events, database.url);
  report(
    'realtime',
    [
      { name: 'event → client p50, one gateway', unit: 'ms', value: one.p50 },
      {
        name: 'event → client p99, one gateway',
        unit: 'ms',
        value: one.p99,
        target: { kind: 'max', value: 100 },
      },
      { name: 'event → client p50, two gateways', unit: 'ms', value: two.p50 },
      { name: 'event → client p99, two gateways', unit: 'ms', value: two.p99 },
      { name: 'p99 two / one', unit: '×', value: two.p99 / one.p99, target: { kind: 'max', value: 1.3 } },
      { name: 'RSS per 1k sockets, one gateway', unit: 'MiB', value: one.rssPer1k / 1024 },
      { name: `connect + subscribe ${SOCKETS} sockets, one gateway`, unit: 's', value: one.connectMs / 1000 },
    ],
    { sockets: SOCKETS, events: EVENTS, rate_per_s: RATE, run: randomUUID().slice(0, 8) },
  );
} finally {
  await events.close();
  await database.drop();
}
