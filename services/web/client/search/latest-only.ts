/**
 * One request in flight per endpoint: each call aborts the request of the call before it, before its own
 * starts. (TanStack Query cancels a query that lost its observer too, but only after the next query's
 * fetch has begun, so two would overlap for a moment.) The returned signal also follows the query's own.
 */
export function latestOnly(): (querySignal: AbortSignal) => AbortSignal {
  let previous: AbortController | undefined;
  return (querySignal) => {
    previous?.abort();
    const controller = new AbortController();
    previous = controller;
    querySignal.addEventListener('abort', () => controller.abort(), { once: true });
    return controller.signal;
  };
}

/** An error from aborting a request: not worth a retry, nobody waits for its answer any more. */
export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';
