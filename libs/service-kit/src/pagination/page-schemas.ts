import { Type, type TSchema } from '@sinclair/typebox';
import { Cursor } from '@portfolioos/contracts';

/** Query string for every list route: `limit` (1–200, default 50) and the opaque `cursor`. */
export const paginationQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Cursor({ maxLength: 1024 })),
  },
  { additionalProperties: false },
);

/** Response envelope for one page of `item`; `next_cursor` is null on the last page. */
export function page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  });
}
