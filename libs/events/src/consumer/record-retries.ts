import type { KafkaMessage } from 'kafkajs';
import pRetry, { AbortError } from 'p-retry';
import { MalformedEventError } from '../envelope.js';
import type { EventsLogger } from '../outbox/outbox-relay.js';
import type { ConsumedRecord } from './consumed-event.js';
import { classifyFailure } from './failure-kind.js';

/** How applying one record alone ended. */
export type RecordOutcome =
  | { kind: 'applied' }
  | { kind: 'failed'; attempts: number; error: unknown }
  | { kind: 'outage'; error: unknown }
  | { kind: 'stopping' };

export interface RecordRetryOptions {
  maxAttempts: number;
  minDelayMs: number;
  maxDelayMs: number;
  signal: AbortSignal;
  logger: EventsLogger;
  heartbeat(): Promise<void>;
}

/**
 * Applies one record alone (`apply`) with bounded retries. Only the event's own failures count as
 * attempts: an infrastructure failure ends the retries at once as an `outage` (the caller pauses the
 * partition and tries again later, attempts afresh); a record that is not an event of ours fails at once.
 */
export async function applyWithRetries(
  topic: string,
  partition: number,
  message: KafkaMessage,
  apply: (message: KafkaMessage) => Promise<ConsumedRecord<object>[] | void>,
  options: RecordRetryOptions,
): Promise<RecordOutcome> {
  let attempts = 0;
  let outage: { error: unknown } | null = null;
  try {
    await pRetry(
      async () => {
        try {
          await apply(message);
        } catch (error) {
          if (classifyFailure(error) === 'infrastructure') {
            outage = { error };
            throw new AbortError(error instanceof Error ? error : new HandlerFailure(error));
          }
          attempts += 1;
          if (error instanceof MalformedEventError) throw new AbortError(error);
          throw error instanceof Error && error.name !== 'TypeError' ? error : new HandlerFailure(error);
        }
      },
      {
        retries: options.maxAttempts - 1,
        minTimeout: options.minDelayMs,
        maxTimeout: options.maxDelayMs,
        randomize: true,
        signal: options.signal,
        onFailedAttempt: async ({ error, attemptNumber }) => {
          options.logger.warn(
            { err: error, topic, partition, offset: message.offset, attemptNumber },
            'event failed',
          );
          await options.heartbeat();
        },
      },
    );
    return { kind: 'applied' };
  } catch (error) {
    if (options.signal.aborted) return { kind: 'stopping' };
    if (outage) return { kind: 'outage', error: (outage as { error: unknown }).error };
    return { kind: 'failed', attempts, error: error instanceof HandlerFailure ? error.cause : error };
  }
}

/** Wraps a non-Error or TypeError throw so it is retried like any other handler failure. */
class HandlerFailure extends Error {
  override readonly name = 'HandlerFailure';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
