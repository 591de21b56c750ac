import { PROBLEM_CONTENT_TYPE } from '../errors/problem-reply.js';

type Content = Record<string, unknown>;
interface ResponseObject {
  content?: Content;
}
interface OpenApiDocument {
  paths?: Record<string, object | undefined>;
}

const isErrorStatus = (status: string) => /^[45]/.test(status) || status === 'default';

/**
 * Documents every error response as `application/problem+json`, the media type the error handler sends:
 * @fastify/swagger labels every response schema application/json, so a client (or a schema-driven fuzzer)
 * reading the document would expect the wrong content type on 4xx/5xx.
 */
export function documentProblemResponses<T extends OpenApiDocument>(document: T): T {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      const responses = (operation as { responses?: Record<string, ResponseObject> } | null)?.responses;
      for (const [status, response] of Object.entries(responses ?? {})) {
        const json = response.content?.['application/json'];
        if (!isErrorStatus(status) || json === undefined || !response.content) continue;
        const { ['application/json']: _json, ...others } = response.content;
        response.content = { [PROBLEM_CONTENT_TYPE]: json, ...others };
      }
    }
  }
  return document;
}
