import type { CatalogSubject } from './schema-subjects.js';
import type { SchemaRegistryClient } from './registry-client.js';

/**
 * Registers every subject's schema (idempotent: an already registered schema is left alone) and makes the
 * subject's compatibility BACKWARD. The level is set after the first version because some registries
 * (Apicurio) only keep per-subject config for subjects that exist. Returns one line per subject.
 */
export async function registerSchemas(
  client: SchemaRegistryClient,
  subjects: readonly CatalogSubject[],
): Promise<string[]> {
  const report: string[] = [];
  for (const { subject, schemaText } of subjects) {
    const existingVersion = await client.lookupVersion(subject, schemaText);
    const action =
      existingVersion === null
        ? `registered (schema id ${await client.register(subject, schemaText)})`
        : `unchanged (version ${existingVersion})`;
    const level = await client.getCompatibility(subject);
    if (level !== 'BACKWARD') await client.setCompatibility(subject, 'BACKWARD');
    report.push(
      `subject ${subject}: ${action}${level === 'BACKWARD' ? '' : ', compatibility set to BACKWARD'}`,
    );
  }
  return report;
}
