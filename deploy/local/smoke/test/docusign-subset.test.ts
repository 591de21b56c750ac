// deploy/local/docusign/derive-subset.mjs on DocuSign's real document: the properties that keep Prism from
// loading the raw file must all be gone from what it writes. Runs the script as stack.sh does.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

interface Operation {
  operationId: string;
  consumes?: string[];
  produces?: string[];
}
interface Swagger {
  basePath?: string;
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, unknown>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const source = join(
  process.env.PORTFOLIOOS_SHARED_DIR ?? join(repoRoot, '../shared'),
  'vendor-specs/docusign_esignature_v2.1.json',
);
const dir = mkdtempSync(join(tmpdir(), 'docusign-subset-'));
let subset: Swagger;
let report: string;

before(() => {
  const out = join(dir, 'subset.json');
  report = execFileSync(
    process.execPath,
    [join(repoRoot, 'deploy/local/docusign/derive-subset.mjs'), source, out],
    {
      encoding: 'utf8',
    },
  );
  subset = JSON.parse(readFileSync(out, 'utf8')) as Swagger;
});
after(() => rmSync(dir, { recursive: true, force: true }));

const operations = () =>
  Object.entries(subset.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => typeof op === 'object' && 'operationId' in op)
      .map(([method, op]) => ({ path, method, op })),
  );

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => refsIn(child, found));
  else if (node && typeof node === 'object') {
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') found.push(ref.replace('#/definitions/', ''));
    Object.values(node).forEach((child) => refsIn(child, found));
  }
  return found;
}

test('keeps the operations the platform uses, under /restapi (basePath folded in), with JSON media types', () => {
  assert.equal(subset.basePath, undefined);
  const ids = operations().map((o) => o.op.operationId);
  for (const id of [
    'Envelopes_PostEnvelopes',
    'Views_PostEnvelopeRecipientView',
    'Recipients_GetRecipients',
    'Documents_GetDocument',
    'Connect_PostConnectConfiguration',
  ])
    assert.ok(ids.includes(id), id);
  assert.equal(ids.length, 15);
  for (const { path, op } of operations()) {
    assert.match(path, /^\/restapi\/v2\.1\//);
    assert.ok(op.consumes?.length, `${op.operationId} consumes`);
    assert.ok(op.produces?.length, `${op.operationId} produces`);
  }
});

test('no $ref dangles and no definition reaches itself', () => {
  const names = new Set(Object.keys(subset.definitions));
  const dangling = refsIn(subset).filter((name) => !names.has(name));
  assert.deepEqual(dangling, []);
  const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
    refsIn(subset.definitions[from]).some(
      (next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen))),
    );
  const cyclic = [...names].filter((name) => reaches(name, name));
  assert.deepEqual(cyclic, []);
  assert.match(report, /cut cycles: .*folder.*→ folder/);
  assert.match(report, /→ envelope/);
});
