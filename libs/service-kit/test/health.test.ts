import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@portfolioos/testing';
import { optionalCheck, type ServicePlugin } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const noRoutes: ServicePlugin = async () => {};

describe('health endpoints', () => {
  let throwaway: ThrowawayDatabase;
  let pool: pg.Pool;
  let unreachable: pg.Pool;

  before(async () => {
    throwaway = await createThrowawayDatabase('service_kit_health');
    pool = new pg.Pool({ connectionString: throwaway.url, max: 2 });
    // Port 1 refuses connections at once: a database that is down.
    unreachable = new pg.Pool({
      connectionString: 'postgres://nobody:x@127.0.0.1:1/none',
      connectionTimeoutMillis: 500,
    });
  });
  after(async () => {
    await pool?.end();
    await unreachable?.end();
    await throwaway?.drop();
  });

  test('/healthz answers 200 without checking dependencies', async (t) => {
    const app = await buildTestApp(t, noRoutes, {
      readiness: { postgres: () => unreachable.query('select 1') },
    });
    const res = await app.inject({ url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  test('/readyz answers 200 with each check when every dependency answers', async (t) => {
    const app = await buildTestApp(t, noRoutes, { readiness: { postgres: () => pool.query('select 1') } });
    const res = await app.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
    assert.equal(res.json().checks.postgres.status, 'ok');
  });

  test('/readyz answers 503 problem+json naming the failed and timed-out checks', async (t) => {
    const app = await buildTestApp(t, noRoutes, {
      readinessTimeoutMs: 200,
      readiness: {
        postgres: () => pool.query('select 1'),
        ledger_db: () => unreachable.query('select 1'),
        kafka: () => new Promise(() => {}),
      },
    });
    const res = await app.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const body = res.json();
    assert.equal(body.type, 'https://portfolioos.dev/problems/service-unavailable');
    assert.equal(body.detail, 'Not ready: ledger_db, kafka.');
    assert.equal(body.checks.postgres.status, 'ok');
    assert.equal(body.checks.ledger_db.status, 'failed');
    assert.match(body.checks.kafka.error, /timed out after 200 ms/);
  });

  test('/readyz answers 200 degraded when only an optional dependency fails', async (t) => {
    const app = await buildTestApp(t, noRoutes, {
      readiness: {
        postgres: () => pool.query('select 1'),
        kafka: optionalCheck(() => unreachable.query('select 1')),
      },
    });
    const res = await app.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.status, 'degraded');
    assert.equal(body.checks.postgres.status, 'ok');
    assert.equal(body.checks.kafka.status, 'degraded');
    assert.ok(body.checks.kafka.error);
  });

  test('/readyz still answers 503 when a hard dependency fails beside a degraded one', async (t) => {
    const app = await buildTestApp(t, noRoutes, {
      readiness: {
        postgres: () => unreachable.query('select 1'),
        kafka: optionalCheck(() => unreachable.query('select 1')),
      },
    });
    const res = await app.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().detail, 'Not ready: postgres.');
    assert.equal(res.json().checks.kafka.status, 'degraded');
  });

  test('/readyz answers 503 once draining has started', async (t) => {
    const app = await buildTestApp(t, noRoutes, { readiness: { postgres: () => pool.query('select 1') } });
    app.startDraining();
    const res = await app.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().detail, 'Shutting down.');
  });
});
