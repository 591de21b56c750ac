import { Type, type Static } from '@sinclair/typebox';

/** Base of every problem `type` URI; the path after it is the stable, documented problem slug. */
export const PROBLEM_BASE_URI = 'https://portfolioos.dev/problems/';

/** One invalid input: where it was (`body`, `querystring`, `params`, `headers`), which field, and why. */
export const problemFieldErrorSchema = Type.Object({
  in: Type.String(),
  field: Type.String({ description: 'Dotted path within the request part; empty for the part as a whole.' }),
  message: Type.String(),
});

/** RFC 9457 problem details as every PortfolioOS service returns them (application/problem+json). */
export const problemSchema = Type.Object(
  {
    type: Type.String({ format: 'uri' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    request_id: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(problemFieldErrorSchema)),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);

export type Problem = Static<typeof problemSchema>;
export type ProblemFieldError = Static<typeof problemFieldErrorSchema>;

export interface ProblemInit {
  status: number;
  /** Slug appended to PROBLEM_BASE_URI, e.g. `lease-overlap`. */
  slug: string;
  title: string;
  detail?: string;
  errors?: ProblemFieldError[];
  /** Extra members for this problem type (RFC 9457 extensions). */
  extensions?: Record<string, unknown>;
}

/** An error a route or service throws to answer with a specific problem+json response. */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(init: ProblemInit) {
    super(init.detail ?? init.title);
    this.name = 'ProblemError';
    this.status = init.status;
    this.type = `${PROBLEM_BASE_URI}${init.slug}`;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.extensions = init.extensions ?? {};
  }
}

/** 400: the request is malformed in a way schemas could not express. */
export const badRequest = (detail: string, slug = 'bad-request'): ProblemError =>
  new ProblemError({ status: 400, slug, title: 'Bad Request', detail });

/** 401: no or invalid credentials. */
export const unauthorized = (detail = 'Authentication is required.'): ProblemError =>
  new ProblemError({ status: 401, slug: 'unauthorized', title: 'Unauthorized', detail });

/** 403: authenticated but not allowed. Use notFound instead when the object belongs to another organization. */
export const forbidden = (detail = 'You are not allowed to do this.'): ProblemError =>
  new ProblemError({ status: 403, slug: 'forbidden', title: 'Forbidden', detail });

/** 404: the resource does not exist or is not visible to the caller's organization. */
export const notFound = (detail = 'The resource does not exist.'): ProblemError =>
  new ProblemError({ status: 404, slug: 'not-found', title: 'Not Found', detail });

/** 409: the request conflicts with the resource's current state. */
export const conflict = (detail: string, slug = 'conflict'): ProblemError =>
  new ProblemError({ status: 409, slug, title: 'Conflict', detail });

/** 422: well-formed input that breaks a business rule; `slug` names the rule. */
export const unprocessable = (
  detail: string,
  slug = 'unprocessable',
  errors?: ProblemFieldError[],
): ProblemError =>
  new ProblemError({
    status: 422,
    slug,
    title: 'Unprocessable Content',
    detail,
    ...(errors ? { errors } : {}),
  });
