/**
 * Operations of an OpenAPI document that take a `cursor` (query parameter or body property), by
 * schemathesis name. A cursor is opaque: the schema says its alphabet, but only the service can tell a
 * cursor it issued from another string of that alphabet, and it answers 400 invalid-cursor to the rest.
 */
export function cursorOperations(document: { paths?: Record<string, Record<string, unknown>> }): string[] {
  const names: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (takesCursor(operation)) names.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return names;
}

interface Operation {
  parameters?: { name?: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

function takesCursor(operation: unknown): boolean {
  if (typeof operation !== 'object' || operation === null) return false;
  const { parameters = [], requestBody } = operation as Operation;
  if (parameters.some((parameter) => parameter.name === 'cursor')) return true;
  return Object.values(requestBody?.content ?? {}).some(
    (media) => 'cursor' in (media.schema?.properties ?? {}),
  );
}
