import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergePublicOpenApi, routedService, type OpenApiDocument } from '../tools/public-openapi.js';

const table = {
  routes: [
    { prefix: '/v1/auth', service: 'identity' },
    { prefix: '/v1/listings', service: 'listings' },
    { prefix: '/', service: 'web' },
  ],
};
const info = { title: 'PortfolioOS API', version: '1' };
const doc = (paths: OpenApiDocument['paths'], schemas?: Record<string, unknown>): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'x', version: '0' },
  paths,
  ...(schemas ? { components: { schemas } } : {}),
});
const op = (tags = ['auth']) => ({ get: { tags, responses: {} } });

test('the route table decides who serves a path: longest prefix, whole segments, "/" the rest', () => {
  assert.equal(routedService(table, '/v1/auth/login'), 'identity');
  assert.equal(routedService(table, '/v1/authors'), 'web');
  assert.equal(routedService(table, '/session/login'), 'web');
});

test('merging keeps each public path once, drops probes and /internal/, and sorts', () => {
  const merged = mergePublicOpenApi(
    {
      identity: doc({ '/v1/auth/login': op(), '/healthz': op(['ops']), '/internal/v1/x': op() }),
      listings: doc({ '/v1/listings/{id}': op(['listings']) }, { Money: { type: 'integer' } }),
      web: doc(
        { '/session/login': op(['session']), '/healthz': op(['ops']) },
        { Money: { type: 'integer' } },
      ),
    },
    table,
    info,
  );
  assert.deepEqual(Object.keys(merged.paths ?? {}), [
    '/session/login',
    '/v1/auth/login',
    '/v1/listings/{id}',
  ]);
  assert.deepEqual(merged.components?.schemas, { Money: { type: 'integer' } });
  assert.deepEqual(merged.info, info);
});

test('a path of two services, a path routed elsewhere, or a schema name reused differently is refused', () => {
  assert.throws(
    () =>
      mergePublicOpenApi(
        {
          identity: doc({ '/v1/auth/login': op(), '/v1/listings/x': op() }, { Money: { type: 'integer' } }),
          web: doc({ '/v1/auth/login': op() }, { Money: { type: 'string' } }),
        },
        table,
        info,
      ),
    (error: Error) =>
      /\/v1\/listings\/x is declared by identity but the ingress routes it to listings/.test(error.message) &&
      /\/v1\/auth\/login is declared by both identity and web/.test(error.message) &&
      /schema Money differs between identity and web/.test(error.message),
  );
});
