import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/**
 * Cursors no page hands out, built around `valid` (a position a page could carry): the forms every cursor
 * must refuse (not base64url, base64url of non-JSON, JSON of the wrong kind, a field missing), then `valid`
 * with one field replaced by each of its `hostile` values, then each of `rawJson` as is (for what
 * JSON.stringify cannot write, such as `1e999`, which parses to Infinity).
 */
export function tamperedCursors(
  valid: Record<string, unknown>,
  hostile: Record<string, readonly unknown[]>,
  rawJson: readonly string[] = [],
): Array<[label: string, cursor: string]> {
  const cases: Array<[string, string]> = [
    ['not base64url', '%%%not*base64%%%'],
    ['base64url of text', base64url('not json')],
    ['base64url of truncated JSON', base64url(JSON.stringify(valid).slice(0, -3))],
    ['a JSON array', base64url(JSON.stringify(Object.values(valid)))],
    ['a JSON string', base64url(JSON.stringify('cursor'))],
    ['JSON null', base64url('null')],
  ];
  for (const field of Object.keys(valid)) {
    const { [field]: _dropped, ...rest } = valid;
    cases.push([`without ${field}`, base64url(JSON.stringify(rest))]);
  }
  for (const [field, values] of Object.entries(hostile)) {
    for (const value of values)
      cases.push([
        `${field}: ${JSON.stringify(value)}`,
        base64url(JSON.stringify({ ...valid, [field]: value })),
      ]);
  }
  for (const json of rawJson) cases.push([`raw ${json}`, base64url(json)]);
  return cases;
}

/** What assertCursorsRefused needs of an app: Fastify's inject for a GET. */
export interface GetInjector {
  inject(request: { url: string; headers: Record<string, string> }): PromiseLike<{
    statusCode: number;
    headers: Record<string, unknown>;
    body: string;
    json(): { type?: string };
  }>;
}

const INVALID_CURSOR = 'https://portfolioos.dev/problems/invalid-cursor';
const VALIDATION_ERROR = 'https://portfolioos.dev/problems/validation-error';

/** Asserts that `url` (a cursor-paged GET) answers each of `cases` with 400 invalid-cursor problem+json. */
export async function assertCursorsRefused(
  app: GetInjector,
  url: string,
  cases: Array<[label: string, cursor: string]>,
  headers: Record<string, string> = {},
): Promise<void> {
  const answers: string[] = [];
  for (const [label, cursor] of cases) {
    const response = await app.inject({
      url: `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`,
      headers,
    });
    const problem = String(response.headers['content-type']).startsWith('application/problem+json');
    const type = problem ? response.json().type : response.body;
    // A route whose schema states the cursor alphabet (Cursor() in @portfolioos/contracts) refuses a
    // cursor outside it in validation, before decoding: the same 400, as a validation error.
    const refused = label === 'not base64url' && type === VALIDATION_ERROR ? INVALID_CURSOR : type;
    answers.push(`${label}: ${response.statusCode} ${refused}`);
  }
  assert.deepEqual(
    answers,
    cases.map(([label]) => `${label}: 400 ${INVALID_CURSOR}`),
    `${url} refuses every tampered cursor`,
  );
}
