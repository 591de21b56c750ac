import type { FastifyInstance } from 'fastify';
import { ProblemError, type ProblemFieldError } from '../errors/problem.js';

/**
 * The half of the text rule a pattern cannot carry: no lone UTF-16 surrogate anywhere in a JSON body
 * (JSON's `\ud800` escape can send one; UTF-8, PostgreSQL and Avro cannot hold it). The NUL half is the
 * `pattern` of `Text()` in the OpenAPI document; a surrogate class in a pattern is refused by the Rust and
 * Python regex engines schema tools use, so it would drop the whole rule from their view of the API.
 * Checked for every body before validation, so a new field cannot miss it; a 400 naming the fields.
 */
export function refuseMalformedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    const errors: ProblemFieldError[] = [];
    collectMalformed(request.body, [], errors);
    if (errors.length === 0) return;
    throw new ProblemError({
      status: 400,
      slug: 'validation-error',
      title: 'Invalid request',
      detail: 'The request did not match the schema; see errors.',
      errors,
    });
  });
}

// In a `u` regex a surrogate pair is one code point, so only lone surrogates are in the Cs category.
const LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

function collectMalformed(value: unknown, path: string[], errors: ProblemFieldError[]): void {
  if (typeof value === 'string') {
    if (!wellFormed(value)) {
      errors.push({
        in: 'body',
        field: path.join('.'),
        message: 'must be text without lone UTF-16 surrogates',
      });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectMalformed(item, [...path, String(index)], errors));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (!wellFormed(key))
        errors.push({ in: 'body', field: [...path, key].join('.'), message: 'has a malformed name' });
      collectMalformed(child, [...path, key], errors);
    }
  }
}
