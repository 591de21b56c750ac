import type { KafkaMessage, Message } from 'kafkajs';

/** Headers a dead-lettered record carries besides the original ones. */
export const deadLetterHeaders = {
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  error: 'dlq-error',
  attempts: 'dlq-attempts',
  group: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** Default dead-letter topic of a consumer group. */
export function deadLetterTopicOf(groupId: string): string {
  return `${groupId}.dlq`;
}

export interface DeadLetterInput {
  message: KafkaMessage;
  topic: string;
  partition: number;
  group: string;
  attempts: number;
  error: unknown;
}

/** The record to write to the dead-letter topic: the original key/value/headers plus where and why. */
export function deadLetterRecord(input: DeadLetterInput): Message {
  const reason =
    input.error instanceof Error ? `${input.error.name}: ${input.error.message}` : String(input.error);
  return {
    key: input.message.key,
    value: input.message.value,
    headers: {
      ...input.message.headers,
      [deadLetterHeaders.topic]: input.topic,
      [deadLetterHeaders.partition]: String(input.partition),
      [deadLetterHeaders.offset]: input.message.offset,
      [deadLetterHeaders.error]: reason.slice(0, 2000),
      [deadLetterHeaders.attempts]: String(input.attempts),
      [deadLetterHeaders.group]: input.group,
      [deadLetterHeaders.failedAt]: new Date().toISOString(),
    },
  };
}
