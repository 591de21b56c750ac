import { AjvCompiler, type BuildCompilerFromPool } from '@fastify/ajv-compiler';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Validators that coerce strings only where HTTP only has strings (querystring, params, headers). Bodies are
 * JSON and must already have the right types, and unknown body properties fail validation instead of being
 * silently dropped (removeAdditional: false).
 */
export function buildValidatorFactory(): BuildCompilerFromPool {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    // discriminator: a oneOf tagged by a property (GeoJSON `type`) checks only the branch the tag names,
    // so a large body is not also checked, error by error, against every other branch.
    const shared = {
      ...options?.customOptions,
      removeAdditional: false,
      allErrors: true,
      discriminator: true,
    } as const;
    // @fastify/ajv-compiler's typings describe the compile function as taking a bare schema; at runtime it
    // takes the route definition, which is exactly what fastify passes.
    const coercing = pool(externalSchemas, {
      customOptions: { ...shared, coerceTypes: 'array' },
    }) as unknown as RouteCompiler;
    const strict = pool(externalSchemas, {
      customOptions: { ...shared, coerceTypes: false },
    }) as unknown as RouteCompiler;
    const byPart: RouteCompiler = (route) => (route.httpPart === 'body' ? strict : coercing)(route);
    return byPart as unknown as ReturnType<BuildCompilerFromPool>;
  };
}

type RouteCompiler = FastifySchemaCompiler<unknown>;
