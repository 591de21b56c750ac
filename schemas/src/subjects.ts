/**
 * Registry subject of an event type on a topic (TopicRecordNameStrategy): `<topic>-<record full name>`.
 * Several event types share one topic, each evolving under its own subject.
 */
export function subjectName(topic: string, recordFullName: string): string {
  return `${topic}-${recordFullName}`;
}
