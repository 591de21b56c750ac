import type { Problem } from './problem.js';
import type { SchemaRegistryClient } from './registry-client.js';
import type { CatalogSubject } from './schema-subjects.js';

/** Asks the registry whether each schema is compatible with the latest version of its subject (new subjects pass). */
export async function checkAgainstRegistry(
  client: SchemaRegistryClient,
  subjects: readonly CatalogSubject[],
): Promise<{ problems: Problem[]; checked: number; unregistered: number }> {
  const problems: Problem[] = [];
  let unregistered = 0;
  for (const { subject, file, schemaText } of subjects) {
    const result = await client.testCompatibility(subject, schemaText);
    if (result === null) unregistered += 1;
    else if (!result.compatible) {
      const detail = result.messages.length > 0 ? `: ${result.messages.join('; ')}` : '';
      problems.push({
        about: file.relativePath,
        reason: `registry subject ${subject} refuses it as incompatible${detail}`,
      });
    }
  }
  return { problems, checked: subjects.length, unregistered };
}
