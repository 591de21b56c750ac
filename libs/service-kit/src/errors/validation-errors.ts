import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { ProblemFieldError } from './problem.js';

/** Turns ajv errors for one request part into field errors a client can map onto its form. */
export function toFieldErrors(
  errors: readonly FastifySchemaValidationError[],
  part: string,
): ProblemFieldError[] {
  return errors.map((error) => ({ in: part, field: fieldPath(error), message: messageFor(error) }));
}

function fieldPath(error: FastifySchemaValidationError): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  // ajv reports these on the parent object; the offending property is the useful field to name.
  const params = error.params as Record<string, unknown>;
  const child = params.missingProperty ?? params.additionalProperty;
  if (typeof child === 'string') segments.push(child);
  return segments.join('.');
}

function messageFor(error: FastifySchemaValidationError): string {
  if (error.keyword === 'additionalProperties') return 'is not an allowed property';
  if (error.keyword === 'required') return 'is required';
  return error.message ?? 'is invalid';
}
