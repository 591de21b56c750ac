import { page, paginationQuery, type ServicePlugin } from '@portfolioos/service-kit';
import { requestReaders, requestWriters } from '../access.js';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import type { CommentRow } from './repository.js';
import { commentBody, commentSchema } from './schemas.js';
import type { CommentService } from './service.js';

const tags = ['maintenance requests'];

const commentToJson = (row: CommentRow) => ({
  id: row.id,
  request_id: row.requestId,
  author_user_id: row.authorUserId,
  author_role: row.authorRole as 'tenant' | 'staff',
  body: row.body,
  internal: row.internal,
  created_at: row.createdAt.toISOString(),
});

/** /v1/maintenance-requests/{id}/comments: the thread (tenants never see internal notes). */
export function commentRoutes(comments: CommentService): ServicePlugin {
  return async (app) => {
    app.post(
      '/:id/comments',
      {
        config: requestWriters,
        schema: {
          tags,
          summary: 'Comment on a request (staff may mark it internal)',
          params: idParams,
          body: commentBody,
          response: { 201: commentSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(commentToJson(await comments.add(request.principal, request.params.id, request.body))),
    );
    app.get(
      '/:id/comments',
      {
        config: requestReaders,
        schema: {
          tags,
          summary: "A request's comments, oldest first",
          params: idParams,
          querystring: paginationQuery,
          response: { 200: page(commentSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const rows = await comments.list(request.principal, request.params.id, limit, positionAfter(cursor));
        return creationOrderPage(rows, limit, commentToJson);
      },
    );
  };
}
