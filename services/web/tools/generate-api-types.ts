// npm run api:generate -w @portfolioos/web [-- --check]: the API client's types, from the OpenAPI
// document each running service serves at /openapi.json (openapi-typescript), into src/generated/.
// --check compares instead of writing and fails when a committed file is stale (e2e runs it against the
// services it starts). Service URLs default to the local ports; --identity-url / --listings-url / --search-url override them.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatedApiTypes, API_SOURCES } from './api-types.js';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'identity-url': { type: 'string' },
    'listings-url': { type: 'string' },
    'search-url': { type: 'string' },
  },
});
const stale: string[] = [];
for (const source of API_SOURCES) {
  const baseUrl = values[`${source.name}-url`] ?? source.defaultUrl;
  const target = fileURLToPath(new URL(`../src/generated/${source.name}-api.ts`, import.meta.url));
  const text = await generatedApiTypes(source.name, baseUrl);
  if (!values.check) {
    await writeFile(target, text);
    console.log(`wrote src/generated/${source.name}-api.ts from ${baseUrl}/openapi.json`);
  } else if ((await readFile(target, 'utf8').catch(() => '')) !== text) stale.push(source.name);
}
if (stale.length > 0) {
  console.error(`stale API types: ${stale.join(', ')}; run npm run api:generate -w @portfolioos/web`);
  process.exit(1);
}
