import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import {
  buildApp,
  conflict,
  problemSchema,
  strictObject,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const PROBLEM = 'application/problem+json; charset=utf-8';

function leaseRoutes(created: unknown[]): ServicePlugin {
  return async (app) => {
    app.post(
      '/leases',
      {
        schema: {
          body: strictObject({
            unit_id: Type.String({ format: 'uuid' }),
            rent: strictObject({
              amount_minor: Type.Integer({ minimum: 0 }),
              currency: Type.String({ pattern: '^[A-Z]{3}$' }),
            }),
          }),
          response: { 201: Type.Object({ ok: Type.Boolean() }), 409: problemSchema },
        },
      },
      async (request, reply) => {
        if (request.body.unit_id === '00000000-0000-4000-8000-000000000000')
          throw conflict('The unit already has an active lease.', 'lease-overlap');
        created.push(request.body);
        return reply.code(201).send({ ok: true });
      },
    );
    app.get(
      '/search',
      { schema: { querystring: Type.Object({ n: Type.Integer() }, { additionalProperties: false }) } },
      async (request) => ({
        n: request.query.n,
      }),
    );
    app.get('/boom', async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app/db.ts:42');
    });
  };
}

test('validation errors list every bad field and the handler never runs', async (t) => {
  const created: unknown[] = [];
  const app = await buildTestApp(t, leaseRoutes(created));
  const res = await app.inject({
    method: 'POST',
    url: '/leases',
    payload: { unit_id: 'nope', rent: { currency: 'usd' } },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.headers['content-type'], PROBLEM);
  const body = res.json();
  assert.equal(body.type, 'https://portfolioos.dev/problems/validation-error');
  assert.equal(body.status, 400);
  assert.equal(body.instance, '/leases');
  assert.equal(body.request_id, res.headers['x-request-id']);
  const fields = body.errors.map((e: { in: string; field: string }) => `${e.in}:${e.field}`).sort();
  assert.deepEqual(fields, ['body:rent.amount_minor', 'body:rent.currency', 'body:unit_id']);
  assert.deepEqual(created, []);
});

test('unknown body properties, even nested, are rejected with 400', async (t) => {
  const created: unknown[] = [];
  const app = await buildTestApp(t, leaseRoutes(created));
  const payload = {
    unit_id: '6a2f41a3-c54c-4f3d-8d1e-4f3f3f3f3f3f',
    rent: { amount_minor: 1, currency: 'USD', fee: 5 },
    is_admin: true,
  };
  const res = await app.inject({ method: 'POST', url: '/leases', payload });
  assert.equal(res.statusCode, 400);
  assert.equal(res.headers['content-type'], PROBLEM);
  const errors = res
    .json()
    .errors.map((e: { field: string; message: string }) => `${e.field} ${e.message}`)
    .sort();
  assert.deepEqual(errors, ['is_admin is not an allowed property', 'rent.fee is not an allowed property']);
  assert.deepEqual(created, []);
});

test('bodies are not type-coerced but querystrings are', async (t) => {
  const created: unknown[] = [];
  const app = await buildTestApp(t, leaseRoutes(created));
  const payload = {
    unit_id: '6a2f41a3-c54c-4f3d-8d1e-4f3f3f3f3f3f',
    rent: { amount_minor: '100', currency: 'USD' },
  };
  const res = await app.inject({ method: 'POST', url: '/leases', payload });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(
    res.json().errors.map((e: { field: string }) => e.field),
    ['rent.amount_minor'],
  );
  const ok = await app.inject({
    method: 'POST',
    url: '/leases',
    payload: { ...payload, rent: { amount_minor: 100, currency: 'USD' } },
  });
  assert.equal(ok.statusCode, 201);

  const query = await app.inject({ method: 'GET', url: '/search?n=7' });
  assert.deepEqual(query.json(), { n: 7 });
  const unknownQuery = await app.inject({ method: 'GET', url: '/search?n=7&x=1' });
  assert.equal(unknownQuery.statusCode, 400);
  assert.equal(unknownQuery.json().errors[0].in, 'querystring');
});

test('a thrown ProblemError becomes its problem+json', async (t) => {
  const app = await buildTestApp(t, leaseRoutes([]));
  const res = await app.inject({
    method: 'POST',
    url: '/leases',
    payload: { unit_id: '00000000-0000-4000-8000-000000000000', rent: { amount_minor: 1, currency: 'USD' } },
  });
  assert.equal(res.statusCode, 409);
  assert.equal(res.headers['content-type'], PROBLEM);
  assert.deepEqual(
    { ...res.json<Record<string, unknown>>(), request_id: 'x' },
    {
      type: 'https://portfolioos.dev/problems/lease-overlap',
      title: 'Conflict',
      status: 409,
      detail: 'The unit already has an active lease.',
      instance: '/leases',
      request_id: 'x',
    },
  );
});

test('unknown routes answer 404 problem+json', async (t) => {
  const app = await buildTestApp(t, leaseRoutes([]));
  const res = await app.inject({ method: 'GET', url: '/nowhere?x=1' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.headers['content-type'], PROBLEM);
  assert.equal(res.json().type, 'https://portfolioos.dev/problems/not-found');
  assert.equal(res.json().instance, '/nowhere');
});

test('internal errors answer 500 without leaking the message or stack', async (t) => {
  const app = await buildTestApp(t, leaseRoutes([]));
  const res = await app.inject({ method: 'GET', url: '/boom' });
  assert.equal(res.statusCode, 500);
  assert.equal(res.headers['content-type'], PROBLEM);
  const body = res.json();
  assert.equal(body.type, 'https://portfolioos.dev/problems/internal-error');
  assert.equal(body.detail, 'An unexpected error occurred.');
  assert.doesNotMatch(res.body, /secret_table|db\.ts|at /);
});

test('malformed JSON is a 400 problem', async (t) => {
  const app = await buildTestApp(t, leaseRoutes([]));
  const res = await app.inject({
    method: 'POST',
    url: '/leases',
    headers: { 'content-type': 'application/json' },
    payload: '{"unit_id":',
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.headers['content-type'], PROBLEM);
  assert.equal(res.json().type, 'https://portfolioos.dev/problems/bad-request');
});

test('a body schema that allows unknown properties is refused at boot', async () => {
  const loose: ServicePlugin = async (app) => {
    app.post(
      '/loose',
      { schema: { body: strictObject({ inner: Type.Object({ a: Type.String() }) }) } },
      async () => 'x',
    );
  };
  await assert.rejects(
    buildApp({ name: 't', version: '0', logger: false, plugins: { routes: [loose] } }),
    /POST \/loose: body\.inner is an object schema without additionalProperties/,
  );
});
