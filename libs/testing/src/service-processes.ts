import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// libs/testing/{src,dist}/ → the repository root.
const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface ServiceProcessOptions {
  /** The environment of one service (e2e and benches pass @portfolioos/testing/dev-environment). */
  environment: (service: string) => NodeJS.ProcessEnv;
  /** Where the services' output goes: the terminal (default), or `<dir>/<service>.log`. */
  logDir?: string;
  /** Reuse a service that already answers /readyz on its port instead of failing (benches; not e2e). */
  reuseRunning?: boolean;
  /**
   * Run each service from its TypeScript sources through tsx (default) or from its build, `dist/server.js`,
   * as the image runs it: 3× faster to boot, but only as current as the last `npm run build`. `npm test`
   * builds every project first and then sets PORTFOLIOOS_SERVICES_FROM=dist for its later steps.
   */
  from?: 'source' | 'dist';
}

// Read here, not in each caller: e2e files, the fuzzer and benches all start services through this.
const servicesFrom = (): 'source' | 'dist' =>
  process.env.PORTFOLIOOS_SERVICES_FROM === 'dist' ? 'dist' : 'source';

/** Stops the processes started, newest first, each with SIGTERM, and waits for them to exit. */
export type StopServices = () => Promise<void>;

/** True when something answers GET /readyz with 2xx on 127.0.0.1:`port`. */
export async function serviceAnswers(port: number): Promise<boolean> {
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
  return ready?.ok ?? false;
}

/** Services as `npm start` runs them (own process, own database, dev secrets), in order, each until ready. */
export async function startServiceProcesses(
  services: Record<string, number>,
  options: ServiceProcessOptions,
): Promise<StopServices> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    for (const [name, port] of Object.entries(services)) {
      if (options.reuseRunning && (await serviceAnswers(port))) continue;
      const child = spawnService(name, options);
      children.push(child);
      await waitUntilReady(name, port, child);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

function spawnService(name: string, options: ServiceProcessOptions): ChildProcess {
  const cwd = join(root, 'services', name);
  const fromDist = (options.from ?? servicesFrom()) === 'dist';
  if (fromDist && !existsSync(join(cwd, 'dist', 'server.js')))
    throw new Error(`services/${name}/dist/server.js is missing: run npm run build first`);
  // The server process itself, not `npm start` around it: npm does not pass SIGTERM on everywhere.
  const child = spawn(
    process.execPath,
    fromDist ? ['dist/server.js'] : ['--conditions=@portfolioos/source', '--import', 'tsx', 'src/server.ts'],
    {
      cwd,
      env: options.environment(name),
      stdio: options.logDir ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    },
  );
  if (options.logDir) {
    const log = createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  return child;
}

// Fails as soon as the process dies, so a port held by something else is not mistaken for the service.
async function waitUntilReady(name: string, port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) before it was ready`);
    if (await serviceAnswers(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} did not become ready on :${port}`);
}
