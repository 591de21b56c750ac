import { DATE_PATTERN, DATE_TIME_PATTERN } from '@portfolioos/contracts';

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

// Formats whose grammar already excludes NUL and lone surrogates.
const CLOSED_FORMATS = new Set(['uuid', 'email', 'uri', 'hostname', 'ipv4', 'ipv6']);
const CALENDAR_PATTERNS: Record<string, string> = { date: DATE_PATTERN, 'date-time': DATE_TIME_PATTERN };
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * Request strings in an OpenAPI document that no shared rule covers: free text without the text rule
 * (`Text`, or any other pattern, enum or closed format) and dates or timestamps without the platform's
 * year range (`IsoDate`, `IsoDateTime` from @portfolioos/contracts). Each as `METHOD path part.field`; a
 * service's test asserts the list is empty, so a new field cannot skip the rules.
 */
export function requestStringsWithoutRules(document: {
  paths?: Record<string, object | undefined>;
  components?: { schemas?: Record<string, Schema> };
}): string[] {
  const found: string[] = [];
  const resolve = (schema: Schema): Schema => {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const target = document.components?.schemas?.[ref.split('/').pop() ?? ''];
    return target ? resolve(target) : schema;
  };
  const visit = (schema: Schema | undefined, where: string, seen: Set<Schema>): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    const resolved = resolve(schema);
    seen.add(resolved);
    if (isString(resolved) && !covered(resolved)) found.push(where);
    const properties = (resolved.properties ?? {}) as Record<string, Schema>;
    for (const [name, child] of Object.entries(properties)) visit(child, `${where}.${name}`, seen);
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
      for (const child of (resolved[key] as Schema[] | undefined) ?? []) visit(child, where, seen);
    }
    for (const key of ['items', 'additionalProperties'] as const) {
      const child = resolved[key];
      if (child && typeof child === 'object') visit(child as Schema, `${where}[]`, seen);
    }
  };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {}) as [string, Operation][]) {
      if (!METHODS.has(method)) continue;
      const at = `${method.toUpperCase()} ${path}`;
      for (const parameter of operation.parameters ?? []) {
        visit(parameter.schema, `${at} ${parameter.in}.${parameter.name}`, new Set());
      }
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        visit(media.schema, `${at} body(${type})`, new Set());
      }
    }
  }
  return found;
}

const isString = (schema: Schema) =>
  schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));

function covered(schema: Schema): boolean {
  if (schema.enum !== undefined || schema.const !== undefined) return true;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  if (format && format in CALENDAR_PATTERNS) return schema.pattern === CALENDAR_PATTERNS[format];
  return (format !== undefined && CLOSED_FORMATS.has(format)) || typeof schema.pattern === 'string';
}
