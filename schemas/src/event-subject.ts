import { eventTopics, type EventType } from './generated/event-map.js';
import { subjectName } from './subjects.js';

/** Registry subject of an event type on its catalog topic, e.g. `leasing.lease-portfolioos.leasing.LeaseSigned`. */
export function eventSubject(eventType: EventType): string {
  return subjectName(eventTopics[eventType], eventType);
}
