import avro from 'avsc';

type AvscSchema = Parameters<typeof avro.Type.forSchema>[0];

/** Parses a schema JSON with avsc (throws on an invalid schema). Logical types are kept as their underlying type. */
export function parseAvroType(schema: unknown): avro.Type {
  return avro.Type.forSchema(schema as AvscSchema);
}

/** Returns avsc's error message for an invalid schema, or null when it parses. */
export function avroParseError(schema: unknown): string | null {
  try {
    parseAvroType(schema);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
