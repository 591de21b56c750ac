/** A dependency check for /readyz: resolves when the dependency is usable, rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface CheckResult {
  status: 'ok' | 'failed';
  duration_ms: number;
  /** Why it failed; a short message, never a stack. */
  error?: string;
}

/** Runs every check concurrently, each bounded by `timeoutMs`. */
export async function runReadinessChecks(
  checks: Readonly<Record<string, ReadinessCheck>>,
  timeoutMs: number,
): Promise<Record<string, CheckResult>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await runOne(check, timeoutMs)] as const),
  );
  return Object.fromEntries(entries);
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'ok', duration_ms: elapsed(started) };
  } catch (error) {
    return {
      status: 'failed',
      duration_ms: elapsed(started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
