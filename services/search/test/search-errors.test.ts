import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errors } from '@elastic/elasticsearch';
import { ProblemError } from '@portfolioos/service-kit';
import { searchProblem } from '../src/search/search-errors.js';
import type { SearchRequest } from '../src/search/search-request.js';

const request = (overrides: Partial<SearchRequest>) =>
  ({ cursor: null, area: null, ...overrides }) as SearchRequest;
const esError = (statusCode: number, rootCause: string) =>
  new errors.ResponseError({
    statusCode,
    body: { error: { root_cause: [{ type: rootCause }], type: rootCause }, status: statusCode },
    headers: {},
    warnings: null,
    meta: {} as never,
  });
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};

test('Elasticsearch refusing an area is the client’s 400, not a 500', () => {
  const problem = searchProblem(esError(400, 'illegal_argument_exception'), request({ area: square }));
  assert.ok(problem instanceof ProblemError);
  assert.equal(problem.status, 400);
  assert.match(problem.type, /invalid-geometry$/);
});

test('an expired point in time is 410; other Elasticsearch failures stay server errors', () => {
  const expired = searchProblem(esError(404, 'search_context_missing_exception'), request({ cursor: 'c' }));
  assert.equal((expired as ProblemError).status, 410);
  const original = esError(400, 'illegal_argument_exception');
  assert.equal(searchProblem(original, request({})), original, 'a 400 without client input is our bug');
  const unavailable = esError(503, 'no_shard_available_action_exception');
  assert.equal(searchProblem(unavailable, request({ area: square })), unavailable);
});
