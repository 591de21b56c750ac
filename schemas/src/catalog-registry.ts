import { EventRegistry, type AvroSchemaJson } from '@portfolioos/events';
import { eventSchemas } from './generated/event-schemas.js';
import { eventTopics, type EventPayloads, type TopicName } from './generated/event-map.js';

// The generated schemas are deeply readonly; avsc's Schema type is not (same JSON, different
// mutability). This is the one place the two meet.
const schemas = eventSchemas as unknown as Readonly<Record<string, AvroSchemaJson>>;

/**
 * Every catalogued event type with its schema and topic, as the event backbone reads them. `topics`
 * renames catalog topics (e.g. `{ 'leasing.lease': config.LEASES_TOPIC }`), moving every event type on
 * such a topic with it: tests and isolated environments read and write their own topics.
 */
export function catalogRegistry(
  topics: Partial<Record<TopicName, string>> = {},
): EventRegistry<EventPayloads> {
  const renamed: Record<string, string> = {};
  for (const [type, topic] of Object.entries(eventTopics)) {
    renamed[type] = topics[topic as TopicName] ?? topic;
  }
  return new EventRegistry<EventPayloads>(schemas, renamed);
}
