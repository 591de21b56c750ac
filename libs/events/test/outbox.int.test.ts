import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  enqueueEvent,
  enqueueEventAlong,
  enqueueEvents,
  EventValidationError,
  inbox,
  outbox,
} from '../src/index.js';
import { createHarness, type Harness } from './support/harness.js';
import { COUNTER_INCREMENTED, type TestEvents } from './support/test-events.js';

let h: Harness;
before(async () => {
  h = await createHarness();
});
after(async () => {
  await h.close();
});

test('the drizzle outbox/inbox tables match the DDL the tests (and migrations) use', async () => {
  for (const table of [outbox, inbox]) {
    const config = getTableConfig(table);
    const { rows } = await h.pool.query<{ column_name: string; is_nullable: string }>(
      `select column_name, is_nullable from information_schema.columns where table_name = $1 order by column_name`,
      [config.name],
    );
    const expected = config.columns
      .map((c) => ({ column_name: c.name, is_nullable: c.notNull ? 'NO' : 'YES' }))
      .sort((a, b) => a.column_name.localeCompare(b.column_name));
    assert.deepEqual(rows, expected, `columns of ${config.name}`);
  }
});

test('an invalid event fails the business transaction and leaves nothing behind', async () => {
  await assert.rejects(
    h.db.transaction(async (tx) => {
      await tx.execute(sql`insert into counters values ('rolled-back', 1)`);
      await enqueueEvent(tx, h.events, {
        type: COUNTER_INCREMENTED,
        key: 'rolled-back',
        organizationId: null,
        payload: { counter_id: 'rolled-back', seq: 'x' as never, fail: false, note: null },
      });
    }),
    EventValidationError,
  );
  const { rows } = await h.pool.query(`select
      (select count(*)::int from counters where counter_id = 'rolled-back') as counters,
      (select count(*)::int from outbox) as outbox`);
  assert.deepEqual(rows[0], { counters: 0, outbox: 0 });
});

test('an event is written with its envelope and is invisible until the transaction commits', async () => {
  const [eventId] = await h.enqueueCounter('c-1', [1]);
  const { rows } = await h.pool.query('select * from outbox where event_id = $1', [eventId]);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].topic, h.topic);
  assert.equal(rows[0].key, 'c-1');
  assert.equal(rows[0].event_type, COUNTER_INCREMENTED);
  assert.deepEqual(rows[0].payload, { counter_id: 'c-1', seq: 1, fail: false, note: null });
  assert.equal(rows[0].sent_at, null);
});

test('enqueueEvents writes many events in array order, and one invalid event writes none', async () => {
  const counter = (seq: number) => ({
    type: COUNTER_INCREMENTED as typeof COUNTER_INCREMENTED,
    key: `bulk-${seq % 3}`,
    organizationId: null,
    payload: { counter_id: `bulk-${seq % 3}`, seq, fail: false, note: null },
  });
  // 2,500 events: more than one multi-row insert.
  const batch = Array.from({ length: 2500 }, (_, i) => counter(i));
  const ids = await h.db.transaction((tx) => enqueueEvents(tx, h.events, batch));
  assert.equal(new Set(ids).size, 2500);
  const { rows } = await h.pool.query<{ event_id: string; seq: number }>(
    `select event_id, (payload->>'seq')::int as seq from outbox where key like 'bulk-%' order by id`,
  );
  assert.deepEqual(
    rows.map((r) => r.seq),
    batch.map((e) => e.payload.seq),
  );
  assert.deepEqual(
    rows.map((r) => r.event_id),
    ids,
  );

  const broken = [counter(1), { ...counter(2), payload: { ...counter(2).payload, seq: 'x' as never } }];
  await assert.rejects(
    h.db.transaction((tx) => enqueueEvents(tx, h.events, broken)),
    EventValidationError,
  );
  const after = await h.pool.query(`select count(*)::int as n from outbox where key like 'bulk-%'`);
  assert.equal(after.rows[0].n, 2500);
});

test('the relay deletes published rows past their retention and keeps unsent and recent ones', async () => {
  const relay = h.relay({ sentRetentionMs: 60_000 });
  await h.enqueueCounter('prune-old', [1, 2, 3]);
  while ((await relay.relayBatch()) > 0);
  await h.pool.query(`update outbox set sent_at = now() - interval '2 minutes' where key = 'prune-old'`);
  await h.enqueueCounter('prune-recent', [1]);
  while ((await relay.relayBatch()) > 0);
  await h.enqueueCounter('prune-unsent', [1]);

  assert.equal(await relay.pruneSent(), 3);
  const { rows } = await h.pool.query<{ key: string; sent: boolean }>(
    `select key, sent_at is not null as sent from outbox where key like 'prune-%' order by id`,
  );
  assert.deepEqual(rows, [
    { key: 'prune-recent', sent: true },
    { key: 'prune-unsent', sent: false },
  ]);
});

test('enqueueEventAlong writes the event in the business statement, only when it changed a row', async () => {
  const event = (seq: number) => ({
    type: COUNTER_INCREMENTED as typeof COUNTER_INCREMENTED,
    key: 'along',
    organizationId: null,
    payload: { counter_id: 'along', seq, fail: false, note: null },
  });
  await h.pool.query(`insert into counters values ('along', 0)`);
  const changed = await h.db.transaction((tx) =>
    enqueueEventAlong<{ value: string }, TestEvents, typeof COUNTER_INCREMENTED>(
      tx,
      sql`update counters set value = 1 where counter_id = 'along' returning value`,
      h.events,
      event(1),
    ),
  );
  assert.deepEqual(changed.rows, [{ value: '1' }]);
  assert.ok(changed.eventId);
  const untouched = await h.db.transaction((tx) =>
    enqueueEventAlong(
      tx,
      sql`update counters set value = 2 where counter_id = 'absent' returning value`,
      h.events,
      event(2),
    ),
  );
  assert.deepEqual(untouched, { rows: [], eventId: null });
  const { rows } = await h.pool.query(
    `select event_id, payload->>'seq' as seq from outbox where key = 'along'`,
  );
  assert.deepEqual(rows, [{ event_id: changed.eventId, seq: '1' }], 'one event, with its id');
});
