import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One gateway process (services/realtime/src/server.ts, as `npm start` runs it). */
export interface GatewayProcess {
  url: string;
  pid: number;
  /** Resident set size now, from /proc (KiB). */
  rssKb(): number;
  stop(): Promise<void>;
}

async function readyWithin(url: string, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).catch(() => undefined);
    if (ready?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gateway at ${url} not ready within ${ms} ms`);
}

/** Starts a gateway on 127.0.0.1:`port` with `env` over the process's own environment. */
export async function startGateway(port: number, env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=@portfolioos/source', '--import', 'tsx', 'services/realtime/src/server.ts'],
    {
      cwd: root,
      env: { ...process.env, ...env, HTTP_PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // Generous: a gateway compiled by tsx on a busy machine takes a while to boot.
  await readyWithin(url, child, 180_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    pid: child.pid!,
    rssKb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
