/** A dependency check for /readyz: resolves when the dependency is usable, rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<unknown>;

/**
 * A dependency the service keeps serving HTTP without (e.g. Kafka, when events wait in the PostgreSQL
 * outbox): its failure is reported as `degraded` and /readyz stays 200, so the load balancer keeps routing.
 */
export interface OptionalReadinessCheck {
  check: ReadinessCheck;
  optional: true;
}

/** What /readyz checks, by name: hard checks (a failure answers 503) and optional ones. */
export type ReadinessChecks = Readonly<Record<string, ReadinessCheck | OptionalReadinessCheck>>;

/** Marks a check optional: failing, it degrades the service instead of taking it out of rotation. */
export const optionalCheck = (check: ReadinessCheck): OptionalReadinessCheck => ({ check, optional: true });

export interface CheckResult {
  /** `degraded`: an optional check failed. */
  status: 'ok' | 'failed' | 'degraded';
  duration_ms: number;
  /** Why it failed; a short message, never a stack. */
  error?: string;
}

/** Runs every check concurrently, each bounded by `timeoutMs`. */
export async function runReadinessChecks(
  checks: ReadinessChecks,
  timeoutMs: number,
): Promise<Record<string, CheckResult>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, entry]): Promise<[string, CheckResult]> => {
      const optional = typeof entry !== 'function';
      const result = await runOne(optional ? entry.check : entry, timeoutMs);
      return [name, optional && result.status === 'failed' ? { ...result, status: 'degraded' } : result];
    }),
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
