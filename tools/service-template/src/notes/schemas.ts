import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Text } from '@portfolioos/contracts';
import { problemSchema, strictObject } from '@portfolioos/service-kit';

export const noteParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const noteBody = strictObject({
  // Text: no NUL or lone surrogates (PostgreSQL refuses them), in the OpenAPI document as a pattern.
  title: Text({ minLength: 1, maxLength: 200 }),
  body: Text({ maxLength: 10_000 }),
});
export type NoteBody = Static<typeof noteBody>;

export const noteSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  body: Type.String(),
  created_at: IsoDateTime(),
});

export const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Where a page resumes: the last row's creation time and id. */
export const notePosition = Type.Object({ at: Type.String(), id: Type.String() });
export type NotePosition = Static<typeof notePosition>;
