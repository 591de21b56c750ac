// The public API as one OpenAPI document: every service's /openapi.json merged, served by the web service
// at the ingress's /openapi.json. Merging refuses what would make the document lie: a path two services
// both declare, a path the route table (deploy/routes.json) sends to another service than the one that
// declares it, and a component schema name two services use for different schemas.
import { isDeepStrictEqual } from 'node:util';

/** The parts of an OpenAPI 3.1 document the merge reads and writes. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, { tags?: string[] } & Record<string, unknown>>>;
  components?: { schemas?: Record<string, unknown> } & Record<string, unknown>;
}

export interface RouteTable {
  routes: { prefix: string; service: string }[];
}

/** Which service the ingress sends `path` to: the longest matching prefix ('/x' matches '/x' and '/x/...'). */
export function routedService(table: RouteTable, path: string): string | undefined {
  const matches = table.routes.filter(
    ({ prefix }) => prefix === '/' || path === prefix || path.startsWith(`${prefix}/`),
  );
  return matches.sort((a, b) => b.prefix.length - a.prefix.length)[0]?.service;
}

// Per-service operations (probes, metrics) are not part of the public API; /internal/ is never routed.
const isOps = (operation: { tags?: string[] }) => operation.tags?.includes('ops') ?? false;

/** Merges the services' documents (by service name) into the public one; throws naming every conflict. */
export function mergePublicOpenApi(
  documents: Record<string, OpenApiDocument>,
  table: RouteTable,
  info: OpenApiDocument['info'],
): OpenApiDocument {
  const conflicts: string[] = [];
  const paths: NonNullable<OpenApiDocument['paths']> = {};
  const owners = new Map<string, string>();
  const schemas: Record<string, unknown> = {};
  const schemaOwners = new Map<string, string>();
  const tags = new Map<string, { name: string; description?: string }>();
  for (const [service, document] of Object.entries(documents)) {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (path.startsWith('/internal/')) continue;
      const operations = Object.entries(item).filter(([, operation]) => !isOps(operation));
      if (operations.length === 0) continue;
      const routed = routedService(table, path.replace(/\{[^}]+\}/g, 'x'));
      if (routed !== service)
        conflicts.push(
          `${path} is declared by ${service} but the ingress routes it to ${routed ?? 'nothing'}`,
        );
      const owner = owners.get(path);
      if (owner) conflicts.push(`${path} is declared by both ${owner} and ${service}`);
      owners.set(path, service);
      paths[path] = Object.fromEntries(operations);
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      const owner = schemaOwners.get(name);
      if (owner && !isDeepStrictEqual(schemas[name], schema))
        conflicts.push(`schema ${name} differs between ${owner} and ${service}`);
      schemaOwners.set(name, owner ?? service);
      schemas[name] = schema;
    }
    for (const tag of document.tags ?? []) if (tag.name !== 'ops') tags.set(tag.name, tag);
  }
  if (conflicts.length > 0)
    throw new Error(`the public OpenAPI cannot be merged:\n  ${conflicts.join('\n  ')}`);
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.1.0',
    info,
    tags: [...tags.values()].sort((a, b) => a.name.localeCompare(b.name)),
    paths: sortedPaths,
    ...(Object.keys(schemas).length > 0 ? { components: { schemas } } : {}),
  };
}
