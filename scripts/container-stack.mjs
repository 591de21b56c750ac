// PORTFOLIOOS_TEST_STACK=containers: the infrastructure for `npm test` from official images through
// testcontainers (libs/testing/src/containers), on a host with a container engine. The child process holds
// the containers for the whole run; its PORTFOLIOOS_TEST_* variables are merged into this process's
// environment, which every later step inherits.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The stack components that still run as local processes in containers mode. */
export const PROCESS_ONLY = [
  'zipkin',
  'prism-twilio',
  'prism-docusign',
  'sendgrid-standin',
  'chromium',
  'nginx',
];

/** Starts the container stack and resolves once its variables are in process.env. */
export function startContainerStack(root) {
  const envFile = join(mkdtempSync(join(tmpdir(), 'portfolioos-containers-')), 'env.json');
  const child = spawn(
    'node',
    [
      '--conditions=@portfolioos/source',
      '--import',
      'tsx',
      'libs/testing/src/containers/container-stack-cli.ts',
      envFile,
    ],
    { cwd: root, stdio: ['pipe', 'inherit', 'inherit'] },
  );
  // Closing its stdin (this process exiting) stops the containers.
  process.on('exit', () => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`container stack exited (${code}) before it was up`)));
    const poll = setInterval(() => {
      if (!existsSync(envFile)) return;
      clearInterval(poll);
      child.removeAllListeners('exit');
      Object.assign(process.env, JSON.parse(readFileSync(envFile, 'utf8')));
      resolve();
    }, 500);
  });
}
