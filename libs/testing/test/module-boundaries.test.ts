import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// The workspace's eslint.config.js refuses relative imports into another package (import-x's
// no-relative-packages); this proves the rule fires, and that imports through package exports pass.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'import-x/no-relative-packages').map((m) => m.message);
}

test('a relative import into another package is a lint error', async () => {
  const errors = await boundaryErrors(
    'bench/search/boundary-probe.ts',
    "import { CITIES } from '../../services/listings/tools/seed/cities.js';\nexport const cities = CITIES;\n",
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /Relative import from another package/);
});

test('imports through package exports and within a package pass', async () => {
  const errors = await boundaryErrors(
    'services/listings/tools/seed/boundary-probe.ts',
    [
      "import { CITIES } from '@portfolioos/listings/seed';",
      "import { uuid } from '../../src/http-schemas.js';",
      'export const used = [CITIES, uuid];',
      '',
    ].join('\n'),
  );
  assert.deepEqual(errors, []);
});
