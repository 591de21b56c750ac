// npm run template:check: generates a throwaway service from tools/service-template inside the workspace
// (so it resolves the workspace's packages) and runs its lint, typecheck (src and tests) and tests, so the
// template cannot rot. The folder is hidden from npm workspaces and nx, and removed afterwards.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateService } from './new-service.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const name = `template-check-${process.pid}`;
const target = join(root, '.template-check', name);

let failed = false;
try {
  generateService(name, { target, port: 3099 });
  for (const script of ['lint', 'typecheck', 'test']) {
    const started = Date.now();
    const run = spawnSync('npm', ['run', script], { cwd: target, stdio: 'inherit' });
    console.log(
      `template:check ${script}: ${run.status === 0 ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`,
    );
    if (run.status !== 0) {
      failed = true;
      break;
    }
  }
} finally {
  rmSync(join(root, '.template-check'), { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
