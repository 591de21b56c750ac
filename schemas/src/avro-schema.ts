/** JSON shape of the Avro schemas in this package (the subset the catalog uses). */
export type AvroPrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

/** A primitive annotated with a logical type, e.g. `{ "type": "int", "logicalType": "date" }`. */
export interface AvroLogicalSchema {
  readonly type: AvroPrimitiveName;
  readonly logicalType: string;
}

export interface AvroField {
  readonly name: string;
  readonly type: AvroSchema;
  readonly doc?: string;
  readonly default?: unknown;
}

export interface AvroRecordSchema {
  readonly type: 'record';
  readonly name: string;
  readonly namespace?: string;
  readonly doc?: string;
  readonly fields: readonly AvroField[];
}

export interface AvroEnumSchema {
  readonly type: 'enum';
  readonly name: string;
  readonly namespace?: string;
  readonly doc?: string;
  readonly symbols: readonly string[];
  readonly default?: string;
}

export interface AvroArraySchema {
  readonly type: 'array';
  readonly items: AvroSchema;
}

export interface AvroMapSchema {
  readonly type: 'map';
  readonly values: AvroSchema;
}

/** Any Avro schema; a bare string is a primitive or a reference to a named type by (full) name. */
export type AvroSchema =
  | string
  | AvroLogicalSchema
  | AvroRecordSchema
  | AvroEnumSchema
  | AvroArraySchema
  | AvroMapSchema
  | readonly AvroSchema[];
