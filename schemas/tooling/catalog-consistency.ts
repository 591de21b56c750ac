import type { EventCatalog } from '../src/catalog-types.js';
import type { EventSchemaFile } from './load-schemas.js';
import type { Problem } from './problem.js';

const topicPattern = /^[a-z]+\.[a-z]+(-[a-z]+)*$/;

function keyProblem(file: EventSchemaFile, key: string): string | null {
  const field = file.schema.fields.find((candidate) => candidate.name === key);
  if (!field) return `has no key field ${key}`;
  const type = field.type;
  const isUuid =
    typeof type === 'object' && !Array.isArray(type) && 'logicalType' in type && type.logicalType === 'uuid';
  return isUuid ? null : `key field ${key} must be a required uuid string`;
}

/** Catalog and .avsc files agree: every listed event has a schema, every schema is on exactly one topic of its domain. */
export function checkCatalogConsistency(
  catalog: EventCatalog,
  schemas: readonly EventSchemaFile[],
): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map(schemas.map((file) => [file.fullName, file]));
  const topicsOf = new Map<string, string[]>();
  for (const [topic, spec] of Object.entries(catalog.topics)) {
    const domain = topic.split('.')[0];
    if (!topicPattern.test(topic))
      problems.push({ about: topic, reason: 'topic names are <domain>.<aggregate>' });
    if (spec.producer !== domain) {
      problems.push({ about: topic, reason: `producer ${spec.producer} does not own the ${domain} domain` });
    }
    if (spec.events.length === 0) problems.push({ about: topic, reason: 'topic lists no event types' });
    for (const eventType of spec.events) {
      topicsOf.set(eventType, [...(topicsOf.get(eventType) ?? []), topic]);
      const file = byName.get(eventType);
      if (!file) {
        problems.push({ about: topic, reason: `lists ${eventType} but there is no avro/**/*.avsc for it` });
        continue;
      }
      if (!eventType.startsWith(`portfolioos.${domain}.`)) {
        problems.push({
          about: file.relativePath,
          reason: `namespace does not match topic ${topic} (domain ${domain})`,
        });
      }
      const keyIssue = keyProblem(file, spec.key);
      if (keyIssue)
        problems.push({ about: file.relativePath, reason: `${keyIssue} (topic ${topic} is keyed by it)` });
    }
  }
  for (const file of schemas) {
    const topics = topicsOf.get(file.fullName) ?? [];
    if (topics.length !== 1) {
      const where =
        topics.length === 0 ? 'is on no topic in catalog.json' : `is on several topics: ${topics.join(', ')}`;
      problems.push({ about: file.relativePath, reason: `${file.fullName} ${where}` });
    }
  }
  return problems;
}
