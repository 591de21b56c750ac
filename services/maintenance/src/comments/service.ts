import { forbidden, type Principal } from '@portfolioos/service-kit';
import { actorOf, inActorOrg } from '../access.js';
import type { MaintenanceDb } from '../db/database.js';
import type { CursorPosition } from '../http-schemas.js';
import { publish } from '../outbox.js';
import { visibleRequest, writerOf } from '../requests/service.js';
import { insertComment, listComments, type CommentRow } from './repository.js';
import type { CommentBody } from './schemas.js';

/** The thread between the tenant and staff on a request; internal notes stay among staff. */
export class CommentService {
  constructor(private readonly db: MaintenanceDb) {}

  add(principal: Principal | null, requestId: string, body: CommentBody): Promise<CommentRow> {
    const actor = writerOf(principal);
    if (!actor.userId) throw forbidden('A comment is written by a person.');
    const authorUserId = actor.userId;
    const internal = body.internal ?? false;
    if (internal && actor.kind !== 'staff') throw forbidden('Only staff write internal notes.');
    return inActorOrg(this.db, actor, async (tx, orgId) => {
      const request = await visibleRequest(tx, actor, requestId);
      const row = await insertComment(tx, {
        orgId,
        requestId,
        authorUserId,
        authorRole: actor.kind === 'tenant' ? 'tenant' : 'staff',
        body: body.body,
        internal,
      });
      await publish(tx, 'portfolioos.maintenance.MaintenanceRequestCommented', requestId, {
        request_id: requestId,
        organization_id: orgId,
        occurred_at: row.createdAt.getTime(),
        comment_id: row.id,
        submitted_by_user_id: request.submittedByUserId,
        author_user_id: authorUserId,
        internal,
      });
      return row;
    });
  }

  list(principal: Principal | null, requestId: string, limit: number, after?: CursorPosition) {
    const actor = actorOf(principal);
    return inActorOrg(this.db, actor, async (tx, orgId) => {
      await visibleRequest(tx, actor, requestId);
      return listComments(tx, orgId, requestId, actor.kind === 'staff', limit, after);
    });
  }
}
