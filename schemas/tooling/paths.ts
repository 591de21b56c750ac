import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Root of the @portfolioos/schemas package. */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const avroDir = path.join(packageDir, 'avro');
export const catalogPath = path.join(packageDir, 'catalog.json');
export const readmePath = path.join(packageDir, 'README.md');
export const generatedDir = path.join(packageDir, 'src', 'generated');
