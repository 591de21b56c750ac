import type { AvroField, AvroSchema } from '../src/avro-schema.js';
import type { EventSchemaFile } from './load-schemas.js';
import {
  collectNamedTypes,
  isPrimitiveName,
  isUnion,
  mergeNamedTypes,
  resolveFullName,
} from './named-types.js';
import type { NamedTypeDefinition } from './named-types.js';

const primitiveTs: Record<string, string> = {
  null: 'null',
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
  bytes: 'Buffer',
  string: 'string',
};

const logicalTs: Record<string, string> = {
  uuid: 'Uuid',
  'timestamp-millis': 'TimestampMillis',
  date: 'AvroDate',
};

function docComment(lines: readonly string[], indent = ''): string {
  const text = lines.filter((line) => line !== '').map((line) => line.replaceAll('*/', '*\\/'));
  if (text.length === 0) return '';
  if (text.length === 1) return `${indent}/** ${text[0]} */\n`;
  return `${indent}/**\n${text.map((line) => `${indent} * ${line}`).join(`\n${indent} *\n`)}\n${indent} */\n`;
}

function tsType(schema: AvroSchema, namespace: string, names: ReadonlyMap<string, string>): string {
  if (typeof schema === 'string') {
    if (isPrimitiveName(schema)) return primitiveTs[schema] ?? 'unknown';
    const simple = names.get(resolveFullName(schema, namespace));
    if (!simple) throw new Error(`unknown type reference ${schema} in namespace ${namespace}`);
    return simple;
  }
  if (isUnion(schema)) return schema.map((branch) => tsType(branch, namespace, names)).join(' | ');
  if ('logicalType' in schema) return logicalTs[schema.logicalType] ?? primitiveTs[schema.type] ?? 'unknown';
  if ('items' in schema) {
    const item = tsType(schema.items, namespace, names);
    return item.includes('|') ? `Array<${item}>` : `${item}[]`;
  }
  if ('values' in schema) return `Record<string, ${tsType(schema.values, namespace, names)}>`;
  return tsType(resolveFullName(schema.name, schema.namespace ?? namespace), '', names);
}

function renderField(field: AvroField, namespace: string, names: ReadonlyMap<string, string>): string {
  const defaultLine = 'default' in field ? `Avro default: ${JSON.stringify(field.default)}` : '';
  return `${docComment([field.doc ?? '', defaultLine], '  ')}  ${field.name}: ${tsType(field.type, namespace, names)};\n`;
}

function renderDefinition(definition: NamedTypeDefinition, names: ReadonlyMap<string, string>): string {
  const { schema, fullName, simpleName, namespace } = definition;
  const doc = docComment([schema.doc ?? '', `Avro ${schema.type} \`${fullName}\`.`]);
  if (schema.type === 'enum') {
    return `${doc}export type ${simpleName} = ${schema.symbols.map((symbol) => `'${symbol}'`).join(' | ')};\n`;
  }
  const fields = schema.fields.map((field) => renderField(field, namespace, names)).join('');
  return `${doc}export interface ${simpleName} {\n${fields}}\n`;
}

/** Renders `generated/types.ts`: one interface per record, one string-literal union per enum. */
export function renderTypesModule(schemas: readonly EventSchemaFile[]): {
  code: string;
  conflicts: readonly string[];
} {
  const { types, conflicts } = mergeNamedTypes(
    schemas.flatMap((file) => collectNamedTypes(file.schema, file.relativePath)),
  );
  const names = new Map(types.map((definition) => [definition.fullName, definition.simpleName]));
  const body = types.map((definition) => renderDefinition(definition, names)).join('\n');
  const imports = "import type { AvroDate, TimestampMillis, Uuid } from '../logical-types.js';\n\n";
  return { code: imports + body, conflicts };
}
