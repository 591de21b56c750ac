#!/usr/bin/env node
// `npm run k8s:check`: the Kubernetes packaging, validated offline.
//   1. deploy/routes.json and the chart's copy (helm/portfolioos/files/routes.json) are identical
//      (`npm run k8s:check -- --sync` copies it first);
//   2. every service under services/ with a package.json has an enabled entry in the chart's values;
//   3. `helm lint --strict` + `helm template` for each helm/portfolioos/ci/*.yaml and tilt/values-dev.yaml;
//   4. every rendered manifest, deploy/k8s/ and tilt/ manifests validated with kubeconform -strict against
//      the Kubernetes JSON schemas bundled in the PyPI package kubernetes-validate (nothing fetched at run
//      time), for the chart's oldest supported and the newest bundled Kubernetes version;
//   5. every route of the table whose service is enabled has its ingress path (websocket routes on the
//      websocket Ingress), and every Deployment keeps the hardened pod defaults;
//   5b. every component that verifies tokens agrees with identity on issuer, audience and JWKS URL, and the
//      release-wide settings (brokers, registry, internal token) have one value (k8s-shared-settings.mjs);
//   6. the Tiltfile parses (Starlark is a syntactic subset of Python: python3's ast is the parser).
// helm (the official binary from an npm package, `go install` as the fallback) and kubeconform (`go install`)
// at pinned versions come from scripts/k8s-tools.mjs (`npm test` fetches them in the background while it
// provisions), kubernetes-validate from pip into a venv, all under a
// per-user cache outside the repository (PORTFOLIOOS_TOOLS_DIR overrides it).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureK8sTools, KUBERNETES_VALIDATE_VERSION, toolsDir } from './k8s-tools.mjs';
import { ensureStandaloneSchemas } from './kubeconform-schemas.mjs';
import { checkRendered } from './k8s-rendered-checks.mjs';
import { checkSharedSettings } from './k8s-shared-settings.mjs';

// The chart's kubeVersion floor and the newest schema set kubernetes-validate bundles.
const KUBERNETES_VERSIONS = ['1.29.0', '1.37.0'];
const RELEASE = 'portfolioos';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chartDir = join(root, 'helm', 'portfolioos');
const routesSource = join(root, 'deploy', 'routes.json');
const routesCopy = join(chartDir, 'files', 'routes.json');

const started = Date.now();
const problems = [];
const warnings = [];
const log = (line) => console.log(line);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  return result;
}

function mustRun(command, args, options = {}) {
  const result = run(command, args, options);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return result.stdout;
}

/** kubeconform-ready schemas for one Kubernetes version (scripts/kubeconform-schemas.mjs); their root. */
function ensureSchemas(python, version) {
  const schemasRoot = join(toolsDir, `kubeconform-schemas-${KUBERNETES_VALIDATE_VERSION}-standalone`);
  const target = join(schemasRoot, `v${version}-local-strict`);
  if (existsSync(join(target, '.complete'))) return schemasRoot;
  const site = mustRun(python, [
    '-c',
    'import kubernetes_validate, os; print(os.path.dirname(kubernetes_validate.__file__))',
  ]).trim();
  const source = join(site, 'kubernetes-json-schema', `v${version}-local-strict`);
  if (!existsSync(source))
    throw new Error(`kubernetes-validate ${KUBERNETES_VALIDATE_VERSION} has no schemas for ${version}`);
  ensureStandaloneSchemas(source, target);
  return schemasRoot;
}

/** Parses YAML files (multi-document) with the venv's PyYAML: { file: [documents] }. */
function readYaml(python, files) {
  const script =
    'import sys, json, yaml\n' +
    'print(json.dumps({f: [d for d in yaml.safe_load_all(open(f)) if d is not None] for f in sys.argv[1:]}))';
  return JSON.parse(mustRun(python, ['-c', script, ...files]));
}

function checkRoutesCopy(sync) {
  if (sync) {
    copyFileSync(routesSource, routesCopy);
    log('› synced deploy/routes.json → helm/portfolioos/files/routes.json');
  }
  const same = existsSync(routesCopy) && readFileSync(routesCopy).equals(readFileSync(routesSource));
  if (!same) {
    problems.push(
      'helm/portfolioos/files/routes.json differs from deploy/routes.json: run `npm run k8s:check -- --sync`',
    );
  }
}

function servicesWithPackage() {
  const dir = join(root, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'package.json')))
    .map((entry) => entry.name);
}

