import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import type { EventCatalog } from '../src/catalog-types.js';
import type { EventSchemaFile } from './load-schemas.js';
import { generatedDir, readmePath } from './paths.js';
import { renderCatalogTable, replaceCatalogTable } from './readme-table.js';
import { renderTypesModule } from './typescript-types.js';
import { renderCatalogModule, renderEventMapModule, renderEventSchemasModule } from './typescript-runtime.js';

const header =
  '// generated — do not edit. Source: schemas/avro/**, schemas/catalog.json.\n' +
  '// Regenerate with `npm run generate -w @portfolioos/schemas`.\n\n';

async function formatted(filePath: string, source: string): Promise<string> {
  const options = (await prettier.resolveConfig(filePath)) ?? {};
  return prettier.format(source, { ...options, filepath: filePath });
}

/** Every generated file (absolute path → content), formatted like the repository; README gets its catalog table. */
export async function renderGeneratedFiles(
  catalog: EventCatalog,
  schemas: readonly EventSchemaFile[],
): Promise<Map<string, string>> {
  const types = renderTypesModule(schemas);
  if (types.conflicts.length > 0) throw new Error(`named type conflicts:\n  ${types.conflicts.join('\n  ')}`);
  const modules: Record<string, string> = {
    'types.ts': types.code,
    'event-map.ts': renderEventMapModule(catalog),
    'event-schemas.ts': renderEventSchemasModule(schemas),
    'catalog.ts': renderCatalogModule(catalog),
  };
  const files = new Map<string, string>();
  for (const [name, code] of Object.entries(modules)) {
    const filePath = path.join(generatedDir, name);
    files.set(filePath, await formatted(filePath, header + code));
  }
  const readme = replaceCatalogTable(readFileSync(readmePath, 'utf8'), renderCatalogTable(catalog));
  files.set(readmePath, await formatted(readmePath, readme));
  return files;
}
