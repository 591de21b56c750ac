import type { Static, TObject, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ConfigError } from './config-error.js';

/**
 * Reads the variables named by `schema` from `env`, applies defaults, coerces numbers/booleans, and throws a
 * ConfigError naming every bad or missing variable. Call once at boot.
 */
export function loadConfig<T extends TObject>(
  schema: T,
  env: NodeJS.ProcessEnv = process.env,
): Readonly<Static<T>> {
  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(schema.properties)) {
    const value = env[name];
    // `FOO=` in a .env file or manifest means "not set", not "the empty string".
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const value = Value.Convert(schema, Value.Default(schema, raw));
  const problems = describeProblems(schema, value);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(value as Static<T>);
}

function describeProblems(schema: TObject, value: unknown): string[] {
  const byVariable = new Map<string, string>();
  for (const error of Value.Errors(schema, value)) {
    const variable = error.path.split('/')[1] ?? '(root)';
    if (byVariable.has(variable)) continue;
    const isMissing = value !== null && typeof value === 'object' && !(variable in value);
    byVariable.set(
      variable,
      isMissing ? `${variable} is required` : `${variable} ${expectation(error.schema, error.message)}`,
    );
  }
  return [...byVariable.values()];
}

function expectation(schema: TSchema, fallback: string): string {
  const options = Array.isArray(schema.anyOf) ? (schema.anyOf as TSchema[]).map((s) => s.const) : [];
  if (options.length > 0 && options.every((o) => typeof o === 'string'))
    return `must be one of ${options.join(', ')}`;
  return `is invalid: ${fallback.charAt(0).toLowerCase()}${fallback.slice(1)}`;
}
