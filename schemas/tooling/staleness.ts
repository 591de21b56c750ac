import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EventCatalog } from '../src/catalog-types.js';
import { renderGeneratedFiles } from './generated-files.js';
import type { EventSchemaFile } from './load-schemas.js';
import { packageDir } from './paths.js';
import type { Problem } from './problem.js';

/** Generated files (TypeScript, README table) that differ from what `npm run generate` would write. */
export async function staleGeneratedFiles(
  catalog: EventCatalog,
  schemas: readonly EventSchemaFile[],
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [filePath, content] of await renderGeneratedFiles(catalog, schemas)) {
    const current = existsSync(filePath) ? readFileSync(filePath, 'utf8') : null;
    if (current !== content) {
      problems.push({
        about: path.relative(packageDir, filePath),
        reason: current === null ? 'missing: run npm run generate' : 'stale: run npm run generate',
      });
    }
  }
  return problems;
}
