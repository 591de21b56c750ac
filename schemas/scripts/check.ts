import { checkCatalogConsistency } from '../tooling/catalog-consistency.js';
import { checkAgainstCommitted } from '../tooling/committed-compatibility.js';
import { checkConventions } from '../tooling/conventions.js';
import { loadCatalog } from '../tooling/load-catalog.js';
import { loadEventSchemas } from '../tooling/load-schemas.js';
import type { Problem } from '../tooling/problem.js';
import { SchemaRegistryClient, waitForRegistry } from '../tooling/registry-client.js';
import { checkAgainstRegistry } from '../tooling/registry-compatibility.js';
import { catalogSubjects } from '../tooling/schema-subjects.js';
import { staleGeneratedFiles } from '../tooling/staleness.js';
import { readEnvironment } from './environment.js';

const environment = readEnvironment();
const problems: Problem[] = [];
const notes: string[] = [];

const { schemas, errors } = loadEventSchemas();
problems.push(...errors.map(({ relativePath, reason }) => ({ about: relativePath, reason })));
const catalog = loadCatalog();
problems.push(...checkCatalogConsistency(catalog, schemas));
problems.push(...schemas.flatMap(checkConventions));
if (errors.length === 0) {
  try {
    problems.push(...(await staleGeneratedFiles(catalog, schemas)));
  } catch (error) {
    problems.push({ about: 'src/generated', reason: (error as Error).message });
  }
}

const committed = checkAgainstCommitted(schemas);
problems.push(...committed.problems);
notes.push(
  committed.skippedReason
    ? `git: skipped (${committed.skippedReason})`
    : `git HEAD: ${committed.compared} compared, ${committed.added} new`,
);

const registry = new SchemaRegistryClient(environment.registryUrl, 5_000);
const unreachable = await waitForRegistry(registry, environment.registryRequired ? 60_000 : 1_500);
if (unreachable === null) {
  const result = await checkAgainstRegistry(registry, catalogSubjects(catalog, schemas));
  problems.push(...result.problems);
  notes.push(
    `registry: ${result.checked - result.unregistered} compared, ${result.unregistered} not yet registered`,
  );
} else if (environment.registryRequired) {
  problems.push({
    about: environment.registryUrl,
    reason: `schema registry required but unreachable: ${unreachable}`,
  });
} else {
  notes.push(`registry: skipped (unreachable at ${environment.registryUrl}; pass --registry to require it)`);
}

for (const { about, reason } of problems) console.error(`✗ ${about}: ${reason}`);
const verdict = problems.length === 0 ? 'OK' : `FAILED (${problems.length} problem(s))`;
console.log(
  `schemas:check ${verdict}: ${schemas.length} schemas, ${Object.keys(catalog.topics).length} topics; ${notes.join('; ')}`,
);
process.exit(problems.length === 0 ? 0 : 1);
