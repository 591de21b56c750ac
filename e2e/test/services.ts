import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devEnvironment } from '../../scripts/dev-environment.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Services as `npm start` runs them (own process, own database, dev secrets), stopped with SIGTERM. */
export async function startServices(services: Record<string, number>): Promise<() => Promise<void>> {
  const children: ChildProcess[] = [];
  for (const [name, port] of Object.entries(services)) {
    const env = { ...(devEnvironment(name) as NodeJS.ProcessEnv), LOG_LEVEL: 'warn' };
    // The server process itself, not `npm start` around it: npm does not pass SIGTERM on everywhere.
    const child = spawn(
      process.execPath,
      ['--conditions=@portfolioos/source', '--import', 'tsx', 'src/server.ts'],
      {
        cwd: join(root, 'services', name),
        env,
        stdio: 'inherit',
      },
    );
    children.push(child);
    await waitUntilReady(name, port, child);
  }
  return async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  };
}

// Fails as soon as the process dies, so a port held by something else is not mistaken for the service.
async function waitUntilReady(name: string, port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) before it was ready`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (ready?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} did not become ready on :${port}`);
}
