import { errors } from '@elastic/elasticsearch';
import { badRequest, ProblemError } from '@portfolioos/service-kit';
import type { SearchRequest } from './search-request.js';

/**
 * Maps what Elasticsearch refuses because of the client's input to problems; everything else (our
 * bugs, an unavailable cluster) is rethrown and answers 500/503 as usual.
 */
export function searchProblem(error: unknown, request: SearchRequest): unknown {
  if (!(error instanceof errors.ResponseError)) return error;
  const causes = rootCauses(error);
  if (request.cursor !== null && causes.includes('search_context_missing_exception')) {
    // The point in time the cursor reads has expired (or the index it pinned is gone).
    return new ProblemError({
      status: 410,
      slug: 'search-expired',
      title: 'Gone',
      detail: 'This search has expired; start it again without the cursor.',
    });
  }
  if (error.statusCode !== 400) return error;
  // 400s only come from what the client controls: a tampered cursor's point-in-time id, or the area.
  if (request.cursor !== null) {
    return badRequest('The cursor is not valid; use next_cursor from a previous page.', 'invalid-cursor');
  }
  if (request.area !== null) return badRequest('Elasticsearch cannot use this area.', 'invalid-geometry');
  return error;
}

function rootCauses(error: errors.ResponseError): string[] {
  const body = error.body as { error?: { root_cause?: { type?: string }[] } } | undefined;
  return (body?.error?.root_cause ?? []).flatMap((cause) => (cause.type ? [cause.type] : []));
}
