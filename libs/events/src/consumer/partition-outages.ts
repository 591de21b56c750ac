import type { EachBatchPayload } from 'kafkajs';
import { backoffDelay } from '../backoff.js';
import type { EventsMetrics } from '../events-metrics.js';
import type { EventsLogger } from '../outbox/outbox-relay.js';

export interface PartitionOutagesOptions {
  group: string;
  minDelayMs: number;
  maxDelayMs: number;
  logger: EventsLogger;
  metrics?: EventsMetrics;
}

/**
 * Pauses partitions whose records failed because a dependency is down, and resumes each after a
 * backoff that grows while its outage lasts. A paused partition keeps its place: the records not yet
 * resolved are fetched again on resume. Other partitions go on meanwhile.
 */
export class PartitionOutages {
  private readonly consecutive = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: PartitionOutagesOptions) {}

  /** Pauses the batch's partition (call it, then return from eachBatch). */
  pause(payload: EachBatchPayload, error: unknown): void {
    const { topic, partition } = payload.batch;
    const key = `${topic}:${partition}`;
    const outages = (this.consecutive.get(key) ?? 0) + 1;
    this.consecutive.set(key, outages);
    const retryInMs = backoffDelay(outages - 1, this.options.minDelayMs, this.options.maxDelayMs);
    this.options.logger.warn(
      { err: error, topic, partition, outages, retryInMs },
      'dependency unavailable; partition paused (nothing is dead-lettered for an outage)',
    );
    this.options.metrics?.outagePauses.inc({ group: this.options.group, topic });
    const resume = payload.pause();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      resume();
    }, retryInMs);
    this.timers.add(timer);
  }

  /** The partition applied a chunk: its next outage starts from the shortest backoff again. */
  recovered(topic: string, partition: number): void {
    this.consecutive.delete(`${topic}:${partition}`);
  }

  /** Drops pending resumes (the consumer is stopping). */
  cancel(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
