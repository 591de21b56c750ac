import type { AvroSchema } from '../src/avro-schema.js';
import { parseAvroType } from './avro-type.js';

/** Result of comparing a new schema version with the previous one. */
export interface CompatibilityResult {
  readonly compatible: boolean;
  /** One line per failed direction, e.g. `BACKWARD: no matching field for default-less x.Y.z`. */
  readonly problems: readonly string[];
}

function resolverError(reader: AvroSchema, writer: AvroSchema): string | null {
  try {
    parseAvroType(reader).createResolver(parseAvroType(writer));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** BACKWARD (what the registry enforces): a consumer on the new schema can read events written with the old one. */
export function checkBackward(newSchema: AvroSchema, oldSchema: AvroSchema): CompatibilityResult {
  const error = resolverError(newSchema, oldSchema);
  return {
    compatible: error === null,
    problems: error ? [`BACKWARD: new schema cannot read old data: ${error}`] : [],
  };
}

/**
 * What CI requires against the last committed version: BACKWARD (new consumers replay history) and FORWARD
 * (consumers not yet deployed read events from already-upgraded producers during a rolling deploy). Adding an
 * optional field with a default, or an enum symbol (enums carry a default), passes; removing a field without a
 * default, adding a required field, or changing a type fails.
 */
export function checkEvolution(newSchema: AvroSchema, oldSchema: AvroSchema): CompatibilityResult {
  const problems = [...checkBackward(newSchema, oldSchema).problems];
  const forward = resolverError(oldSchema, newSchema);
  if (forward) problems.push(`FORWARD: old consumers cannot read new data: ${forward}`);
  return { compatible: problems.length === 0, problems };
}
