// npm run api:generate -w @portfolioos/web [-- --check]: from the OpenAPI document each running service
// serves, the API client's types (openapi-typescript) into src/generated/<service>-api.ts, and the merged
// public document the web service serves at the ingress's /openapi.json into src/generated/public-openapi.json.
// --check compares instead of writing and fails when a committed file is stale (the e2e map-search test
// runs it against the services it starts). Service URLs default to the local ports; --<service>-url
// overrides one.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiDocument, API_SOURCES, formatted, generatedApiTypes, PUBLIC_SOURCES } from './api-types.js';
import { mergePublicOpenApi, type RouteTable } from './public-openapi.js';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    ...Object.fromEntries(PUBLIC_SOURCES.map((s) => [`${s.name}-url`, { type: 'string' as const }])),
  },
});
const overrides = values as Record<string, string | boolean | undefined>;
const urlOf = (source: { name: string; defaultUrl: string }) =>
  String(overrides[`${source.name}-url`] ?? source.defaultUrl);
const generated = (file: string) => fileURLToPath(new URL(`../src/generated/${file}`, import.meta.url));

const documents = Object.fromEntries(
  await Promise.all(
    PUBLIC_SOURCES.map(async (s) => [s.name, await apiDocument(`${urlOf(s)}${s.documentPath}`)] as const),
  ),
);
const outputs = new Map<string, string>();
for (const source of API_SOURCES)
  outputs.set(`${source.name}-api.ts`, await generatedApiTypes(source.name, documents[source.name]!));
const routes = JSON.parse(
  await readFile(new URL('../../../deploy/routes.json', import.meta.url), 'utf8'),
) as RouteTable;
const merged = mergePublicOpenApi(documents, routes, {
  title: 'PortfolioOS API',
  version: '1',
  description: 'The public API of every PortfolioOS service, as the ingress serves it.',
});
outputs.set('public-openapi.json', await formatted(JSON.stringify(merged), generated('public-openapi.json')));

const stale: string[] = [];
for (const [file, text] of outputs) {
  if (!values.check) {
    await writeFile(generated(file), text);
    console.log(`wrote src/generated/${file}`);
  } else if ((await readFile(generated(file), 'utf8').catch(() => '')) !== text) stale.push(file);
}
if (stale.length > 0) {
  console.error(`stale: ${stale.join(', ')}; run npm run api:generate -w @portfolioos/web`);
  process.exit(1);
}
