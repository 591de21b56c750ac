import type { FastifyInstance } from 'fastify';

// The parts of JSON Schema that can nest an object schema.
interface SchemaNode {
  type?: unknown;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: unknown;
  items?: SchemaNode | SchemaNode[];
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

/**
 * Refuses at boot any route whose body schema has an object that does not say `additionalProperties`, so
 * "unknown body properties are rejected" cannot be forgotten route by route.
 */
export function requireStrictBodies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const body = route.schema?.body as SchemaNode | undefined;
    const loose = body ? findLooseObject(body, 'body') : undefined;
    if (loose) {
      throw new Error(
        `${String(route.method)} ${route.url}: ${loose} is an object schema without additionalProperties; ` +
          'use strictObject() or set additionalProperties: false',
      );
    }
  });
}

function findLooseObject(node: SchemaNode, path: string): string | undefined {
  if (node.properties !== undefined && node.additionalProperties === undefined) return path;
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const found = findLooseObject(child, `${path}.${key}`);
    if (found) return found;
  }
  const items = Array.isArray(node.items) ? node.items : node.items ? [node.items] : [];
  const branches = [...items, ...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  for (const branch of branches) {
    const found = findLooseObject(branch, `${path}[]`);
    if (found) return found;
  }
  return undefined;
}
