import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AvroRecordSchema } from '../src/avro-schema.js';
import { avroParseError } from './avro-type.js';
import { avroDir } from './paths.js';

/** One event schema file, parsed. */
export interface EventSchemaFile {
  /** Path relative to the package, e.g. `avro/leasing/LeaseSigned.avsc`. */
  readonly relativePath: string;
  /** Directory under avro/, which must be the domain of the namespace. */
  readonly domain: string;
  readonly fullName: string;
  readonly schema: AvroRecordSchema;
}

/** A file that failed to load: it is not JSON, not an Avro record, or avsc rejects it. */
export interface SchemaLoadError {
  readonly relativePath: string;
  readonly reason: string;
}

export interface LoadedSchemas {
  readonly schemas: readonly EventSchemaFile[];
  readonly errors: readonly SchemaLoadError[];
}

function isRecordSchema(value: unknown): value is AvroRecordSchema {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as { type?: unknown; name?: unknown; fields?: unknown };
  return record.type === 'record' && typeof record.name === 'string' && Array.isArray(record.fields);
}

function loadOne(domain: string, fileName: string): EventSchemaFile | SchemaLoadError {
  const relativePath = path.posix.join('avro', domain, fileName);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.join(avroDir, domain, fileName), 'utf8'));
  } catch (error) {
    return { relativePath, reason: `not valid JSON: ${(error as Error).message}` };
  }
  if (!isRecordSchema(json)) return { relativePath, reason: 'not an Avro record schema' };
  const parseError = avroParseError(json);
  if (parseError) return { relativePath, reason: `avsc cannot parse it: ${parseError}` };
  const fullName = json.name.includes('.') ? json.name : `${json.namespace ?? ''}.${json.name}`;
  return { relativePath, domain, fullName, schema: json };
}

/** Reads every `avro/<domain>/*.avsc`, sorted by path. */
export function loadEventSchemas(): LoadedSchemas {
  const schemas: EventSchemaFile[] = [];
  const errors: SchemaLoadError[] = [];
  for (const domain of readdirSync(avroDir).sort()) {
    for (const fileName of readdirSync(path.join(avroDir, domain)).sort()) {
      if (!fileName.endsWith('.avsc')) continue;
      const loaded = loadOne(domain, fileName);
      if ('schema' in loaded) schemas.push(loaded);
      else errors.push(loaded);
    }
  }
  return { schemas, errors };
}
