// `npm test`: provisions what the tests need on a fresh machine, then runs every check and test.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-dependencies.mjs';
import { runStep } from './run-step.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
let testOutput = '';
try {
  ensureDependencies(root);
  await runStep('local stack (deploy/local)', 'bash', ['deploy/local/stack.sh', 'up'], { cwd: root });
  await runStep('topics and schemas from the catalog', 'npm', ['run', 'schemas:register'], { cwd: root });
  await runStep('schema compatibility and generated code', 'npm', ['run', 'schemas:check'], { cwd: root });
  await runStep('format', 'npx', ['prettier', '--check', '.'], { cwd: root });
  await runStep(
    'Kubernetes packaging (helm lint/template, kubeconform, routes, Tiltfile)',
    'npm',
    ['run', 'k8s:check'],
    {
      cwd: root,
    },
  );
  testOutput = await runStep(
    'build, lint, typecheck and test every project',
    'npx',
    ['nx', 'run-many', '-t', 'build', 'lint', 'typecheck', 'test', '--parallel=1', '--outputStyle=stream'],
    { cwd: root, capture: true },
  );
  printTotals(testOutput, 0);
} catch (error) {
  printTotals(error.output ?? testOutput, 1);
  console.error(`\n✗ ${error.message}`);
  process.exitCode = 1;
} finally {
  console.log(`(npm test took ${Math.round((Date.now() - started) / 1000)} s)`);
}

/** Sums node:test's "# pass N" / "# fail N" lines over all projects into one closing line. */
function printTotals(output, failedSteps) {
  const sum = (label) =>
    [...output.matchAll(new RegExp(`^.*# ${label} (\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  const passed = sum('pass');
  const failed = sum('fail') + sum('cancelled') + (failedSteps && sum('fail') === 0 ? failedSteps : 0);
  console.log(`\ntests: ${passed} passed, ${failed} failed, ${sum('skipped')} skipped`);
}
