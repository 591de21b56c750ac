import { Type, type Static } from '@sinclair/typebox';
import { problemSchema, strictObject } from '@portfolioos/service-kit';

export const noteParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const noteBody = strictObject({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ maxLength: 10_000 }),
});
export type NoteBody = Static<typeof noteBody>;

export const noteSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  body: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

export const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Where a page resumes: the last row's creation time and id. */
export const notePosition = Type.Object({ at: Type.String(), id: Type.String() });
export type NotePosition = Static<typeof notePosition>;
