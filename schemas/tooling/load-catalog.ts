import { readFileSync } from 'node:fs';
import { serviceNames, type EventCatalog, type ServiceName, type TopicSpec } from '../src/catalog-types.js';
import { catalogPath } from './paths.js';

function fail(where: string, reason: string): never {
  throw new Error(`catalog.json: ${where}: ${reason}`);
}

function isService(value: unknown): value is ServiceName {
  return typeof value === 'string' && (serviceNames as readonly string[]).includes(value);
}

function stringArray(where: string, value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    fail(where, 'must be an array of strings');
  }
  return value;
}

function parseTopic(topic: string, raw: unknown): TopicSpec {
  if (typeof raw !== 'object' || raw === null) fail(topic, 'must be an object');
  const spec = raw as Record<string, unknown>;
  const { description, key, partitions, cleanup_policy, retention_ms, producer } = spec;
  if (typeof description !== 'string') fail(topic, 'description must be a string');
  if (typeof key !== 'string') fail(topic, 'key must be a field name');
  if (!Number.isInteger(partitions) || (partitions as number) < 1) fail(topic, 'partitions must be >= 1');
  if (cleanup_policy !== 'delete' && cleanup_policy !== 'compact')
    fail(topic, 'cleanup_policy must be delete|compact');
  if (!Number.isInteger(retention_ms) || (retention_ms as number) < -1)
    fail(topic, 'retention_ms must be -1 or >= 0');
  if (!isService(producer)) fail(topic, `producer must be one of ${serviceNames.join(', ')}`);
  const consumers = stringArray(`${topic}.consumers`, spec.consumers);
  const unknown = consumers.filter((consumer) => !isService(consumer));
  if (unknown.length > 0) fail(topic, `unknown consumer service(s): ${unknown.join(', ')}`);
  return {
    description,
    key,
    partitions: partitions as number,
    cleanup_policy,
    retention_ms: retention_ms as number,
    producer,
    consumers: consumers as ServiceName[],
    events: stringArray(`${topic}.events`, spec.events),
  };
}

/** Validates the shape of a parsed catalog.json; throws naming the offending topic and field. */
export function parseCatalog(raw: unknown): EventCatalog {
  if (typeof raw !== 'object' || raw === null) fail('root', 'must be an object');
  const { $comment, topics } = raw as { $comment?: unknown; topics?: unknown };
  if (typeof topics !== 'object' || topics === null) fail('root', 'topics must be an object');
  const parsed: Record<string, TopicSpec> = {};
  for (const [topic, spec] of Object.entries(topics)) parsed[topic] = parseTopic(topic, spec);
  return typeof $comment === 'string' ? { $comment, topics: parsed } : { topics: parsed };
}

/** Reads and validates schemas/catalog.json. */
export function loadCatalog(): EventCatalog {
  return parseCatalog(JSON.parse(readFileSync(catalogPath, 'utf8')));
}
