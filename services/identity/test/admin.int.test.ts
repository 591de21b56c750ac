import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { ServiceApp } from '@portfolioos/service-kit';
import { setPlatformAdmin } from '../src/admin/service.js';
import { assertTamperedCursorsRefused } from './support/cursors.js';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, PASSWORD, signUp, type SignedUp } from './support/flows.js';

const serviceRoot = fileURLToPath(new URL('..', import.meta.url));

describe('platform admin', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  /** The operator CLI, run as `npm run admin:grant` runs it. */
  const adminCli = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      ['--conditions=@portfolioos/source', '--import', 'tsx', 'src/admin/grant-admin.ts', ...args],
      {
        cwd: serviceRoot,
        env: {
          ...process.env,
          DATABASE_URL: h.database.url,
          SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          LOG_LEVEL: 'silent',
        },
      },
    );
  const adminToken = (app: ServiceApp, email: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/admin-token', payload: { email, password: PASSWORD } });

  /**
   * A person made platform admin the way the CLI does it (its `setPlatformAdmin`, in this process: the CLI
   * as a process costs a TypeScript start per call, and the first test runs it for real).
   */
  async function newAdmin(app: ServiceApp): Promise<{ person: SignedUp; token: string }> {
    const person = await signUp(app, 'Operator Org');
    assert.equal((await adminToken(app, person.email)).statusCode, 403, 'not self-service');
    assert.ok(await setPlatformAdmin(h.handle.db, person.email, 'test-operator', false));
    const issued = await adminToken(app, person.email);
    assert.equal(issued.statusCode, 200, issued.body);
    return { person, token: issued.json().access_token };
  }

  test('the CLI grants admin; admin tokens open admin routes and no organization data', async (t) => {
    const app = await h.app(t);
    const person = await signUp(app, 'Operator Org');
    assert.equal((await adminToken(app, person.email)).statusCode, 403, 'not self-service');
    const { stdout } = await adminCli('--email', person.email, '--operator', 'test-operator');
    assert.match(stdout, /granted platform admin/);
    const issued = await adminToken(app, person.email);
    assert.equal(issued.statusCode, 200, issued.body);
    const token: string = issued.json().access_token;
    const claims = decodeJwt(token);
    assert.deepEqual([claims.kind, claims.org, claims.sub], ['admin', null, person.userId]);
    assert.equal(
      (await app.inject({ url: `/v1/orgs/${person.orgId}`, headers: bearer(token) })).statusCode,
      403,
    );
    assert.equal((await app.inject({ url: '/v1/api-keys', headers: bearer(token) })).statusCode, 403);
    const asOwner = await app.inject({ url: '/v1/admin/users', headers: bearer(person.tokens.access_token) });
    assert.equal(asOwner.statusCode, 403, 'the same person as an org owner is no admin');
    const audit = await h.admin.query(
      `select action, details from platform_audit_events order by occurred_at`,
    );
    assert.deepEqual(
      audit.rows.slice(0, 2).map((r) => r.action),
      ['admin.granted', 'admin.token_issued'],
    );
    await adminCli('--email', person.email, '--revoke');
    const revoked = await app.inject({ url: '/v1/admin/users', headers: bearer(token) });
    assert.equal(revoked.statusCode, 403, 'revocation applies to tokens already issued');
    await assert.rejects(adminCli('--email', 'nobody@example.com'), /no account/);
  });

  test('admins search organizations and people, cursor-paginated', async (t) => {
    const app = await h.app(t);
    const { token } = await newAdmin(app);
    const tag = randomBytes(3).toString('hex');
    for (let i = 0; i < 3; i++) await signUp(app, `Searchable ${tag} ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await app.inject({ url: `/v1/admin/organizations?${query}`, headers: bearer(token) });
      assert.equal(response.statusCode, 200, response.body);
      seen.push(...response.json().items.map((o: { name: string }) => o.name));
      cursor = response.json().next_cursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      [0, 1, 2].map((i) => `Searchable ${tag} ${i}`),
    );
    const wildcard = await app.inject({ url: '/v1/admin/organizations?q=%25', headers: bearer(token) });
    assert.equal(wildcard.json().items.length, 0, 'LIKE wildcards match literally');
    const users = await app.inject({ url: '/v1/admin/users?q=owner-&limit=200', headers: bearer(token) });
    assert.ok(users.json().items.length >= 4);
  });

  test('admins deactivate people (even a last owner) and rotate the signing key', async (t) => {
    const app = await h.app(t);
    const { person, token } = await newAdmin(app);
    const victim = await signUp(app);
    const deactivated = await app.inject({
      method: 'POST',
      url: `/v1/admin/users/${victim.userId}/deactivate`,
      headers: bearer(token),
      payload: { reason: 'SECURITY' },
    });
    assert.equal(deactivated.statusCode, 204, deactivated.body);
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: victim.email, password: PASSWORD },
    });
    assert.equal(login.statusCode, 401);
    const { rows } = await h.admin.query(
      `select payload from outbox where key = $1 and event_type = 'portfolioos.identity.UserDeactivated'`,
      [victim.userId],
    );
    assert.deepEqual(
      [rows[0].payload.reason, rows[0].payload.deactivated_by_user_id],
      ['SECURITY', person.userId],
    );
    const platformAudit = await h.admin.query(
      `select actor_user_id from platform_audit_events where action = 'admin.user_deactivated' and subject = $1`,
      [victim.userId],
    );
    assert.deepEqual(platformAudit.rows, [{ actor_user_id: person.userId }]);

    const oldKid = decodeProtectedHeader(token).kid;
    const rotated = await app.inject({
      method: 'POST',
      url: '/v1/admin/signing-keys/rotate',
      headers: bearer(token),
    });
    assert.equal(rotated.statusCode, 201, rotated.body);
    assert.notEqual(rotated.json().kid, oldKid);
    assert.deepEqual(rotated.json().published_kids.sort(), [oldKid, rotated.json().kid].sort());
    assert.equal(
      (await app.inject({ url: '/v1/admin/users', headers: bearer(token) })).statusCode,
      200,
      'old tokens live on',
    );
    const fresh = await signUp(app);
    assert.equal(decodeProtectedHeader(fresh.tokens.access_token).kid, rotated.json().kid);
  });

  test('tampered cursors are a 400 invalid-cursor problem on every admin listing, never a 500', async (t) => {
    const app = await h.app(t);
    const { person, token } = await newAdmin(app);
    for (const url of ['/v1/admin/organizations', '/v1/admin/users?q=owner', '/v1/admin/audit-events'])
      await assertTamperedCursorsRefused(app, url, bearer(token), person.userId);
  });

  describe('audit log', () => {
    interface AuditItem {
      id: string;
      action: string;
      actor_user_id: string | null;
      subject: string | null;
      ip: string | null;
      details: Record<string, string>;
      occurred_at: string;
    }
    const auditEvents = (app: ServiceApp, token: string, query = '') =>
      app.inject({ url: `/v1/admin/audit-events${query ? `?${query}` : ''}`, headers: bearer(token) });
    async function items(app: ServiceApp, token: string, query: string): Promise<AuditItem[]> {
      const response = await auditEvents(app, token, query);
      assert.equal(response.statusCode, 200, response.body);
      return response.json().items;
    }
    /** The database's clock, exact to the microsecond, as the date-time filters take it. */
    const dbNow = async (): Promise<string> =>
      (
        await h.admin.query(
          `select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`,
        )
      ).rows[0].now;
    const rowCount = async (): Promise<number> =>
      Number((await h.admin.query('select count(*) from platform_audit_events')).rows[0].count);
    const deactivate = (app: ServiceApp, token: string, userId: string, reason: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/admin/users/${userId}/deactivate`,
        headers: bearer(token),
        payload: { reason },
      });
    const rotate = (app: ServiceApp, token: string) =>
      app.inject({ method: 'POST', url: '/v1/admin/signing-keys/rotate', headers: bearer(token) });

    test('lists admin actions newest first, filtered by action, actor and time', async (t) => {
      const app = await h.app(t);
      const first = await newAdmin(app);
      const second = await newAdmin(app);
      const [victim, otherVictim] = [await signUp(app), await signUp(app)];
      const start = await dbNow();
      assert.equal((await deactivate(app, first.token, victim.userId, 'SECURITY')).statusCode, 204);
      const rotated = await rotate(app, first.token);
      assert.equal(rotated.statusCode, 201, rotated.body);
      const middle = await dbNow();
      assert.equal((await deactivate(app, second.token, otherVictim.userId, 'ADMIN_ACTION')).statusCode, 204);

      const rowsBefore = await rowCount();
      const listed = await items(app, first.token, `since=${start}`);
      assert.deepEqual(
        listed.map(({ action, actor_user_id, subject, details, ip }) => ({
          action,
          actor_user_id,
          subject,
          details,
          ip,
        })),
        [
          {
            action: 'admin.user_deactivated',
            actor_user_id: second.person.userId,
            subject: otherVictim.userId,
            details: { reason: 'ADMIN_ACTION' },
            ip: '127.0.0.1',
          },
          {
            action: 'admin.signing_key_rotated',
            actor_user_id: first.person.userId,
            subject: rotated.json().kid,
            details: {},
            ip: '127.0.0.1',
          },
          {
            action: 'admin.user_deactivated',
            actor_user_id: first.person.userId,
            subject: victim.userId,
            details: { reason: 'SECURITY' },
            ip: '127.0.0.1',
          },
        ],
      );
      const { rows } = await h.admin.query(
        `select id from platform_audit_events where occurred_at >= $1 order by occurred_at desc`,
        [start],
      );
      assert.deepEqual(
        listed.map((e) => e.id),
        rows.map((r) => r.id),
      );
      const times = listed.map((e) => Date.parse(e.occurred_at));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );

      const deactivations = await items(app, first.token, `action=admin.user_deactivated&since=${start}`);
      assert.deepEqual(
        deactivations.map((e) => e.subject),
        [otherVictim.userId, victim.userId],
      );
      const bySecond = await items(app, first.token, `actor_user_id=${second.person.userId}`);
      assert.deepEqual(
        bySecond.map((e) => [e.action, e.actor_user_id]),
        [
          ['admin.user_deactivated', second.person.userId],
          ['admin.token_issued', second.person.userId],
        ],
      );
      const window = await items(app, first.token, `since=${start}&until=${middle}`);
      assert.deepEqual(
        window.map((e) => e.action),
        ['admin.signing_key_rotated', 'admin.user_deactivated'],
      );
      const afterMiddle = await items(app, first.token, `since=${middle}`);
      assert.deepEqual(
        afterMiddle.map((e) => e.subject),
        [otherVictim.userId],
      );
      const grants = await items(app, first.token, 'action=admin.granted&limit=200');
      assert.ok(grants.some((e) => e.subject === second.person.userId && e.actor_user_id === null));
      assert.ok(grants.every((e) => e.action === 'admin.granted'));
      assert.equal(await rowCount(), rowsBefore, 'reading the audit log writes no audit rows');
    });

    test('paging walks every row exactly once, even within one millisecond and as rows arrive', async (t) => {
      const app = await h.app(t);
      const { token } = await newAdmin(app);
      // Ties and sub-millisecond neighbours: a cursor that kept only milliseconds would skip or repeat these.
      await h.admin.query(
        `insert into platform_audit_events (action, subject, occurred_at)
         select 'test.tie', n::text, t::timestamptz
         from unnest(array[1, 2, 3, 4, 5, 6],
                     array['2001-02-03T04:05:06.123789Z', '2001-02-03T04:05:06.123456Z',
                           '2001-02-03T04:05:06.123456Z', '2001-02-03T04:05:06.123456Z',
                           '2001-02-03T04:05:06.123100Z', '2001-02-03T04:05:06.122999Z']) as s(n, t)`,
      );
      const existing = await h.admin.query(
        `select id from platform_audit_events order by occurred_at desc, id desc`,
      );
      const seen: string[] = [];
      const added: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await auditEvents(app, token, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(response.statusCode, 200, response.body);
        const body: { items: AuditItem[]; next_cursor: string | null } = response.json();
        assert.ok(body.items.length <= 2);
        seen.push(...body.items.map((e) => e.id));
        cursor = body.next_cursor;
        if (pages++ < 3) {
          const rotated = await rotate(app, token);
          assert.equal(rotated.statusCode, 201, rotated.body);
          added.push(rotated.json().kid);
        }
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, 'no row twice');
      assert.deepEqual(
        seen,
        existing.rows.map((r) => r.id),
        'every row that existed, in order',
      );
      assert.ok(pages > 6);
      const newest = await items(app, token, 'limit=3');
      assert.deepEqual(
        newest.map((e) => e.subject),
        [...added].reverse(),
        'rows added during the walk come first in a fresh listing',
      );
    });

    test('only platform admins read it; bad input is a 400 problem', async (t) => {
      const app = await h.app(t);
      const { person, token } = await newAdmin(app);
      const isProblem = (response: { headers: Record<string, unknown> }) =>
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);

      const anonymous = await app.inject({ url: '/v1/admin/audit-events' });
      assert.equal(anonymous.statusCode, 401);
      isProblem(anonymous);
      const owner = await auditEvents(app, (await signUp(app)).tokens.access_token);
      assert.equal(owner.statusCode, 403);
      isProblem(owner);
      const sameAsOwner = await auditEvents(app, person.tokens.access_token);
      assert.equal(sameAsOwner.statusCode, 403, "an admin's organization token is no admin token");

      const badPosition = (at: string, id: string) =>
        Buffer.from(JSON.stringify({ at, id })).toString('base64url');
      const uuid = person.userId;
      const invalid: Array<[string, string, string]> = [
        ['since=yesterday', 'validation-error', 'since'],
        ['until=2024-02-30T00:00:00Z', 'validation-error', 'until'],
        ['actor_user_id=not-a-uuid', 'validation-error', 'actor_user_id'],
        ['limit=0', 'validation-error', 'limit'],
        ['limit=201', 'validation-error', 'limit'],
        ['actor=someone', 'validation-error', 'actor'],
        ['since=2024-05-02T00:00:00Z&until=2024-05-01T00:00:00Z', 'validation-error', 'since'],
        ['cursor=not-a-cursor', 'invalid-cursor', ''],
        [`cursor=${badPosition('2024-02-30T00:00:00.000000Z', uuid)}`, 'invalid-cursor', ''],
        [`cursor=${badPosition('2024-05-01T00:00:00.000Z', uuid)}`, 'invalid-cursor', ''],
        [`cursor=${badPosition('2024-05-01T00:00:00.000000Z', 'nope')}`, 'invalid-cursor', ''],
      ];
      for (const [query, slug, field] of invalid) {
        const response = await auditEvents(app, token, query);
        assert.equal(response.statusCode, 400, `${query}: ${response.body}`);
        isProblem(response);
        assert.equal(response.json().type, `https://portfolioos.dev/problems/${slug}`, query);
        if (field)
          assert.ok(
            response.json().errors.some((e: { field: string }) => e.field === field),
            query,
          );
      }
      const good = await auditEvents(
        app,
        token,
        `cursor=${badPosition('2024-05-01T00:00:00.000000Z', uuid)}`,
      );
      assert.equal(good.statusCode, 200, 'a well-formed position is accepted');

      const operation = (await app.inject({ url: '/openapi.json' })).json().paths['/v1/admin/audit-events']
        .get;
      assert.deepEqual(operation.parameters.map((p: { name: string }) => p.name).sort(), [
        'action',
        'actor_user_id',
        'cursor',
        'limit',
        'since',
        'until',
      ]);
      assert.deepEqual(Object.keys(operation.responses).sort(), ['200', '400', '401', '403']);

      assert.ok(await setPlatformAdmin(h.handle.db, person.email, 'test-operator', true));
      const revoked = await auditEvents(app, token);
      assert.equal(revoked.statusCode, 403, 'the grant is re-checked on every read');
      isProblem(revoked);
    });
  });
});
