import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requestStringsWithoutRules } from '@portfolioos/service-kit';
import { create__Pascal__Harness, type __Pascal__Harness } from './support/harness.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('notes (the example feature)', () => {
  let h: __Pascal__Harness;
  before(async () => {
    h = await create__Pascal__Harness();
  });
  after(() => h.close());

  test('a note is recorded with its event in the outbox, in one transaction', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const created = await app.inject({
      method: 'POST',
      url: '/v1/__name__/notes',
      headers: bearer(await h.signer.staffToken(orgId)),
      payload: { title: 'Boiler serviced', body: 'Annual check done.' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const note = created.json();
    assert.equal(note.title, 'Boiler serviced');

    const { rows } = await h.admin.query(
      'select event_type, topic, organization_id, payload from outbox where key = $1',
      [note.id],
    );
    assert.deepEqual(rows, [
      {
        event_type: 'portfolioos.__snake__.NoteRecorded',
        topic: '__name__.note',
        organization_id: orgId,
        payload: {
          note_id: note.id,
          organization_id: orgId,
          occurred_at: Date.parse(note.created_at),
          title: 'Boiler serviced',
        },
      },
    ]);
    const stored = await h.admin.query('select org_id from notes where id = $1', [note.id]);
    assert.equal(stored.rows[0]?.org_id, orgId);
  });

  test('notes page in creation order; another organization sees none of them', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId);
    for (const title of ['one', 'two', 'three']) {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/__name__/notes',
        headers: bearer(token),
        payload: { title, body: '' },
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const first = (await app.inject({ url: '/v1/__name__/notes?limit=2', headers: bearer(token) })).json();
    assert.deepEqual(
      first.items.map((n: { title: string }) => n.title),
      ['one', 'two'],
    );
    const second = (
      await app.inject({
        url: `/v1/__name__/notes?limit=2&cursor=${first.next_cursor}`,
        headers: bearer(token),
      })
    ).json();
    assert.deepEqual(
      second.items.map((n: { title: string }) => n.title),
      ['three'],
    );
    assert.equal(second.next_cursor, null);

    const stranger = await h.signer.staffToken(crypto.randomUUID());
    const theirs = await app.inject({
      url: `/v1/__name__/notes/${first.items[0].id}`,
      headers: bearer(stranger),
    });
    assert.equal(theirs.statusCode, 404);
    const mine = await app.inject({ url: `/v1/__name__/notes/${first.items[0].id}`, headers: bearer(token) });
    assert.equal(mine.statusCode, 200);
  });

  test('every request string carries the text rule or the date range (OpenAPI says so)', async (t) => {
    const app = await h.app(t);
    const document = (await app.inject({ url: '/openapi.json' })).json();
    assert.deepEqual(requestStringsWithoutRules(document), []);
  });

  test('bodies are validated, callers authenticated, viewers cannot write', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const post = async (headers: Record<string, string>, payload: object) =>
      app.inject({ method: 'POST', url: '/v1/__name__/notes', headers, payload });
    const owner = bearer(await h.signer.staffToken(orgId));
    const unknownField = await post(owner, { title: 'x', body: '', colour: 'red' });
    assert.equal(unknownField.statusCode, 400);
    assert.equal(unknownField.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal((await post(owner, { title: '', body: '' })).statusCode, 400);
    // Text PostgreSQL cannot store is refused by the schema, not by the database (a 500).
    assert.equal((await post(owner, { title: 'x', body: 'nul \u0000' })).statusCode, 400);
    assert.equal((await post(owner, { title: 'lone \uD800', body: '' })).statusCode, 400);
    assert.equal((await post({}, { title: 'x', body: '' })).statusCode, 401);
    const viewer = bearer(await h.signer.staffToken(orgId, ['viewer']));
    assert.equal((await post(viewer, { title: 'x', body: '' })).statusCode, 403);
  });
});
