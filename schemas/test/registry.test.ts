import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AvroRecordSchema } from '@portfolioos/schemas';
import { loadCatalog } from '../tooling/load-catalog.js';
import { loadEventSchemas } from '../tooling/load-schemas.js';
import { registerSchemas } from '../tooling/register-schemas.js';
import { checkAgainstRegistry } from '../tooling/registry-compatibility.js';
import { RegistryError, SchemaRegistryClient, waitForRegistry } from '../tooling/registry-client.js';
import { catalogSubjects } from '../tooling/schema-subjects.js';

// The registry is a required part of the stack: these tests fail (never skip) when it is down.
const registry = new SchemaRegistryClient(
  process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7',
);
const subject = `zz-test.probe-portfolioos.test.Probe${Date.now()}`;

const probe = (fields: AvroRecordSchema['fields']): string =>
  JSON.stringify({ type: 'record', name: 'Probe', namespace: 'portfolioos.test', fields });
const v1 = probe([{ name: 'probe_id', type: 'string', doc: 'Id.' }]);
const v2 = probe([
  { name: 'probe_id', type: 'string', doc: 'Id.' },
  { name: 'note', type: ['null', 'string'], default: null, doc: 'Optional note.' },
]);
const incompatible = probe([
  { name: 'probe_id', type: 'string', doc: 'Id.' },
  { name: 'note', type: ['null', 'string'], default: null, doc: 'Optional note.' },
  { name: 'amount_minor', type: 'long', doc: 'Required field added without default.' },
]);

describe('schema registry (real, ccompat API)', () => {
  before(async () => {
    const down = await waitForRegistry(registry, 60_000);
    assert.equal(down, null, `schema registry at ${registry.baseUrl} is required but unreachable: ${down}`);
  });

  after(async () => {
    await registry.deleteSubject(subject, true).catch(() => undefined);
  });

  it('registers a new subject idempotently and sets it to BACKWARD', async () => {
    const id = await registry.register(subject, v1);
    assert.equal(await registry.register(subject, v1), id);
    assert.equal(await registry.lookupVersion(subject, v1), 1);
    await registry.setCompatibility(subject, 'BACKWARD');
    assert.equal(await registry.getCompatibility(subject), 'BACKWARD');
  });

  it('accepts a compatible evolution (optional field with default)', async () => {
    assert.deepEqual((await registry.testCompatibility(subject, v2))?.compatible, true);
    await registry.register(subject, v2);
    assert.equal(await registry.lookupVersion(subject, v2), 2);
  });

  it('refuses an incompatible schema with 409', async () => {
    assert.equal((await registry.testCompatibility(subject, incompatible))?.compatible, false);
    await assert.rejects(registry.register(subject, incompatible), (error: unknown) => {
      assert.ok(error instanceof RegistryError, String(error));
      assert.equal(error.status, 409);
      return true;
    });
    assert.equal(await registry.lookupVersion(subject, incompatible), null);
  });

  it('answers "no subject" for compatibility of an unknown subject', async () => {
    assert.equal(await registry.testCompatibility(`${subject}-missing`, v1), null);
  });

  it('registers the whole catalog idempotently, and the check then finds it compatible', async () => {
    const subjects = catalogSubjects(loadCatalog(), loadEventSchemas().schemas);
    await registerSchemas(registry, subjects);
    const second = await registerSchemas(registry, subjects);
    assert.deepEqual(
      second.filter((line) => !/unchanged \(version \d+\)$/.test(line)),
      [],
    );
    const check = await checkAgainstRegistry(registry, subjects);
    assert.deepEqual(check.problems, []);
    assert.equal(check.unregistered, 0);
  });
});
