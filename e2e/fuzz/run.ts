// `npm run fuzz [-- --service listings ...]`: every service's OpenAPI document fuzzed by schemathesis
// against the service booted on the real stack, as an owner, as a read-only viewer and anonymously.
// Exits 1 on any finding; the full reports stay in e2e/results/fuzz/.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cursorOperations } from './cursors.js';
import { createPrincipals, type FuzzPrincipals } from './principals.js';
import { fuzzProfiles, type FuzzProfile } from './profiles.js';
import { resultsDir } from './paths.js';
import { printSummary, summarizeReport, type RunSummary } from './report.js';
import { ensureSchemathesis, runSchemathesis, type FuzzBudget } from './schemathesis.js';
import {
  bootService,
  discoverServices,
  type BootedService,
  type FuzzEnvironment,
} from './service-processes.js';

const { values } = parseArgs({
  options: {
    service: { type: 'string', multiple: true },
    'max-examples': { type: 'string' },
    seed: { type: 'string' },
    parallel: { type: 'string' },
  },
});

// The owner's run comes last: it may revoke or change what the viewer's token stands on. Identity is
// fuzzed last for the same reason: the other services verify the tokens it issued.
const ROLES = ['viewer', 'anonymous', 'owner'] as const;

// One worker: with two, hypothesis's lambda-source cache raced once ("AST constructor recursion depth
// mismatch", a schemathesis runtime error on GET /v1/admin/organizations), which would make the step flaky.
const budget: FuzzBudget = {
  maxExamples: Number(values['max-examples'] ?? 10),
  workers: 1,
  phases: ['examples', 'coverage', 'fuzzing'],
  seed: Number(values.seed ?? 20261202),
};
// The coverage phase (every boundary and every way to break each parameter, deterministic, ~2000 cases
// for listings) costs most of the time and finds what it finds mostly past the auth gate: the owner's run
// has it; the viewer's and the anonymous runs, where staff routes stop at 401/403, generate and fuzz only.
const budgetOf = (role: (typeof ROLES)[number]): FuzzBudget =>
  role === 'owner' ? budget : { ...budget, phases: ['examples', 'fuzzing'] };

const all = discoverServices();
const wanted = values.service ?? all;
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0)
  throw new Error(`no service ${unknown.join(', ')} under services/ (${all.join(', ')})`);
const others = wanted.filter((name) => name !== 'identity');
const order = [...others, ...wanted.filter((name) => name === 'identity')];
// Services other than identity are fuzzed two at a time: each has its own process, port and throwaway
// database, and shares only identity's tokens, which only identity's own owner run (last, alone) can
// revoke. One schemathesis process keeps about one core busy, so two fill the 2-core machine.
const parallel = Math.max(1, Number(values.parallel ?? 2));

// Only the reports of the services fuzzed now are replaced: `--service search` keeps the last listings run.
for (const name of order) rmSync(join(resultsDir, name), { recursive: true, force: true });
for (const name of new Set([...order, 'identity'])) rmSync(join(resultsDir, `${name}.log`), { force: true });
mkdirSync(resultsDir, { recursive: true });
const started = Date.now();
const bin = ensureSchemathesis();
const profiles = fuzzProfiles();
const profileOf = (name: string): FuzzProfile => profiles[name] ?? {};
const fuzz: FuzzEnvironment = { internalToken: randomBytes(32).toString('base64url') };

// Identity always runs: it issues the tokens of the owner and the viewer every other service checks.
const identity = await bootService('identity', fuzz, profileOf('identity').env?.() ?? {}, resultsDir);
const summaries: RunSummary[] = [];
try {
  const principals = await createPrincipals(identity.url);
  const withIdentity: FuzzEnvironment = { ...fuzz, identityUrl: identity.url };
  const queue = others.values();
  const lane = async (): Promise<void> => {
    for (const name of queue) {
      const service = await bootService(name, withIdentity, profileOf(name).env?.() ?? {}, resultsDir);
      try {
        summaries.push(...(await fuzzService(service, profileOf(name), principals)));
      } finally {
        await stopService(service, profileOf(name));
      }
    }
  };
  // Settled, not Promise.all: a lane that fails must not stop identity under the other lane's run.
  const lanes = await Promise.allSettled(Array.from({ length: parallel }, lane));
  const failed = lanes.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  if (order.includes('identity'))
    summaries.push(...(await fuzzService(identity, profileOf('identity'), principals)));
} finally {
  await stopService(identity, profileOf('identity'));
}

printSummary(summaries, resultsDir, (Date.now() - started) / 1000, budget);
if (summaries.some((s) => s.failures > 0)) process.exitCode = 1;

async function fuzzService(
  service: BootedService,
  profile: FuzzProfile,
  principals: FuzzPrincipals,
): Promise<RunSummary[]> {
  // A service's own document: the web service serves it at /openapi/web.json, since its /openapi.json is the
  // merged public document of every service (services/web/src/public-api/).
  const ownUrl = `${service.url}/openapi/${service.name}.json`;
  const own = await fetch(ownUrl).catch(() => undefined);
  const schemaUrl = own?.ok ? ownUrl : `${service.url}/openapi.json`;
  const served = own?.ok ? own : await fetch(schemaUrl);
  if (!served.ok) {
    console.log(`fuzz: ${service.name} serves no OpenAPI document (${served.status}); not fuzzed`);
    return [];
  }
  const document = (await served.json()) as Parameters<typeof cursorOperations>[0];
  const unstatedRules = [...cursorOperations(document), ...Object.keys(profile.unstatedRules ?? {})];
  const seededAt = Date.now();
  const pathValues = (await profile.seed?.(service.url, principals)) ?? {};
  console.log(`fuzz: ${service.name} seeded in ${((Date.now() - seededAt) / 1000).toFixed(1)} s`);
  const tokens = { owner: principals.ownerToken, viewer: principals.viewerToken, anonymous: undefined };
  const runs: RunSummary[] = [];
  for (const role of ROLES) {
    const runStarted = Date.now();
    const dir = join(resultsDir, service.name, role);
    const report = await runSchemathesis({
      bin,
      schemaUrl,
      token: tokens[role],
      pathValues,
      unstatedRules,
      dir,
      budget: budgetOf(role),
    });
    const summary = summarizeReport(service.name, role, report, (Date.now() - runStarted) / 1000);
    console.log(
      `fuzz: ${service.name} as ${role}: ${summary.operations} operations, ${summary.examples} cases, ` +
        `${summary.failures} failures in ${summary.seconds.toFixed(1)} s`,
    );
    runs.push(summary);
  }
  return runs;
}

async function stopService(service: BootedService, profile: FuzzProfile): Promise<void> {
  await service.stop();
  await profile.cleanup?.();
  await service.database.drop();
}
