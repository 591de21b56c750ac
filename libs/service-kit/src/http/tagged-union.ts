import { Type, type SchemaOptions, type Static, type TObject } from '@sinclair/typebox';

/**
 * One of `members`, told apart by their `tag` property (a literal in each, e.g. GeoJSON's `type`): a
 * `oneOf` with a `discriminator` (OpenAPI 3.1, ajv's `discriminator` option). The validator checks only
 * the member the tag names; a plain union checks every member with every error collected, which for a large
 * body (a MultiPolygon read as a Polygon) costs tens of milliseconds. `type: 'object'` is not optional: ajv
 * applies a discriminator to objects only, so without it an array or a string passed as the union.
 */
export function taggedUnion<T extends TObject[]>(members: [...T], options: SchemaOptions = {}, tag = 'type') {
  return Type.Unsafe<Static<T[number]>>({
    ...options,
    type: 'object',
    oneOf: members,
    discriminator: { propertyName: tag },
  });
}
