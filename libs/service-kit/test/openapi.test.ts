import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { Validator } from '@seriousme/openapi-schema-validator';
import {
  page,
  paginationQuery,
  problemSchema,
  strictObject,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const unit = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() });
const routes: ServicePlugin = async (app) => {
  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        querystring: paginationQuery,
        response: { 200: page(unit), 400: problemSchema },
      },
    },
    async () => ({
      items: [],
      next_cursor: null,
    }),
  );
  app.post(
    '/units',
    { schema: { tags: ['units'], body: strictObject({ name: Type.String() }), response: { 201: unit } } },
    async (_r, reply) => reply.code(201).send({ id: '6a2f41a3-c54c-4f3d-8d1e-4f3f3f3f3f3f', name: 'x' }),
  );
};

test('/openapi.json is a valid OpenAPI 3.1 document with the service routes', async (t) => {
  const app = await buildTestApp(t, routes, { openapi: { title: 'Units API' } });
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.title, 'Units API');
  assert.equal(doc.info.version, '1.2.3');
  assert.ok(doc.paths['/units'].get);
  assert.equal(
    doc.paths['/units'].post.requestBody.content['application/json'].schema.additionalProperties,
    false,
  );
  assert.deepEqual(doc.paths['/healthz'].get.tags, ['ops']);
  assert.equal(doc.paths['/openapi.json'], undefined);

  const validator = new Validator();
  const result = await validator.validate(doc);
  assert.equal(validator.version, '3.1');
  assert.deepEqual(result.errors, undefined, JSON.stringify(result.errors, null, 2));
  assert.equal(result.valid, true);
});

test('/docs serves the Swagger UI', async (t) => {
  const app = await buildTestApp(t, routes);
  const res = await app.inject({ method: 'GET', url: '/docs' });
  const html =
    res.statusCode === 302 ? await app.inject({ method: 'GET', url: String(res.headers.location) }) : res;
  assert.equal(html.statusCode, 200);
  assert.match(String(html.headers['content-type']), /text\/html/);
  assert.match(html.body, /swagger-ui/i);
});

test('every error response is documented as application/problem+json, successes as application/json', async (t) => {
  const app = await buildTestApp(t, routes);
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const list = doc.paths['/units'].get.responses;
  assert.deepEqual(Object.keys(list['400'].content), ['application/problem+json']);
  assert.equal(
    list['400'].content['application/problem+json'].schema.description,
    'RFC 9457 problem details',
  );
  assert.deepEqual(Object.keys(list['200'].content), ['application/json']);
  for (const [path, item] of Object.entries<Record<string, { responses: Record<string, Response> }>>(
    doc.paths,
  )) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[45]/.test(status) || !response.content) continue;
        assert.deepEqual(Object.keys(response.content), ['application/problem+json'], `${method} ${path}`);
      }
    }
  }
});

interface Response {
  content?: Record<string, unknown>;
}
