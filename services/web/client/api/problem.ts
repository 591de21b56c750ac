import type { paths } from '../../src/generated/identity-api.js';

/** RFC 9457 problem details as every PortfolioOS service answers them. */
export type Problem =
  paths['/v1/auth/login']['post']['responses'][400]['content']['application/problem+json'];

/** A call the API refused: its status and problem+json (undefined when the answer was not one). */
export class ProblemResponse extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ProblemResponse';
  }

  /** The message of each invalid body field the API named, by its dotted path (`organization.name`). */
  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const e of this.problem?.errors ?? [])
      if (e.in === 'body' && e.field) byField[e.field] ??= e.message;
    return byField;
  }

  /** Seconds until a 429 may be retried (identity's `retry_after`), when it said. */
  get retryAfterSeconds(): number | undefined {
    const value = this.problem?.retry_after;
    return typeof value === 'number' ? value : undefined;
  }
}

/** Reads a failed fetch Response into a ProblemResponse. */
export async function problemOf(response: Response): Promise<ProblemResponse> {
  const type = response.headers.get('content-type') ?? '';
  const problem = /json/.test(type) ? ((await response.json().catch(() => undefined)) as Problem) : undefined;
  return new ProblemResponse(response.status, problem);
}

/**
 * The ProblemResponse of an openapi-fetch answer that has no data. openapi-fetch has already read the body
 * into `error`, so the problem comes from there, not from the (consumed) response.
 */
export const apiProblem = (response: Response, error: unknown): ProblemResponse =>
  new ProblemResponse(response.status, typeof error === 'object' && error ? (error as Problem) : undefined);
