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
