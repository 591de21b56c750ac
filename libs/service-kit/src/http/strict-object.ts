import { Type, type ObjectOptions, type TObject, type TProperties } from '@sinclair/typebox';

/** A TypeBox object that rejects unknown properties; use it for every request body object. */
export function strictObject<T extends TProperties>(properties: T, options: ObjectOptions = {}): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}
