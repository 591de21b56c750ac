import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { assertTamperedCursorsRefused } from './support/cursors.js';
import { bearer, signUp } from './support/flows.js';

describe('organization audit log', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('paging walks every row exactly once, newest first, even within one millisecond', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app, 'Audit Court');
    const other = await signUp(app, 'Audit Elsewhere');
    // Exact ties and sub-millisecond neighbours: a cursor cut to milliseconds skips or repeats these.
    await h.admin.query(
      `insert into audit_events (org_id, action, actor_kind, subject, occurred_at)
       select $1, 'test.tie', 'system', n::text, t::timestamptz
       from unnest(array[1, 2, 3, 4, 5, 6, 7, 8],
                   array['2001-02-03T04:05:06.123789Z', '2001-02-03T04:05:06.123456Z',
                         '2001-02-03T04:05:06.123456Z', '2001-02-03T04:05:06.123456Z',
                         '2001-02-03T04:05:06.123100Z', '2001-02-03T04:05:06.123000Z',
                         '2001-02-03T04:05:06.122999Z', '2001-02-03T04:05:06.122999Z']) as s(n, t)`,
      [owner.orgId],
    );
    const expected = await h.admin.query<{ id: string }>(
      `select id from audit_events where org_id = $1 order by occurred_at desc, id desc`,
      [owner.orgId],
    );
    assert.ok(expected.rows.length >= 9, 'the inserted rows and the sign-up');
    const { rows: otherRows } = await h.admin.query<{ id: string }>(
      'select id from audit_events where org_id = $1',
      [other.orgId],
    );
    assert.ok(otherRows.length > 0, 'the other organization has rows that must not show up');

    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const response = await app.inject({
          url: `/v1/orgs/${owner.orgId}/audit-events?limit=${limit}${query}`,
          headers: bearer(owner.tokens.access_token),
        });
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json<{ items: { id: string }[]; next_cursor: string | null }>();
        assert.ok(body.items.length <= limit);
        seen.push(...body.items.map((e) => e.id));
        cursor = body.next_cursor;
        // A cursor that does not advance would page forever.
      } while (cursor && seen.length <= expected.rows.length);
      assert.deepEqual(
        seen,
        expected.rows.map((r) => r.id),
        `limit=${limit}: every row once, in (occurred_at, id) descending order`,
      );
    }
  });

  test('a tampered cursor is a 400 invalid-cursor problem, never a 500', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app, 'Audit Tamper');
    await assertTamperedCursorsRefused(
      app,
      `/v1/orgs/${owner.orgId}/audit-events`,
      bearer(owner.tokens.access_token),
      owner.userId,
    );
  });
});
