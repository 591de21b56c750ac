// `npm test`: provisions what the tests need on a fresh machine, then runs every check and test, and closes
// with each step's time and the one line `tests: N passed, N failed, N skipped`.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-dependencies.mjs';
import { prefetchK8sTools } from './k8s-tools.mjs';
import { runStep } from './run-step.mjs';
import { printSummary, timeStep } from './test-summary.mjs';
import { PROCESS_ONLY, startContainerStack } from './container-stack.mjs';

// The build is CPU-bound and cached by nx: one task per core. PORTFOLIOOS_TEST_PARALLEL
// overrides the tests' parallelism (measurements, bigger machines).
const CHECK_PARALLEL = 2;
// Projects' tests mostly wait on the stack (PostgreSQL, Kafka, Elasticsearch) and share nothing: each
// uses throwaway databases, topics, groups, index aliases and Redis key prefixes, and only e2e starts
// services on their fixed ports. Measured on the 2-core machine: see README ("How long npm test takes").
const TEST_PARALLEL = Number(process.env.PORTFOLIOOS_TEST_PARALLEL ?? 2);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const started = Date.now();
const steps = [];
const step = (name, title, command, args, options = {}) =>
  timeStep(steps, name, () => runStep(title, command, args, { cwd: root, ...options }));
const nx = (targets, parallel) => [
  'nx',
  'run-many',
  '-t',
  ...targets,
  `--parallel=${parallel}`,
  '--outputStyle=stream',
];

// helm and kubeconform compile for minutes on a fresh machine: in the background from here on, so the
// build overlaps npm ci and the stack's provisioning; k8s:check waits for whatever is left of it.
const prefetched = prefetchK8sTools();
if (prefetched.length > 0)
  console.log(`› building ${prefetched.join(' and ')} in the background (go install)`);

let testOutput = '';
let failure;
let stackReady;
try {
  await timeStep(steps, 'npm ci', () => ensureDependencies(root));
  // The stack's provisioning (apt, Maven downloads, Go builds, JVM starts) runs beside the checks that do
  // not need it: format, Kubernetes packaging, build, lint and typecheck. Its lines are prefixed "stack │".
  stackReady = timeStep(steps, 'stack:up (beside the checks)', () => startStack());
  stackReady.catch(() => {});
  await step('format', 'format', 'npx', ['prettier', '--check', '.']);
  await step('k8s:check', 'Kubernetes packaging (helm lint/template, kubeconform, routes, Tiltfile)', 'npm', [
    'run',
    'k8s:check',
  ]);
  await step('build', 'build every project', 'npx', nx(['build'], CHECK_PARALLEL));
  // One eslint over the repository and one TypeScript program per set of compiler options (not one per
  // project, each re-checking the libs it imports): side by side, one core each.
  await Promise.all([
    step('lint', 'lint (eslint .)', 'npx', ['eslint', '.']),
    step('typecheck', 'typecheck (scripts/typecheck.mjs)', 'node', ['scripts/typecheck.mjs']),
  ]);
  await stackReady;
  await step('schemas:register', 'topics and schemas from the catalog', 'npm', ['run', 'schemas:register']);
  await step('schemas:check', 'schema compatibility and generated code', 'npm', ['run', 'schemas:check']);
  if (scripts['template:check']) {
    await step('template:check', 'a service generated from the template', 'npm', ['run', 'template:check']);
  }
  // Everything was just built: the services e2e and the fuzzer start run from dist/ as the image runs
  // them, which boots about 3× faster than through tsx (libs/testing service-processes.ts).
  process.env.PORTFOLIOOS_SERVICES_FROM = 'dist';
  testOutput = await step('test', 'test every project', 'npx', nx(['test'], TEST_PARALLEL), {
    capture: true,
  });
  // Every service's OpenAPI document under schemathesis, as owner, viewer and anonymous (e2e/fuzz):
  // no 5xx, no response off its schema, no undocumented status or content type.
  await step('fuzz', 'fuzz every service API (schemathesis)', 'npm', ['run', 'fuzz']);
} catch (error) {
  failure = error;
  testOutput = error.output ?? testOutput;
  console.error(`\n✗ ${error.message}`);
  process.exitCode = 1;
  // A check failed while the stack was still provisioning: let it finish rather than leave apt or a
  // download half done.
  await stackReady?.catch(() => {});
}

/** The local stack: processes (deploy/local), or on a host with a container engine, official images. */
async function startStack() {
  // With a container engine: the infrastructure from official images (libs/testing), the npm/Maven
  // stand-ins and the ingress still as local processes.
  const containers = process.env.PORTFOLIOOS_TEST_STACK === 'containers';
  if (containers) await startContainerStack(root);
  return runStep(
    containers ? 'local stand-ins (deploy/local)' : 'local stack (deploy/local)',
    'bash',
    ['deploy/local/stack.sh', 'up', ...(containers ? PROCESS_ONLY : [])],
    { cwd: root, prefix: 'stack │ ' },
  );
}
printSummary(steps, (Date.now() - started) / 1000, testOutput, failure ? 1 : 0);
