import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { baseConfigFields, ConfigError, loadConfig } from '@portfolioos/service-kit';

const schema = Type.Object({ ...baseConfigFields, FEATURE_ON: Type.Boolean({ default: false }) });
const minimal = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

test('applies defaults and coerces numbers and booleans', () => {
  const config = loadConfig(schema, { ...minimal, HTTP_PORT: '8080', FEATURE_ON: 'true', UNRELATED: 'x' });
  assert.equal(config.HTTP_PORT, 8080);
  assert.equal(config.FEATURE_ON, true);
  assert.equal(config.HTTP_HOST, '127.0.0.1');
  assert.equal(config.LOG_LEVEL, 'info');
  assert.equal(config.OTEL_EXPORTER_OTLP_ENDPOINT, undefined);
  assert.equal('UNRELATED' in config, false);
  assert.ok(Object.isFrozen(config));
});

test('names every bad or missing variable in one error', () => {
  assert.throws(
    () => loadConfig(schema, { HTTP_PORT: 'eighty', LOG_LEVEL: 'loud', FEATURE_ON: 'maybe' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^Invalid configuration: /);
      assert.match(error.message, /DATABASE_URL is required/);
      assert.match(error.message, /HTTP_PORT is invalid: expected integer/);
      assert.match(error.message, /LOG_LEVEL must be one of trace, debug, info/);
      assert.match(error.message, /FEATURE_ON is invalid: expected boolean/);
      assert.equal(error.problems.length, 4);
      return true;
    },
  );
});

test('an empty value counts as missing, and values are never echoed', () => {
  assert.throws(() => loadConfig(schema, { DATABASE_URL: '' }), /DATABASE_URL is required/);
  assert.throws(
    () => loadConfig(schema, { DATABASE_URL: 'mysql://secret-password@x' }),
    (error: unknown) =>
      error instanceof Error &&
      /DATABASE_URL is invalid/.test(error.message) &&
      !error.message.includes('secret'),
  );
});

test('rejects out-of-range numbers', () => {
  assert.throws(() => loadConfig(schema, { ...minimal, HTTP_PORT: '70000' }), /HTTP_PORT is invalid/);
});
