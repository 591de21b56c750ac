import kafkajs from 'kafkajs';
import { loadCatalog } from '../tooling/load-catalog.js';
import { loadEventSchemas } from '../tooling/load-schemas.js';
import { SchemaRegistryClient, waitForRegistry } from '../tooling/registry-client.js';
import { registerSchemas } from '../tooling/register-schemas.js';
import { catalogSubjects } from '../tooling/schema-subjects.js';
import { ensureTopics } from '../tooling/topic-admin.js';
import { readEnvironment } from './environment.js';

const { Kafka, logLevel } = kafkajs;
const environment = readEnvironment();
const { schemas, errors } = loadEventSchemas();
if (errors.length > 0) {
  for (const error of errors) console.error(`✗ ${error.relativePath}: ${error.reason}`);
  process.exit(1);
}
const catalog = loadCatalog();

const kafka = new Kafka({
  clientId: 'schemas-register',
  brokers: [...environment.kafkaBrokers],
  logLevel: logLevel.WARN,
});
const admin = kafka.admin();
await admin.connect();
try {
  for (const line of await ensureTopics(admin, catalog, environment.replicationFactor)) console.log(line);
} finally {
  await admin.disconnect();
}

const registry = new SchemaRegistryClient(environment.registryUrl);
const unreachable = await waitForRegistry(registry, 60_000);
if (unreachable !== null) {
  console.error(`✗ schema registry unreachable at ${environment.registryUrl}: ${unreachable}`);
  process.exit(1);
}
const subjects = catalogSubjects(catalog, schemas);
for (const line of await registerSchemas(registry, subjects)) console.log(line);
console.log(
  `schemas:register done: ${Object.keys(catalog.topics).length} topics, ${subjects.length} subjects`,
);
