import type { AvroEnumSchema, AvroRecordSchema, AvroSchema } from '../src/avro-schema.js';

const primitives = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/** A record or enum declared somewhere in an event schema, with its resolved full name. */
export interface NamedTypeDefinition {
  readonly fullName: string;
  readonly simpleName: string;
  /** Namespace that references inside this type resolve against. */
  readonly namespace: string;
  readonly schema: AvroRecordSchema | AvroEnumSchema;
  readonly definedIn: string;
}

/** Narrows to a union (Array.isArray does not narrow readonly arrays). */
export function isUnion(schema: AvroSchema): schema is readonly AvroSchema[] {
  return Array.isArray(schema);
}

export function isPrimitiveName(name: string): boolean {
  return primitives.has(name);
}

/** Resolves a type name as written (short or full) against the enclosing namespace. */
export function resolveFullName(name: string, namespace: string): string {
  return name.includes('.') || namespace === '' ? name : `${namespace}.${name}`;
}

function namespaceOf(fullName: string): string {
  return fullName.slice(0, Math.max(0, fullName.lastIndexOf('.')));
}

function visit(schema: AvroSchema, namespace: string, source: string, found: NamedTypeDefinition[]): void {
  if (typeof schema === 'string') return;
  if (isUnion(schema)) {
    for (const branch of schema) visit(branch, namespace, source, found);
    return;
  }
  if ('items' in schema) return visit(schema.items, namespace, source, found);
  if ('values' in schema) return visit(schema.values, namespace, source, found);
  if (schema.type !== 'record' && schema.type !== 'enum') return;
  const fullName = resolveFullName(schema.name, schema.namespace ?? namespace);
  const own = namespaceOf(fullName);
  const simpleName = fullName.slice(fullName.lastIndexOf('.') + 1);
  found.push({ fullName, simpleName, namespace: own, schema, definedIn: source });
  if (schema.type === 'record') for (const field of schema.fields) visit(field.type, own, source, found);
}

/** Every record and enum declared in a schema (the schema itself first), in declaration order. */
export function collectNamedTypes(schema: AvroRecordSchema, source: string): NamedTypeDefinition[] {
  const found: NamedTypeDefinition[] = [];
  visit(schema, '', source, found);
  return found;
}

/** Named types of many schemas, de-duplicated by full name; a name declared twice must be declared identically. */
export function mergeNamedTypes(definitions: readonly NamedTypeDefinition[]): {
  readonly types: readonly NamedTypeDefinition[];
  readonly conflicts: readonly string[];
} {
  const byName = new Map<string, NamedTypeDefinition>();
  const bySimpleName = new Map<string, string>();
  const conflicts: string[] = [];
  for (const definition of definitions) {
    const existing = byName.get(definition.fullName);
    if (existing) {
      if (JSON.stringify(existing.schema) !== JSON.stringify(definition.schema)) {
        conflicts.push(
          `${definition.fullName} is declared differently in ${existing.definedIn} and ${definition.definedIn}`,
        );
      }
      continue;
    }
    const clash = bySimpleName.get(definition.simpleName);
    if (clash)
      conflicts.push(
        `${definition.fullName} and ${clash} share the TypeScript name ${definition.simpleName}`,
      );
    bySimpleName.set(definition.simpleName, definition.fullName);
    byName.set(definition.fullName, definition);
  }
  return { types: [...byName.values()], conflicts };
}