function checkComponentCoverage(values, routeTable) {
  const components = values.components ?? {};
  for (const service of servicesWithPackage()) {
    const entry = components[service];
    if (!entry)
      problems.push(`services/${service} has no components.${service} entry in helm/portfolioos/values.yaml`);
    else if (entry.enabled !== true)
      problems.push(`services/${service} exists but components.${service}.enabled is not true`);
  }
  const built = new Set(servicesWithPackage());
  for (const [name, entry] of Object.entries(components)) {
    if (!routeTable.services[name] && !entry?.port) {
      problems.push(`components.${name}: not in deploy/routes.json and no port set`);
    }
    if (entry?.enabled === true && !built.has(name)) {
      warnings.push(
        `components.${name} is enabled but services/${name}/package.json does not exist (no image to build yet)`,
      );
    }
  }
  for (const service of Object.keys(routeTable.services)) {
    if (!components[service])
      problems.push(`deploy/routes.json names ${service}, values.yaml has no components.${service}`);
  }
}

function checkTiltfile() {
  const tiltfile = join(root, 'Tiltfile');
  if (!existsSync(tiltfile)) {
    problems.push('Tiltfile is missing');
    return;
  }
  const result = run('python3', [
    '-c',
    'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])',
    tiltfile,
  ]);
  if (result.status !== 0) problems.push(`Tiltfile does not parse:\n${result.stderr.trim()}`);
}

function main() {
  const sync = process.argv.includes('--sync');
  checkRoutesCopy(sync);
  checkTiltfile();

  const { helm, kubeconform, python } = ensureK8sTools();
  const schemasRoot = KUBERNETES_VERSIONS.map((version) => ensureSchemas(python, version))[0];

  const routeTable = JSON.parse(readFileSync(routesSource, 'utf8'));
  const values = readYaml(python, [join(chartDir, 'values.yaml')])[join(chartDir, 'values.yaml')][0];
  checkComponentCoverage(values, routeTable);

  const valueSets = readdirSync(join(chartDir, 'ci'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ label: `ci/${name}`, file: join(chartDir, 'ci', name) }));
  const tiltValues = join(root, 'tilt', 'values-dev.yaml');
  if (existsSync(tiltValues)) valueSets.push({ label: 'tilt/values-dev.yaml', file: tiltValues });

  const workDir = join(tmpdir(), `portfolioos-k8s-check-${process.pid}`);
  mkdirSync(workDir, { recursive: true });
  try {
    const rendered = [];
    for (const { label, file } of valueSets) {
      const kubeVersion = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1];
      const lint = run(helm, [
        'lint',
        chartDir,
        '--strict',
        '--quiet',
        '-f',
        file,
        '--kube-version',
        kubeVersion,
      ]);
      if (lint.status !== 0) {
        problems.push(`helm lint ${label}:\n${(lint.stdout + lint.stderr).trim()}`);
        continue;
      }
      const template = run(helm, [
        'template',
        RELEASE,
        chartDir,
        '-f',
        file,
        '--namespace',
        RELEASE,
        '--kube-version',
        kubeVersion,
      ]);
      if (template.status !== 0) {
        problems.push(`helm template ${label}:\n${template.stderr.trim()}`);
        continue;
      }
      const out = join(workDir, `${label.replaceAll('/', '_')}`);
      writeFileSync(out, template.stdout);
      rendered.push({ label, out });
    }

    const extraManifests = [join(root, 'deploy', 'k8s'), join(root, 'tilt')]
      .filter(existsSync)
      .flatMap((dir) =>
        readdirSync(dir)
          .filter((name) => name.endsWith('.yaml') && !name.startsWith('values'))
          .map((name) => join(dir, name)),
      );
    const manifests = [...rendered.map(({ out }) => out), ...extraManifests];
    for (const version of KUBERNETES_VERSIONS) {
      const result = run(kubeconform, [
        '-strict',
        '-summary',
        '-kubernetes-version',
        version,
        '-schema-location',
        `${schemasRoot}/{{ .NormalizedKubernetesVersion }}-local{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
        ...manifests,
      ]);
      const summary = result.stdout.trim().split('\n').pop();
      log(`  kubeconform (Kubernetes ${version}): ${summary}`);
      if (result.status !== 0)
        problems.push(
          `kubeconform (Kubernetes ${version}):\n${result.stdout.trim()}\n${result.stderr.trim()}`,
        );
    }

    const parsed = readYaml(
      python,
      rendered.map(({ out }) => out),
    );
    for (const { label, out } of rendered) {
      const count = checkRendered(label, parsed[out], routeTable, RELEASE, problems);
      checkSharedSettings(label, parsed[out], problems);
      log(`  ${label}: ${parsed[out].length} objects, ${count} services`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  for (const warning of warnings) log(`  warning: ${warning}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`✗ ${problem}`);
    console.error(`k8s:check failed: ${problems.length} problem(s) (${seconds} s)`);
    process.exitCode = 1;
    return;
  }
  log(`k8s:check passed (${seconds} s)`);
}

try {
  main();
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
}
