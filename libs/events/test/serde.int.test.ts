import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stack, uniqueName } from '@portfolioos/testing';
import { AvroSerde, EventRegistry, MalformedEventError } from '../src/index.js';
import { COUNTER_INCREMENTED, counterIncrementedSchema } from './support/test-events.js';

test('a consumer on a newer schema reads events written with the older one', async () => {
  const topic = uniqueName('test.evolving');
  const v1 = {
    ...counterIncrementedSchema,
    fields: counterIncrementedSchema.fields.filter((f) => f.name !== 'note'),
  };
  const writer = new AvroSerde(
    stack.schemaRegistryUrl,
    new EventRegistry({ [COUNTER_INCREMENTED]: v1 }, { [COUNTER_INCREMENTED]: topic }),
  );
  const reader = new AvroSerde(
    stack.schemaRegistryUrl,
    new EventRegistry({ [COUNTER_INCREMENTED]: counterIncrementedSchema }, { [COUNTER_INCREMENTED]: topic }),
  );
  const v1Id = await writer.register(COUNTER_INCREMENTED);
  const v2Id = await reader.register(COUNTER_INCREMENTED);
  assert.notEqual(v1Id, v2Id);

  const bytes = await writer.encode(COUNTER_INCREMENTED, { counter_id: 'c', seq: 3, fail: false });
  assert.equal(bytes.readUInt8(0), 0, 'magic byte');
  assert.equal(bytes.readUInt32BE(1), v1Id, 'schema id of the writer');
  assert.deepEqual(
    { ...((await reader.decode(COUNTER_INCREMENTED, bytes)) as object) },
    { counter_id: 'c', seq: 3, fail: false, note: null },
  );
  assert.equal(
    await writer.register(COUNTER_INCREMENTED),
    v1Id,
    're-registering the same schema returns its id',
  );
});

test('bytes that are not in the wire format are malformed', async () => {
  const serde = new AvroSerde(stack.schemaRegistryUrl, new EventRegistry({}, {}));
  await assert.rejects(serde.decode(COUNTER_INCREMENTED, Buffer.from('{"json":true}')), MalformedEventError);
});
