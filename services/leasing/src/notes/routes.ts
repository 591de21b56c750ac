import {
  decodeCursor,
  encodeCursor,
  page,
  paginationQuery,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { staffReaders, staffWriters } from '../access.js';
import type { NoteRow } from './repository.js';
import { errors, noteBody, noteParams, notePosition, noteSchema } from './schemas.js';
import type { NoteService } from './service.js';

const tags = ['notes'];

const noteToJson = (row: NoteRow) => ({
  id: row.id,
  title: row.title,
  body: row.body,
  created_at: row.createdAt.toISOString(),
});

/** /v1/leasing/notes: the example feature (replace with the service's own). */
export function noteRoutes(notes: NoteService): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: staffWriters,
        schema: { tags, summary: 'Record a note', body: noteBody, response: { 201: noteSchema, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(noteToJson(await notes.create(request.principal, request.body))),
    );
    app.get(
      '/',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'Notes, oldest first',
          querystring: paginationQuery,
          response: { 200: page(noteSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const after = cursor ? decodeCursor(cursor, notePosition) : undefined;
        const rows = await notes.list(request.principal, limit, after);
        const last = rows.length === limit ? rows.at(-1) : undefined;
        return {
          items: rows.map(noteToJson),
          next_cursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
        };
      },
    );
    app.get(
      '/:id',
      {
        config: staffReaders,
        schema: { tags, summary: 'One note', params: noteParams, response: { 200: noteSchema, ...errors } },
      },
      async (request) => noteToJson(await notes.get(request.principal, request.params.id)),
    );
  };
}
