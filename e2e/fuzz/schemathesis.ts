import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './paths.js';

/** Real values for path parameters, by parameter name (`propertyId` → the seeded property's id). */
export type PathValues = Record<string, string[]>;

/** One schemathesis run over every operation of one service's OpenAPI document, as one caller. */
export interface SchemathesisRun {
  bin: string;
  schemaUrl: string;
  /** Bearer token of the caller; none: anonymous. */
  token?: string;
  pathValues: PathValues;
  /** Operations whose schema-valid requests may get a 400 from a rule OpenAPI cannot state (by name). */
  unstatedRules: string[];
  /** Directory for this run's config, reports and console output. */
  dir: string;
  budget: FuzzBudget;
}

/** How much schemathesis generates: what keeps three services in about three minutes on two cores. */
export interface FuzzBudget {
  maxExamples: number;
  workers: number;
  phases: string[];
  seed: number;
}

// How often a path parameter gets a seeded id rather than a generated value: mostly real ids, so handlers
// get past their lookups, yet still some random ids and malformed values for the not-found paths.
const SEEDED_VALUE_PROBABILITY = 0.8;

/** The schemathesis venv (deploy/local/lib/python-venv.sh, pinned in deploy/local/python/): its bin dir. */
export function ensureSchemathesis(): string {
  const result = spawnSync(
    'bash',
    [
      join(repositoryRoot, 'deploy/local/lib/python-venv.sh'),
      'schemathesis',
      join(repositoryRoot, 'deploy/local/python/schemathesis.txt'),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (result.status !== 0) throw new Error('installing schemathesis failed (see above)');
  return result.stdout.trim();
}

/**
 * Runs schemathesis with every check it has (`--checks all`: server errors, response schemas, status codes,
 * content types, headers, negative/positive data, unsupported methods, auth, ...), seeded so a failure
 * reproduces. Resolves with the path of the JSON run report; the exit code only says whether it failed.
 */
export async function runSchemathesis(run: SchemathesisRun): Promise<string> {
  mkdirSync(run.dir, { recursive: true });
  const configFile = join(run.dir, 'schemathesis.toml');
  writeFileSync(configFile, configToml(run.pathValues, run.unstatedRules));
  const reportFile = join(run.dir, 'report.json');
  const args = [
    '--config-file',
    configFile,
    'run',
    run.schemaUrl,
    '--checks',
    'all',
    '--seed',
    String(run.budget.seed),
    '--generation-deterministic',
    '--max-examples',
    String(run.budget.maxExamples),
    '--phases',
    run.budget.phases.join(','),
    '--workers',
    String(run.budget.workers),
    '--continue-on-failure',
    '--request-timeout',
    '10',
    '--report',
    'json,junit',
    '--report-dir',
    run.dir,
    '--report-json-path',
    reportFile,
    '--no-color',
    ...(run.token ? ['-H', `Authorization: Bearer ${run.token}`] : []),
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(run.bin, 'schemathesis'), args, {
      cwd: run.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let console = '';
    child.stdout.on('data', (chunk) => (console += chunk));
    child.stderr.on('data', (chunk) => (console += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      writeFileSync(join(run.dir, 'console.txt'), console);
      // 0: no failures, 1: failures found; anything else is schemathesis itself failing.
      if (code === 0 || code === 1) resolve();
      else reject(new Error(`schemathesis exited ${code}: ${console.slice(-2000)}`));
    });
  });
  return reportFile;
}

const ACCEPTED_FOR_VALID_DATA = '"2xx", "3xx", 401, 403, 404, 409, 422, 429, "5xx"';

function configToml(pathValues: PathValues, unstatedRules: string[]): string {
  const lines: string[] = [];
  const bindings: string[] = [];
  for (const [name, values] of Object.entries(pathValues)) {
    lines.push(`[dictionaries.${name}]`, `values = ${JSON.stringify(values)}`, '');
    bindings.push(`"path.${name}" = { dictionary = "${name}", probability = ${SEEDED_VALUE_PROBABILITY} }`);
  }
  return [
    ...lines,
    // Schema-valid data may still be refused by a rule about the state or the world that JSON Schema
    // cannot say (the last owner stays, an expiry lies ahead, a time zone exists): 422 says so, and is
    // documented where it happens. A 400 for schema-valid data stays a failure: that rule belongs in the
    // schema. The rest is schemathesis's default.
    '[checks.positive_data_acceptance]',
    `expected-statuses = [${ACCEPTED_FOR_VALID_DATA}]`,
    '',
    // A 413 is the answer to a body over the route's limit (polygon searches), not an accepted request.
    '[checks.negative_data_rejection]',
    'expected-statuses = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429, "5xx"]',
    '',
    '[parameters]',
    ...bindings,
    '',
    ...(unstatedRules.length > 0
      ? [
          '[[operations]]',
          `include-name = ${JSON.stringify(unstatedRules)}`,
          '[operations.checks.positive_data_acceptance]',
          `expected-statuses = [${ACCEPTED_FOR_VALID_DATA}, 400]`,
          '',
        ]
      : []),
  ].join('\n');
}
