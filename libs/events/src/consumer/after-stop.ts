import type { EachBatchHandler, EachBatchPayload } from 'kafkajs';

/**
 * kafkajs can go on handing batches to a consumer after `disconnect()`: a restart after a crash that
 * was in flight when it was disconnected rejoins the group and runs again (tulios/kafkajs#1639). A
 * stopping EventConsumer returns from such a batch without resolving anything, and kafkajs fetches the
 * same records again at once, for ever: a busy loop (Kafka round trips and record decoding) that also
 * keeps the process from exiting. So once `signal` has aborted, a batch is not handled: its partition
 * is paused (kafkajs stops fetching it) and the consumer is disconnected again, after this batch
 * returns (kafkajs' disconnect waits for the batch in flight).
 */
export function refusingAfterStop(
  eachBatch: EachBatchHandler,
  signal: AbortSignal,
  disconnect: () => Promise<void>,
): EachBatchHandler {
  return async (payload: EachBatchPayload) => {
    if (!signal.aborted) return eachBatch(payload);
    payload.pause();
    setImmediate(() => void disconnect().catch(() => {}));
  };
}
