import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { renderGeneratedFiles } from '../tooling/generated-files.js';
import { loadCatalog } from '../tooling/load-catalog.js';
import { loadEventSchemas } from '../tooling/load-schemas.js';
import { packageDir } from '../tooling/paths.js';

const { schemas, errors } = loadEventSchemas();
if (errors.length > 0) {
  for (const error of errors) console.error(`✗ ${error.relativePath}: ${error.reason}`);
  process.exit(1);
}
const files = await renderGeneratedFiles(loadCatalog(), schemas);
for (const [filePath, content] of files) {
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, content);
  console.log(`wrote ${path.relative(packageDir, filePath)}`);
}
console.log(`generated types for ${schemas.length} event schemas`);
