import { Kafka, logLevel } from 'kafkajs';
import { checkKafka } from '@portfolioos/events';
import type { ReadinessCheck } from '@portfolioos/service-kit';

/**
 * Readiness probe for Kafka that fails fast: its own client with no retries. Probes run every few seconds
 * with a short timeout; kafkajs' default retry loop (seconds of backoff per connection) would turn "Kafka
 * is down" into a timeout and pile up connection attempts. The client logs nothing: the probe's result
 * carries the error.
 */
export function kafkaReadiness(options: { clientId: string; brokers: string[] }): ReadinessCheck {
  const kafka = new Kafka({ ...options, retry: { retries: 0 }, logLevel: logLevel.NOTHING });
  return () => checkKafka(kafka);
}
