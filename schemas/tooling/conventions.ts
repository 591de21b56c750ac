import type { AvroField, AvroSchema } from '../src/avro-schema.js';
import type { EventSchemaFile } from './load-schemas.js';
import { isUnion } from './named-types.js';
import type { Problem } from './problem.js';

function isLogical(schema: AvroSchema, base: string, logicalType: string): boolean {
  return typeof schema === 'object' && !Array.isArray(schema) && 'logicalType' in schema
    ? schema.type === base && schema.logicalType === logicalType
    : false;
}

function checkField(field: AvroField, where: string, problems: string[], currencyInScope: boolean): void {
  const at = `${where}.${field.name}`;
  if (!field.doc) problems.push(`${at} has no "doc"`);
  if (field.name.endsWith('_minor')) {
    const ok =
      field.type === 'long' ||
      (Array.isArray(field.type) && field.type[0] === 'null' && field.type[1] === 'long');
    if (!ok) problems.push(`${at}: money (*_minor) must be long or ["null","long"], never float`);
    if (!currencyInScope)
      problems.push(`${at}: an amount needs a "currency" string in its record or an enclosing one`);
  }
  if (Array.isArray(field.type)) {
    const union = field.type as readonly AvroSchema[];
    if (union.includes('null') && (union[0] !== 'null' || field.default !== null)) {
      problems.push(`${at}: optional fields are ["null", T] with "default": null`);
    }
  }
  checkType(field.type, at, problems, currencyInScope);
}

function checkType(schema: AvroSchema, where: string, problems: string[], currencyInScope = false): void {
  if (typeof schema === 'string') return;
  if (isUnion(schema)) {
    for (const branch of schema) checkType(branch, where, problems, currencyInScope);
    return;
  }
  if ('items' in schema) return checkType(schema.items, where, problems, currencyInScope);
  if ('values' in schema) return checkType(schema.values, where, problems, currencyInScope);
  if (schema.type === 'enum' && (!schema.default || !schema.symbols.includes(schema.default))) {
    problems.push(`${where}: enum ${schema.name} needs a "default" symbol for forward compatibility`);
  }
  if (schema.type !== 'record') return;
  const hasCurrency =
    currencyInScope || schema.fields.some((field) => field.name === 'currency' && field.type === 'string');
  for (const field of schema.fields) checkField(field, where, problems, hasCurrency);
}

/** Checks the conventions every event schema follows (see README "Conventions"). */
export function checkConventions(file: EventSchemaFile): Problem[] {
  const { schema, domain, relativePath } = file;
  const problems: string[] = [];
  const expected = `portfolioos.${domain}.${relativePath
    .split('/')
    .pop()
    ?.replace(/\.avsc$/, '')}`;
  if (file.fullName !== expected)
    problems.push(`full name ${file.fullName} does not match its path (${expected})`);
  if (!schema.doc) problems.push('record has no "doc"');
  const fields = new Map(schema.fields.map((field) => [field.name, field]));
  const org = fields.get('organization_id');
  if (!org || !isLogical(org.type, 'string', 'uuid')) problems.push('organization_id must be a uuid string');
  const occurred = fields.get('occurred_at');
  if (!occurred || !isLogical(occurred.type, 'long', 'timestamp-millis')) {
    problems.push('occurred_at must be a long timestamp-millis');
  }
  checkType(schema, schema.name, problems);
  return problems.map((reason) => ({ about: relativePath, reason }));
}
