import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const fixture = fileURLToPath(new URL('./fixtures/slow-service.ts', import.meta.url));

interface ServiceProcess {
  child: ChildProcessWithoutNullStreams;
  lines: Record<string, unknown>[];
  waitFor(msg: string | RegExp): Promise<Record<string, unknown>>;
}

function startService(env: Record<string, string> = {}): ServiceProcess {
  const child = spawn(process.execPath, ['--conditions=@portfolioos/source', '--import', 'tsx', fixture], {
    env: { ...process.env, ...env },
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    match: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.match(line))) waiter.resolve(line);
  });
  const matcher = (msg: string | RegExp) => (line: Record<string, unknown>) =>
    typeof msg === 'string' ? line.msg === msg : msg.test(String(line.msg));
  return {
    child,
    lines,
    waitFor: (msg) =>
      new Promise((resolve) => {
        const found = lines.find(matcher(msg));
        if (found) resolve(found);
        else waiters.push({ match: matcher(msg), resolve });
      }),
  };
}

async function baseUrlOf(service: ServiceProcess): Promise<string> {
  const listening = await service.waitFor(/^Server listening at http:\/\/127\.0\.0\.1:/);
  return String(listening.msg).replace('Server listening at ', '');
}

test(
  'SIGTERM: readyz flips to 503, the in-flight request completes, workers then resources stop, exit 0',
  { timeout: 20_000 },
  async () => {
    const service = startService();
    const base = await baseUrlOf(service);
    await service.waitFor('background worker started');

    const slow = fetch(`${base}/slow`);
    await service.waitFor('slow request started');
    const exited = once(service.child, 'exit');
    service.child.kill('SIGTERM');
    await service.waitFor('shutting down');

    const readiness = await fetch(`${base}/readyz`);
    assert.equal(readiness.status, 503);

    const response = await slow;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { done: true });

    const [code] = await exited;
    assert.equal(code, 0);
    const order = service.lines
      .map((l) => l.msg)
      .filter((m) =>
        ['slow request finished', 'relay stopped', 'pool closed', 'shutdown complete'].includes(String(m)),
      );
    // HTTP drains first, then workers, then what they use. (Only lines of one writer are compared:
    // pino's synchronous writes and process.stdout's piped ones may interleave out of order.)
    assert.deepEqual(order, ['slow request finished', 'relay stopped', 'pool closed', 'shutdown complete']);
  },
);

test(
  'an uncaught error is logged, everything is stopped, and the process exits 1',
  { timeout: 20_000 },
  async () => {
    const service = startService({ CRASH_AFTER_START: '1' });
    const exited = once(service.child, 'exit');
    const [code] = await exited;
    assert.equal(code, 1);
    const fatal = service.lines.find((l) => l.msg === 'fatal error, shutting down');
    assert.match(String((fatal?.err as { message?: string } | undefined)?.message), /worker exploded/);
    assert.ok(service.lines.some((l) => l.msg === 'relay stopped'));
  },
);
